// A young person's home: "Alert my people" first, then one tap to call or text each
// of their people, and people who can help any time. This all works with no signal:
// their people come from the copy kept on the phone (offline.js, sw.js), the
// helplines are part of the app, and an alert waits on the phone until it can go.
import { accountItems, menu } from "../account.js";
import { agreedCopy } from "../offline.js";
import { fill, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";
import { alertCard, reachHint, rememberPeople } from "./alert-button.js";
import { youngPersonAlerts } from "./alert-lists.js";
import { phoneText } from "./plan-parts.js";

// Free helplines for children and young people in the UK.
const HELPLINES = [
  {
    name: "Childline",
    about: "Free to call, any time, about anything.",
    number: "0800 1111",
    dial: "08001111",
    text: false,
  },
  {
    name: "Missing People",
    about: "Free to call or text, any time, if you've run away or are thinking about it.",
    number: "116 000",
    dial: "116000",
    text: true,
  },
];

function dialable(phone) {
  return String(phone).replace(/[^\d+]/g, "");
}

function callButtons(name, dial, { text = true } = {}) {
  return h(
    "div",
    { class: "call-buttons" },
    h("a", { href: `tel:${dial}`, class: "button button-call", testid: "call-link" }, `Call ${name}`),
    text
      ? h("a", { href: `sms:${dial}`, class: "button button-text", testid: "text-link" }, `Text ${name}`)
      : null,
  );
}

function personCard(person) {
  return h(
    "li",
    { class: "call-card", testid: "call-person", "data-name": person.name },
    h(
      "p",
      { class: "call-name" },
      h("strong", { text: person.name }),
      person.how_they_know_me
        ? h("span", { class: "call-how", text: ` – ${person.how_they_know_me}` })
        : null,
    ),
    person.phone
      ? [
          h("p", { class: "call-number", text: phoneText(person.phone) }),
          callButtons(person.name, dialable(person.phone)),
        ]
      : h("p", { class: "card-detail", text: "No phone number saved." }),
  );
}

async function peopleArea(area, me, isCurrent, reachSlot) {
  let copy;
  try {
    copy = await agreedCopy(me.young_person_id);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(
      area,
      error.status === 0
        ? h("p", {
            testid: "home-people",
            text: "You're offline. Your people will show here after you open Homeward once with signal.",
          })
        : problemBox(error),
    );
    return;
  }
  if (!isCurrent()) return;
  const people = (copy.data.trio ?? []).filter((p) => p.state !== "stepped_down");
  rememberPeople(me.young_person_id, people);
  fill(reachSlot, reachHint(people));
  fill(
    area,
    people.length
      ? h("ul", { class: "call-list", testid: "home-people" }, people.map(personCard))
      : h(
          "p",
          { testid: "home-people" },
          "You haven't added your people yet. ",
          h("a", { href: "#/people" }, "Add your people"),
        ),
    copy.fetchedAt
      ? h("p", {
          class: "hint",
          testid: "people-updated",
          text: `${copy.offline ? "Saved on this phone. " : ""}Last updated ${plainWhen(copy.fetchedAt)}.`,
        })
      : null,
  );
}

function helplines() {
  return h(
    "section",
    { "aria-labelledby": "helplines-heading", testid: "helplines" },
    h("h2", { id: "helplines-heading", text: "People who can help any time" }),
    h(
      "ul",
      { class: "call-list" },
      HELPLINES.map((line) =>
        h(
          "li",
          { class: "call-card", testid: "helpline", "data-name": line.name },
          h("p", { class: "call-name" }, h("strong", { text: line.name }), ` – ${line.number}`),
          h("p", { class: "card-detail", text: line.about }),
          callButtons(line.name, line.dial, { text: line.text }),
        ),
      ),
    ),
    h(
      "p",
      { class: "danger-line" },
      h("strong", { text: "In danger right now? " }),
      h("a", { href: "tel:999", testid: "call-999" }, "Call 999"),
    ),
  );
}

export async function render(view, { me, go, isCurrent }) {
  const area = h("div", { testid: "home-people-area" }, loading());
  const { card, activeSlot, reachSlot } = alertCard({ me, go, isCurrent });
  put(
    view,
    heading(`Hi ${me.user.display_name}`, "home-greeting"),
    card,
    h(
      "section",
      { "aria-labelledby": "home-people-heading" },
      h("h2", { id: "home-people-heading", text: "Your people" }),
      area,
    ),
    helplines(),
    youngPersonAlerts(me, isCurrent, activeSlot),
    h(
      "section",
      { "aria-labelledby": "home-menu-heading" },
      h("h2", { id: "home-menu-heading", text: "Your plan and settings" }),
      menu([
        h("a", { href: "#/plan", class: "menu-item", testid: "link-plan" }, "Your plan"),
        h("a", { href: "#/people", class: "menu-item", testid: "link-people" }, "Add or change your people"),
        h(
          "a",
          { href: "#/my-info", class: "menu-item", testid: "link-my-info" },
          "Who can see my information",
        ),
        ...accountItems(me, go),
      ]),
    ),
  );
  await peopleArea(area, me, isCurrent, reachSlot);
}
