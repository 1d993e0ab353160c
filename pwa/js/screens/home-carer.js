// A carer's home: the young people placed with them.
import { get } from "../api.js";
import { accountSection } from "../account.js";
import { heading, loading, problemBox, put } from "../ui.js";
import { youngPeopleList } from "./young-people-list.js";

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  put(view, heading("Young people you look after"), placeholder);
  try {
    const people = await get("/api/young-people");
    placeholder.replaceWith(
      youngPeopleList(people, {
        testid: "young-people",
        empty: "Nobody is placed with you on Homeward yet.",
      }),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  put(view, accountSection(me, go));
}
