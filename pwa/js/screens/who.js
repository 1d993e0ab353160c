// Lists shared by several screens: who can see a young person's information, and
// who has looked at it. `forYoungPerson` picks the plain words.
import { t } from "../i18n.js";
import { h, plainDate, plainWhen, roleForAdults, roleForYoungPerson } from "../ui.js";

export function whoCanSeeList(everyone, testid, { forYoungPerson = true } = {}) {
  const people = everyone.filter((person) => person.can_see !== false);
  if (people.length === 0) {
    return h("p", { testid, text: forYoungPerson ? t("who.nobody_yours") : t("who.nobody") });
  }
  const roleText = forYoungPerson ? roleForYoungPerson : roleForAdults;
  return h(
    "ul",
    { class: "people", testid },
    people.map((person) =>
      h(
        "li",
        { class: "person", testid: "person" },
        h("p", { class: "person-name", dir: "auto" }, h("strong", { text: person.name })),
        h("p", { class: "person-role", text: roleText(person.role) }),
        person.why ? h("p", { class: "person-why", dir: "auto", text: person.why }) : null,
      ),
    ),
  );
}

const USED_TO = {
  young_person: { carer: "who.used_to.carer_yours", social_worker: "who.used_to.social_worker_yours" },
  adult: { carer: "who.used_to.carer", social_worker: "who.used_to.social_worker" },
};

function usedTo(words, role) {
  const key = words[String(role).replace(/\s+/g, "_")];
  return key ? t(key) : null;
}

/**
 * People who could see the information and no longer can (their placement or
 * allocation ended), with why in plain words; null when there are none.
 */
export function noLongerList(everyone, testid, { forYoungPerson = true } = {}) {
  const people = everyone.filter((person) => person.can_see === false);
  if (people.length === 0) return null;
  const words = USED_TO[forYoungPerson ? "young_person" : "adult"];
  const roleText = forYoungPerson ? roleForYoungPerson : roleForAdults;
  return h(
    "div",
    {},
    h("h3", { text: forYoungPerson ? t("who.no_longer_yours") : t("who.no_longer") }),
    h(
      "ul",
      { class: "people", testid },
      people.map((person) =>
        h(
          "li",
          { class: "person", testid: "person-no-longer", "data-name": person.name },
          h("p", { class: "person-name", dir: "auto" }, h("strong", { text: person.name })),
          h("p", {
            class: "person-role",
            text: usedTo(words, person.role) ?? roleText(person.role),
          }),
          person.why ? h("p", { class: "person-why", dir: "auto", text: person.why }) : null,
          person.ended_at
            ? h("p", { class: "when", text: t("who.stopped_on", { date: plainDate(person.ended_at) }) })
            : null,
        ),
      ),
    ),
  );
}

export function whoHasLookedList(entries, testid, { forYoungPerson = true } = {}) {
  if (entries.length === 0) {
    return h("p", { testid, text: t("who.nobody_looked") });
  }
  const roleText = forYoungPerson ? roleForYoungPerson : roleForAdults;
  const newestFirst = [...entries].sort((a, b) => new Date(b.at) - new Date(a.at));
  return h(
    "ol",
    { class: "looks", testid },
    newestFirst.map((entry) =>
      h(
        "li",
        { class: "look", testid: "look", "data-refused": entry.refused ? "true" : null },
        ...lookLines(entry, roleText),
        h("p", { class: "when" }, h("time", { datetime: entry.at, text: plainWhen(entry.at) })),
      ),
    ),
  );
}

// A refused attempt reaches the young person as one plain sentence that says it was
// stopped and not who it was; their social worker sees the name and role too.
function lookLines(entry, roleText) {
  if (entry.refused && !entry.role) return [h("p", { dir: "auto" }, h("strong", { text: entry.what }))];
  return [
    h(
      "p",
      {},
      h("strong", { text: entry.name }),
      t("who.role_after_name", { role: roleText(entry.role).toLowerCase() }),
    ),
    entry.what ? h("p", { dir: "auto", text: entry.what }) : null,
  ];
}
