// One young person, for the adults around them. Carers see the details and who
// can see them; the allocated social worker also invites, moves or ends placements
// and allocations, manages lost phones and sees who has looked. Which of these the
// caller may do comes from the server (`can` on the record): the rules live there.
// Anyone else gets "not found" from the server.
import { del, get, post } from "../api.js";
import {
  announce,
  fill,
  h,
  heading,
  loading,
  plainDate,
  plainList,
  plainWhen,
  problemBox,
  put,
} from "../ui.js";
import { careTeam } from "./care-team.js";
import { invitePanel } from "./invite-panel.js";
import { stateWords } from "./people.js";
import { carerPhonesSection } from "./phones.js";
import { noLongerList, whoCanSeeList, whoHasLookedList } from "./who.js";

function section(id, title, ...content) {
  return h("section", { "aria-labelledby": id }, h("h2", { id, text: title }), ...content);
}

function details(person) {
  const rows = [
    ["Age", String(person.age)],
    ["Date of birth", plainDate(person.date_of_birth)],
    ["Social workers", plainList(person.social_workers) || "None yet"],
    ["Carers", plainList(person.carers) || "None yet"],
    ["On Homeward", person.has_account ? "Yes, has joined" : "Not joined yet"],
  ];
  return h(
    "dl",
    { class: "details", testid: "young-person-details" },
    rows.map(([term, value]) =>
      h("div", { class: "detail" }, h("dt", { text: term }), h("dd", { text: value })),
    ),
  );
}

function accountInvite(invite, person, role) {
  return invitePanel(invite, {
    role,
    title:
      role === "young_person"
        ? `Invite for ${person.preferred_name}`
        : `Carer invite for ${person.preferred_name}`,
    intro:
      role === "young_person"
        ? `Ask ${person.preferred_name} to scan this code with their phone's camera.`
        : "Ask the carer to scan this code with their phone's camera, or send them the link.",
    qrAlt: "QR code to join Homeward",
  });
}

function invites(person) {
  const holder = h("div", { testid: "invite-holder" });
  const make = async (role, buttonEl) => {
    buttonEl.disabled = true;
    try {
      const invite = await post("/api/invites", { role, young_person_id: person.id });
      const { title, panel } = accountInvite(invite, person, role);
      holder.replaceChildren(panel);
      title.focus();
    } catch (error) {
      if (error.status !== 401) holder.replaceChildren(problemBox(error, "invite-problem"));
    } finally {
      buttonEl.disabled = false;
    }
  };
  const buttons = [];
  if (!person.has_account) {
    const b = h("button", { type: "button", class: "button button-primary", testid: "invite-young-person" });
    b.textContent = `Invite ${person.preferred_name} to Homeward`;
    b.addEventListener("click", () => make("young_person", b));
    buttons.push(b);
  }
  const carerButton = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "invite-carer" },
    "Invite a carer",
  );
  carerButton.addEventListener("click", () => make("carer", carerButton));
  buttons.push(carerButton);
  return section("invite-heading", "Invites", h("div", { class: "button-row" }, buttons), holder);
}

function deviceList(person, devices) {
  if (devices.length === 0) return h("p", { testid: "devices", text: "No phones are signed in." });
  const list = h("ul", { class: "cards", testid: "devices" });
  for (const device of devices) {
    const name = device.device_name || "A phone";
    const item = h(
      "li",
      { class: "card", testid: "device" },
      h("p", { class: "card-title" }, h("strong", { text: name })),
      h("p", { class: "card-detail", text: `Signed in ${plainWhen(device.created_at)}` }),
      device.last_seen_at
        ? h("p", { class: "card-detail", text: `Last used ${plainWhen(device.last_seen_at)}` })
        : null,
    );
    const signOut = h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        testid: "device-sign-out",
        "aria-label": `Sign out ${name}`,
      },
      "Sign out this phone",
    );
    signOut.addEventListener("click", async () => {
      signOut.disabled = true;
      try {
        await del(
          `/api/young-people/${encodeURIComponent(person.id)}/devices/${encodeURIComponent(device.id)}`,
        );
        item.remove();
        announce(`${name} is signed out.`);
      } catch (error) {
        signOut.disabled = false;
        if (error.status !== 401) item.append(problemBox(error));
      }
    });
    item.append(signOut);
    list.append(item);
  }
  return list;
}

