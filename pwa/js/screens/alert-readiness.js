// "Who your alert reaches now": before a first alert, the young person (and their carer)
// see who an alert sent now would reach, and how (GET .../alerts/readiness), with what
// to fix in plain words. The reader can turn notifications on here, from the nudge.
import { get, post } from "../api.js";
import { roleWordsForAdults, roleWordsForYoungPerson } from "../alerts.js";
import { t } from "../i18n.js";
import { subscribeThisPhone } from "../push.js";
import { announce, fill, h, loading, nextId, plainList, problemBox } from "../ui.js";

const REACH_WORDS = {
  notifications: "readiness.reach.notifications",
  email: "readiness.reach.email",
  none: "readiness.reach.none",
};

function fixFor(person, forYoungPerson) {
  if (person.reach !== "none" || person.is_you) return null;
  if (person.role === "trusted_contact") {
    return t(person.has_phone ? "readiness.fix.contact_with_phone" : "readiness.fix.contact", {
      name: person.name,
    });
  }
  return t(forYoungPerson ? "readiness.fix.adult_for_young_person" : "readiness.fix.adult", {
    name: person.name,
  });
}

function personItem(person, forYoungPerson) {
  const role = forYoungPerson ? roleWordsForYoungPerson(person.role) : roleWordsForAdults(person.role);
  const fix = fixFor(person, forYoungPerson);
  const reach = person.is_you
    ? t(person.reach === "none" ? "readiness.you.none" : "readiness.you.on")
    : t(REACH_WORDS[person.reach]);
  return h(
    "li",
    {
      class: person.reach === "none" ? "card readiness-item readiness-none" : "card readiness-item",
      testid: "readiness-person",
      "data-name": person.name,
      "data-reach": person.reach,
    },
    h(
      "p",
      { class: "call-name" },
      h("strong", {}, h("bdi", { text: person.is_you ? t("readiness.you") : person.name })),
      role ? [" – ", role] : null,
    ),
    h(
      "p",
      { testid: "readiness-reach" },
      person.reach === "none"
        ? h("strong", { class: "badge badge-off", text: t("readiness.badge_off") })
        : h("strong", { class: "badge badge-on", text: t("readiness.badge_on") }),
      " ",
      reach,
    ),
    fix ? h("p", { class: "card-detail", testid: "readiness-fix", text: fix }) : null,
  );
}

function summary(ready, forYoungPerson) {
  const name = ready.young_person_name;
  if (ready.first_level === null) {
    return h(
      "div",
      { class: "notice notice-warning", testid: "readiness-summary", "data-ready": "no" },
      h("p", {
        class: "notice-title",
        text: t(forYoungPerson ? "readiness.nobody_you" : "readiness.nobody", { name }),
      }),
      h("p", {
        text: t(forYoungPerson ? "readiness.nobody_you_detail" : "readiness.nobody_detail", { name }),
      }),
    );
  }
  const first = ready.people
    .filter((p) => p.level === ready.first_level && p.reach !== "none")
    .map((p) => (p.is_you ? t("readiness.you_lower") : p.name));
  return h("p", {
    class: "notice",
    testid: "readiness-summary",
    "data-ready": "yes",
    text: t(forYoungPerson ? "readiness.first_you" : "readiness.first", { name, names: plainList(first) }),
  });
}

function turnOnButton(forYoungPerson, onDone) {
  const problem = h("div", { testid: "readiness-problem" });
  const button = h(
    "button",
    { type: "button", class: "button button-primary", testid: "readiness-turn-on" },
    t("readiness.turn_on"),
  );
  button.addEventListener("click", async () => {
    button.disabled = true;
    fill(problem);
    try {
      await post("/api/push/subscription", await subscribeThisPhone());
    } catch (error) {
      button.disabled = false;
      if (error.status !== 401) fill(problem, problemBox(error, "readiness-error"));
      return;
    }
    announce(t("readiness.turned_on"));
    await onDone();
  });
  return h(
    "div",
    { class: "readiness-nudge", testid: "readiness-nudge" },
    h("p", {
      text: t(forYoungPerson ? "readiness.nudge_you" : "readiness.nudge_adult"),
    }),
    button,
    problem,
  );
}

/**
 * The readiness of one young person's alert. `forYoungPerson`: written to them (their
 * home); otherwise to an adult (a carer's home). Fills itself in; returns the section.
 */
export function readinessSection(youngPersonId, { forYoungPerson = false, name = "", isCurrent }) {
  const id = nextId("readiness-heading");
  const area = h("div", { testid: "readiness-area" }, loading());
  const title = forYoungPerson ? t("readiness.heading_you") : t("readiness.heading", { name });
  const section = h(
    "section",
    { "aria-labelledby": id, testid: "readiness", "data-young-person": youngPersonId },
    h("h2", { id, text: title }),
    area,
  );
  const path = `/api/young-people/${encodeURIComponent(youngPersonId)}/alerts/readiness`;
  const show = async () => {
    let ready;
    try {
      ready = await get(path);
    } catch (error) {
      if (!isCurrent() || error.status === 401) return;
      fill(
        area,
        error.status === 0 ? h("p", { class: "hint", text: t("readiness.offline") }) : problemBox(error),
      );
      return;
    }
    if (!isCurrent()) return;
    const people = ready.people;
    fill(
      area,
      summary(ready, forYoungPerson),
      people.length
        ? h(
            "ul",
            { class: "cards", testid: "readiness-people" },
            people.map((person) => personItem(person, forYoungPerson)),
          )
        : null,
      ready.reader_notifications ? null : turnOnButton(forYoungPerson, show),
      forYoungPerson && people.every((p) => p.role !== "trusted_contact")
        ? h(
            "p",
            { testid: "readiness-add-people" },
            t("readiness.add_people"),
            " ",
            h("a", { href: "#/people" }, t("home.add_people")),
          )
        : null,
    );
  };
  show();
  return section;
}
