// A young person's view of who can see their information and who has looked at it.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { quickExitChoice } from "../quick-exit.js";
import { h, heading, loading, problemBox, put } from "../ui.js";
import { downloadSection } from "./my-data.js";
import { correctionSection } from "./rights.js";
import { noLongerList, whoCanSeeList, whoHasLookedList } from "./who.js";

function section(id, title, intro, content) {
  return h(
    "section",
    { "aria-labelledby": id },
    h("h2", { id, text: title }),
    intro ? h("p", { text: intro }) : null,
    content,
  );
}

export async function render(view, { me, isCurrent }) {
  const placeholder = loading();
  put(view, heading(t("home.link_my_info")), placeholder);
  const base = `/api/young-people/${encodeURIComponent(me.young_person_id)}`;
  try {
    const [canSee, looked] = await Promise.all([get(`${base}/who-can-see`), get(`${base}/who-has-looked`)]);
    placeholder.replaceWith(
      section(
        "can-see-heading",
        t("my_info.can_see"),
        t("my_info.can_see_intro"),
        [whoCanSeeList(canSee, "who-can-see"), noLongerList(canSee, "no-longer-can-see")],
      ),
      section(
        "looked-heading",
        t("my_info.looked"),
        t("my_info.looked_intro"),
        whoHasLookedList(looked, "who-has-looked"),
      ),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  const correction = await correctionSection(me, isCurrent);
  if (!isCurrent()) return;
  put(
    view,
    downloadSection(me),
    correction,
    quickExitChoice(),
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_my_home"))),
  );
}
