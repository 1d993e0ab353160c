// The list of young people a carer looks after or a social worker holds.
import { t } from "../i18n.js";
import { h } from "../ui.js";

export function youngPeopleList(people, { testid, empty, showAccount = false }) {
  if (people.length === 0) return h("p", { testid, text: empty });
  return h(
    "ul",
    { class: "cards", testid },
    people.map((person) =>
      h(
        "li",
        { class: "card", testid: "young-person-item" },
        h(
          "a",
          {
            href: `#/young-people/${encodeURIComponent(person.id)}`,
            class: "card-link",
            testid: "young-person-link",
          },
          person.preferred_name,
        ),
        h(
          "p",
          { class: "card-detail" },
          [
            t("young_people.age", { age: person.age }),
            showAccount
              ? person.has_account
                ? t("young_people.joined")
                : t("young_people.not_joined")
              : null,
          ]
            .filter(Boolean)
            .join(" · "),
        ),
      ),
    ),
  );
}
