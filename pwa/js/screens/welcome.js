// The first screen after a young person joins: who can see their information and
// why, in plain words, then adding Homeward to the home screen.
import { t } from "../i18n.js";
import { canPromptInstall, isInstalled, looksLikeIphone, promptInstall } from "../install.js";
import { languageChooser } from "../language-choice.js";
import { h, heading, loading, problemBox, put } from "../ui.js";
import { whoCanSeeList } from "./who.js";
import { get } from "../api.js";

function installSection() {
  const section = h(
    "section",
    { "aria-labelledby": "install-heading", testid: "install" },
    h("h2", { id: "install-heading", text: t("welcome.install_heading") }),
    h("p", { text: t("welcome.install_why") }),
  );
  if (isInstalled()) {
    section.append(h("p", { text: t("welcome.installed") }));
    return section;
  }
  if (canPromptInstall()) {
    const status = h("p", { role: "status" });
    const add = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "install-button" },
      t("welcome.install_button"),
    );
    add.addEventListener("click", async () => {
      const added = await promptInstall();
      add.hidden = true;
      status.textContent = added ? t("welcome.install_done") : t("welcome.install_later");
    });
    section.append(add, status);
    return section;
  }
  const iphone = h("li", {}, t("welcome.install_iphone"));
  const android = h("li", {}, t("welcome.install_android"));
  section.append(h("ul", { class: "steps" }, looksLikeIphone() ? [iphone, android] : [android, iphone]));
  return section;
}

export async function render(view, { me, isCurrent }) {
  put(view, heading(t("welcome.title")), languageChooser({ whose: "account" }), loading());
  let people;
  try {
    people = await get(`/api/young-people/${encodeURIComponent(me.young_person_id)}/who-can-see`);
  } catch (error) {
    if (!isCurrent()) return;
    people = null;
    view.querySelector("[data-testid='loading']").replaceWith(problemBox(error));
  }
  if (!isCurrent()) return;
  view.querySelector("[data-testid='loading']")?.remove();
  put(
    view,
    h("p", { text: t("welcome.in") }),
    people ? h("p", { text: t("welcome.who_can_see") }) : null,
    people ? whoCanSeeList(people, "welcome-who-can-see") : null,
    h("p", { text: t("welcome.check_any_time") }),
    installSection(),
    h(
      "p",
      {},
      h(
        "a",
        { href: "#/home", class: "button button-primary", testid: "welcome-continue" },
        t("welcome.continue"),
      ),
    ),
  );
}
