// A young person's home: "Alert my people" first, then one tap to call or text each
// of their people, and people who can help any time. This all works with no signal:
// their people come from the copy kept on the phone (offline.js, sw.js), the
// helplines are part of the app, and an alert waits on the phone until it can go.
import { accountItems, menu } from "../account.js";
import { t } from "../i18n.js";
import { languageSection } from "../language-choice.js";
import { agreedCopy } from "../offline.js";
import { fill, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";
import { alertCard, reachHint, rememberPeople } from "./alert-button.js";
import { chatCard } from "./chat.js";
import { youngPersonAlerts } from "./alert-lists.js";
import { readinessSection } from "./alert-readiness.js";
import { phoneText } from "./plan-parts.js";
import { feedbackInvite } from "./feedback-mine.js";

// Free helplines for children and young people in the UK (their names are names).
const HELPLINES = [
  {
    name: "Childline",
    about: "home.childline_about",
    number: "0800 1111",
    dial: "08001111",
    text: false,
  },
  {
    name: "Missing People",
    about: "home.missing_people_about",
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
    h(
      "a",
      { href: `tel:${dial}`, class: "button button-call", testid: "call-link" },
      t("common.call_name", { name }),
    ),
    text
      ? h(
          "a",
          { href: `sms:${dial}`, class: "button button-text", testid: "text-link" },
          t("common.text_name", { name }),
        )
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
      h("strong", {}, h("bdi", { text: person.name })),
      person.how_they_know_me
        ? [" – ", h("bdi", { class: "call-how", text: person.how_they_know_me })]
        : null,
    ),
    person.phone
      ? [
          h("p", { class: "call-number" }, h("bdi", { dir: "ltr", text: phoneText(person.phone) })),
          callButtons(person.name, dialable(person.phone)),
        ]
      : h("p", { class: "card-detail", text: t("home.no_phone") }),
  );
}

async function peopleArea(area, me, isCurrent, reachSlot, asked) {
  let copy;
  try {
    copy = await (asked ?? agreedCopy(me.young_person_id));
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(
      area,
      error.status === 0
        ? h("p", {
            testid: "home-people",
            text: t("home.people_offline"),
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
          t("home.no_people"),
          " ",
          h("a", { href: "#/people" }, t("home.add_people")),
        ),
    copy.fetchedAt
      ? h("p", {
          class: "hint",
          testid: "people-updated",
          text: t(copy.offline ? "home.people_kept_updated" : "home.people_updated", {
            when: plainWhen(copy.fetchedAt),
          }),
        })
      : null,
  );
}

function helplines() {
  return h(
    "section",
    { "aria-labelledby": "helplines-heading", testid: "helplines" },
    h("h2", { id: "helplines-heading", text: t("home.helplines") }),
    h(
      "ul",
      { class: "call-list" },
      HELPLINES.map((line) =>
        h(
          "li",
          { class: "call-card", testid: "helpline", "data-name": line.name },
          h(
            "p",
            { class: "call-name" },
            h("strong", { text: line.name }),
            " – ",
            h("bdi", { dir: "ltr", text: line.number }),
          ),
          h("p", { class: "card-detail", text: t(line.about) }),
          callButtons(line.name, line.dial, { text: line.text }),
        ),
      ),
    ),
    h(
      "p",
      { class: "danger-line" },
      h("strong", { text: t("common.in_danger") }),
      " ",
      h("a", { href: "tel:999", dir: "ltr", testid: "call-999" }, t("common.call_999")),
    ),
  );
}

/** `copy`: the agreed copy already asked for (home.js), else it is asked for here. */
export async function render(view, { me, go, isCurrent, copy = null }) {
  const area = h("div", { testid: "home-people-area" }, loading());
  const { card, activeSlot, reachSlot } = alertCard({ me, go, isCurrent });
  put(
    view,
    heading(t("home.greeting", { name: me.user.display_name }), "home-greeting"),
    card,
    await chatCard(me, isCurrent),
    feedbackInvite(isCurrent),
    h(
      "section",
      { "aria-labelledby": "home-people-heading" },
      h("h2", { id: "home-people-heading", text: t("home.your_people") }),
      area,
    ),
    readinessSection(me.young_person_id, { forYoungPerson: true, isCurrent }),
    helplines(),
    youngPersonAlerts(me, isCurrent, activeSlot),
    h(
      "section",
      { "aria-labelledby": "home-menu-heading" },
      h("h2", { id: "home-menu-heading", text: t("home.menu") }),
      menu([
        h("a", { href: "#/plan", class: "menu-item", testid: "link-plan" }, t("home.link_plan")),
        h("a", { href: "#/people", class: "menu-item", testid: "link-people" }, t("home.link_people")),
        h("a", { href: "#/my-info", class: "menu-item", testid: "link-my-info" }, t("home.link_my_info")),
        ...accountItems(me, go),
      ]),
    ),
    languageSection({ whose: "account" }),
  );
  await peopleArea(area, me, isCurrent, reachSlot, copy);
}
