// The out-of-hours worker who knows the young person (seed 000), beside the plan: their
// social worker chooses one of the council's out-of-hours people; outside office hours an
// alert at the social worker's step asks them first, then the duty rota. Read by the
// young person (in plain words), their carer and their social worker.
import { get, putJson } from "../api.js";
import { t } from "../i18n.js";
import { announce, fill, formAlert, h, loading, nextId, problemBox, showApiError, whileBusy } from "../ui.js";

function said(view, forYoungPerson) {
  const name = view.young_person_name;
  if (forYoungPerson) {
    return view.worker
      ? t("known_worker.you_chosen", { worker: view.worker.name })
      : t("known_worker.you_none");
  }
  return view.worker
    ? t("known_worker.chosen", { name, worker: view.worker.name })
    : t("known_worker.none", { name });
}

function chooser(path, view, onSaved) {
  const id = nextId("known-worker");
  const select = h(
    "select",
    { id, name: "worker_id", testid: "known-worker-select" },
    h("option", { value: "", text: t("known_worker.nobody") }),
    view.choices.map((person) =>
      h("option", { value: person.id, selected: view.worker?.id === person.id, text: person.name }),
    ),
  );
  const form = h(
    "form",
    { testid: "known-worker-form", novalidate: true },
    formAlert("known-worker-error"),
    h(
      "div",
      { class: "field" },
      h("label", { for: id, text: t("known_worker.label") }),
      h("p", {
        class: "field-error",
        id: `${id}-error`,
        hidden: true,
      }),
      select,
    ),
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "known-worker-save" },
      t("known_worker.save"),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await whileBusy(form, async () => {
      try {
        const saved = await putJson(path, { worker_id: select.value || null });
        announce(t("known_worker.saved"));
        onSaved(saved);
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return view.choices.length ? form : h("p", { class: "hint", text: t("known_worker.no_choices") });
}

/** The section, filled in when it has loaded. */
export function knownWorkerSection(youngPersonId, { forYoungPerson = false, name = "", isCurrent }) {
  const id = nextId("known-worker-heading");
  const area = h("div", {}, loading());
  const section = h(
    "section",
    { "aria-labelledby": id, testid: "known-worker" },
    h("h2", { id, text: forYoungPerson ? t("known_worker.heading_you") : t("known_worker.heading", { name }) }),
    area,
  );
  const path = `/api/young-people/${encodeURIComponent(youngPersonId)}/out-of-hours-worker`;
  const draw = (view) => {
    fill(
      area,
      h("p", { testid: "known-worker-said", text: said(view, forYoungPerson) }),
      view.can.includes("choose") ? chooser(path, view, draw) : null,
    );
  };
  (async () => {
    let view;
    try {
      view = await get(path);
    } catch (error) {
      if (!isCurrent() || error.status === 401) return;
      fill(area, error.status === 0 ? null : problemBox(error));
      if (error.status === 0) section.hidden = true;
      return;
    }
    if (isCurrent()) draw(view);
  })();
  return section;
}
