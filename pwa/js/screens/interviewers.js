// The council's list of independent return interviewers, kept by its admin: the young
// people of the council choose from the active ones. Professionals only: English.
import { get, post, putJson } from "../api.js";
import { announce, clearErrors, field, fill, formAlert, h, heading, loading, problemBox, put, showApiError, whileBusy } from "../ui.js";

function row(person, alertBox) {
  const status = h("td", { "data-label": "Status", testid: "interviewer-status", text: person.active ? "On the list" : "Off the list" });
  const toggle = h("button", { type: "button", class: "button button-small", testid: "interviewer-toggle" });
  const show = () => {
    status.textContent = person.active ? "On the list" : "Off the list";
    toggle.textContent = person.active ? "Take off the list" : "Put back on the list";
    toggle.setAttribute("aria-label", `${toggle.textContent}: ${person.name}`);
  };
  toggle.addEventListener("click", async () => {
    toggle.disabled = true;
    alertBox.replaceChildren();
    try {
      const changed = await putJson(`/api/council/interviewers/${encodeURIComponent(person.id)}`, {
        name: person.name,
        organisation: person.organisation,
        active: !person.active,
      });
      person.active = changed.active;
      show();
      announce(`${person.name} is ${person.active ? "on" : "off"} the list.`);
    } catch (error) {
      if (error.status !== 401) alertBox.replaceChildren(problemBox(error));
    } finally {
      toggle.disabled = false;
    }
  });
  show();
  return h(
    "tr",
    { testid: "interviewer-row" },
    h("th", { scope: "row", "data-label": "Name" }, h("bdi", { text: person.name })),
    h("td", { "data-label": "Organisation", text: person.organisation }),
    status,
    h("td", { "data-label": "Action" }, toggle),
  );
}

function table(people, alertBox) {
  return h(
    "table",
    { class: "table table-stack", testid: "interviewers" },
    h("caption", { class: "visually-hidden", text: "Return interviewers" }),
    h("thead", {}, h("tr", {}, ["Name", "Organisation", "Status", "Action"].map((text) => h("th", { scope: "col", text })))),
    h("tbody", {}, people.map((person) => row(person, alertBox))),
  );
}

function addForm(onAdded) {
  const name = field({ label: "Name", name: "name", testid: "interviewer-name", maxlength: 200 });
  const organisation = field({ label: "Organisation", name: "organisation", testid: "interviewer-organisation", required: false, maxlength: 200 });
  const form = h(
    "form",
    { testid: "interviewer-add", novalidate: true },
    formAlert(),
    name,
    organisation,
    h("button", { type: "submit", class: "button button-primary", testid: "interviewer-add-button" }, "Add to the list"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    await whileBusy(form, async () => {
      try {
        const added = await post("/api/council/interviewers", {
          name: name.querySelector("input").value,
          organisation: organisation.querySelector("input").value,
        });
        form.reset();
        announce(`${added.name} is on the list.`);
        await onAdded();
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

export async function render(view, { isCurrent }) {
  const listSlot = h("div", { testid: "interviewers-slot" }, loading());
  const alertBox = h("div", { testid: "interviewers-alert" });
  const load = async () => {
    try {
      const people = await get("/api/council/interviewers");
      if (!isCurrent()) return;
      fill(listSlot, people.length ? table(people, alertBox) : h("p", { testid: "interviewers-none", text: "Nobody is on the list yet." }));
    } catch (error) {
      if (!isCurrent() || error.status === 401) return;
      fill(listSlot, problemBox(error));
    }
  };
  put(
    view,
    heading("Return interviewers"),
    h("p", { text: "Independent people trained to hold return home interviews. Young people choose from the ones on the list, or name someone they trust." }),
    alertBox,
    listSlot,
    h("section", { "aria-labelledby": "add-interviewer" }, h("h2", { id: "add-interviewer", text: "Add someone" }), addForm(load)),
    h("p", {}, h("a", { href: "#/home" }, "Back to accounts")),
  );
  await load();
}