function peopleSummary(people) {
  const shown = people.filter((p) => p.state !== "stepped_down");
  if (!shown.length) return h("p", { testid: "people-summary", text: "Nobody added yet." });
  return h(
    "ul",
    { class: "plain-list", testid: "people-summary" },
    shown.map((p) =>
      h(
        "li",
        { testid: "people-summary-item" },
        h("strong", { text: p.name }),
        p.how_they_know_me ? ` (${p.how_they_know_me})` : "",
        `: ${stateWords(p)}`,
      ),
    ),
  );
}

function planAndPeople(person, people, socialWorker) {
  const name = person.preferred_name;
  const id = encodeURIComponent(person.id);
  return [
    section(
      "plan-heading",
      "Missing Safety Plan",
      h(
        "p",
        {},
        h(
          "a",
          { href: `#/young-people/${id}/plan`, class: "button button-primary", testid: "link-plan" },
          `Open ${name}'s plan`,
        ),
      ),
    ),
    section(
      "people-heading",
      `${name}'s people`,
      people.error ? problemBox(people.error) : peopleSummary(people.data),
      socialWorker
        ? h(
            "p",
            {},
            h(
              "a",
              { href: `#/young-people/${id}/people`, testid: "link-people" },
              `Add, change or invite ${name}'s people`,
            ),
          )
        : null,
    ),
  ];
}

async function optional(path) {
  try {
    return { data: await get(path) };
  } catch (error) {
    return { error };
  }
}

function notFound(view) {
  fill(
    view,
    heading("Not found", "not-found"),
    h("p", { text: "We couldn't find that young person. They may not be on your caseload." }),
    h("p", {}, h("a", { href: "#/home" }, "Back to home")),
  );
}

/** After handing their own allocation over, the social worker can no longer see the record. */
function handedOver(view, words) {
  fill(
    view,
    heading("Handed over", "handed-over"),
    h("p", { class: "notice", role: "status", testid: "handed-over-notice", text: words }),
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, "Back to your caseload")),
  );
}

export async function render(view, context, notice = "") {
  const { params, me, isCurrent } = context;
  const [id] = params;
  put(view, loading());
  const base = `/api/young-people/${encodeURIComponent(id)}`;
  let person;
  try {
    person = await get(base);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    if (error.status === 404 || error.status === 403) notFound(view);
    else fill(view, heading("Young person"), problemBox(error));
    return;
  }
  const can = new Set(person.can ?? []);
  const socialWorker = me.user.role === "social_worker"; // only for the people link below
  const [canSee, looked, devices, people] = await Promise.all([
    optional(`${base}/who-can-see`),
    can.has("see_audit") ? optional(`${base}/who-has-looked`) : null,
    can.has("manage_devices") ? optional(`${base}/devices`) : null,
    optional(`${base}/contacts`),
  ]);
  if (!isCurrent()) return;
  const show = (result, build) => (result.error ? problemBox(result.error) : build(result.data));
  const changed = (words, change) => {
    if (!isCurrent()) return;
    // Handing over (or ending) their own allocation takes the record away from them.
    const own = (change.replaced ?? change.ended)?.user_id === me.user.id;
    if (change.kind === "allocations" && own) {
      handedOver(view, `${words} You can no longer see ${person.preferred_name}'s record.`);
      view.querySelector("h1")?.focus();
      return;
    }
    render(view, context, words);
  };
  fill(
    view,
    heading(person.preferred_name, "young-person-name"),
    details(person),
    planAndPeople(person, people, socialWorker),
    can.has("manage_care_team") ? careTeam(person, notice, changed) : null,
    can.has("invite") ? invites(person) : null,
    section(
      "can-see-heading",
      `Who can see ${person.preferred_name}'s information`,
      show(canSee, (data) => [
        whoCanSeeList(data, "who-can-see", { forYoungPerson: false }),
        noLongerList(data, "no-longer-can-see", { forYoungPerson: false }),
      ]),
    ),
    devices
      ? section(
          "devices-heading",
          `${person.preferred_name}'s phones`,
          h("p", { text: "If a phone is lost, sign it out so nobody else can use it." }),
          show(devices, (data) => deviceList(person, data)),
        )
      : null,
    can.has("manage_carer_devices") ? carerPhonesSection(person) : null,
    looked
      ? section(
          "looked-heading",
          "Who has looked",
          show(looked, (data) => whoHasLookedList(data, "who-has-looked", { forYoungPerson: false })),
        )
      : null,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, "Back to home")),
  );
}
