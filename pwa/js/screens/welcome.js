// The first screen after a young person joins: who can see their information and
// why, in plain words, then adding Homeward to the home screen.
import { canPromptInstall, isInstalled, looksLikeIphone, promptInstall } from "../install.js";
import { h, heading, loading, problemBox, put } from "../ui.js";
import { whoCanSeeList } from "./who.js";
import { get } from "../api.js";

function installSection() {
  const section = h(
    "section",
    { "aria-labelledby": "install-heading", testid: "install" },
    h("h2", { id: "install-heading", text: "Add Homeward to your home screen" }),
    h("p", { text: "So your people can reach you, and so it's easy to find." }),
  );
  if (isInstalled()) {
    section.append(h("p", { text: "It's on your home screen already." }));
    return section;
  }
  if (canPromptInstall()) {
    const status = h("p", { role: "status" });
    const add = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "install-button" },
      "Add to home screen",
    );
    add.addEventListener("click", async () => {
      const added = await promptInstall();
      add.hidden = true;
      status.textContent = added
        ? "Done. Look for Homeward on your home screen."
        : "That's OK. You can add it later.";
    });
    section.append(add, status);
    return section;
  }
  const iphone = h(
    "li",
    {},
    "On an iPhone: tap the Share button (a square with an arrow), then “Add to Home Screen”.",
  );
  const android = h(
    "li",
    {},
    "On an Android phone: tap the menu (three dots), then “Add to Home screen” or “Install app”.",
  );
  section.append(h("ul", { class: "steps" }, looksLikeIphone() ? [iphone, android] : [android, iphone]));
  return section;
}

export async function render(view, { me, isCurrent }) {
  put(view, heading("Who can see your information"), loading());
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
    h("p", { text: "You're in. Welcome to Homeward." }),
    people
      ? h("p", { text: "These people can see what you put in Homeward. They see it to help keep you safe." })
      : null,
    people ? whoCanSeeList(people, "welcome-who-can-see") : null,
    h("p", { text: "You can check who has looked at your information any time." }),
    installSection(),
    h(
      "p",
      {},
      h("a", { href: "#/home", class: "button button-primary", testid: "welcome-continue" }, "Go to my home"),
    ),
  );
}
