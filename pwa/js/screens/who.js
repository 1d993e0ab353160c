// Lists shared by several screens: who can see a young person's information, and
// who has looked at it. `forYoungPerson` picks the plain words.
import { h, plainWhen, roleForAdults, roleForYoungPerson } from "../ui.js";

export function whoCanSeeList(people, testid, { forYoungPerson = true } = {}) {
  if (people.length === 0) {
    return h("p", { testid, text: forYoungPerson ? "Nobody else can see it yet." : "Nobody is listed yet." });
  }
  const roleText = forYoungPerson ? roleForYoungPerson : roleForAdults;
  return h(
    "ul",
    { class: "people", testid },
    people.map((person) =>
      h(
        "li",
        { class: "person", testid: "person" },
        h("p", { class: "person-name" }, h("strong", { text: person.name })),
        h("p", { class: "person-role", text: roleText(person.role) }),
        person.why ? h("p", { class: "person-why", text: person.why }) : null,
      ),
    ),
  );
}

export function whoHasLookedList(entries, testid, { forYoungPerson = true } = {}) {
  if (entries.length === 0) {
    return h("p", { testid, text: "Nobody has looked yet." });
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
  if (entry.refused && !entry.role) return [h("p", {}, h("strong", { text: entry.what }))];
  return [
    h("p", {}, h("strong", { text: entry.name }), `, ${roleText(entry.role).toLowerCase()}`),
    entry.what ? h("p", { text: entry.what }) : null,
  ];
}
