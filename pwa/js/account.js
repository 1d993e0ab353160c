// The "your account" part every home screen shares: notices, phones, PIN/password,
// sign out.
import { del, get, post } from "./api.js";
import { t } from "./i18n.js";
import { languageSection } from "./language-choice.js";
import { forgetOffline } from "./offline.js";
import { forgetLocalSubscription, localEndpoint } from "./push.js";
import { forgetEverything, isProfessional } from "./state.js";
import { announce, h } from "./ui.js";

export function usesPin(me) {
  return me.user.role === "young_person";
}

export function phonesTitle(me) {
  return isProfessional() || me.session?.kind === "browser"
    ? t("account.where_signed_in")
    : t("account.my_phones");
}

/** Alerts must not keep arriving on a browser nobody is signed in on: the server forgets
 * this browser's subscription (only this one: their phone keeps its alerts), then the
 * browser drops it. A failure here never stops the sign-out. */
async function stopAlertsHere() {
  const endpoint = await localEndpoint();
  if (!endpoint) return;
  try {
    await del(`/api/push/subscription?endpoint=${encodeURIComponent(endpoint)}`, { signInNeeded: false });
  } catch {
    // Signed out already, or offline: the push service will say "gone" at the next send.
  }
  await forgetLocalSubscription();
}

async function signOut(go, buttonEl) {
  buttonEl.disabled = true;
  await stopAlertsHere();
  try {
    await post("/api/auth/logout", undefined, { signInNeeded: false });
  } catch (error) {
    if (error.status !== 401) {
      buttonEl.disabled = false;
      announce(`${error.title} ${error.detail}`.trim());
      return;
    }
  }
  forgetEverything();
  // The plan and people kept for reading offline must not outlive the sign-in.
  await forgetOffline();
  go("#/signin", { replace: true });
}

/** A list of big links/buttons: first the screen's own, then the account ones. */
export function menu(items) {
  return h(
    "ul",
    { class: "menu" },
    items.map((item) => h("li", {}, item)),
  );
}

/** The link to #/notices; how many are unread is filled in when the server says. */
function noticesLink() {
  const count = h("span", { class: "menu-count", testid: "notices-count" });
  const link = h(
    "a",
    { href: "#/notices", class: "menu-item", testid: "link-notices" },
    h("span", { text: t("notices.title") }),
    count,
  );
  get("/api/notices")
    .then(({ unread }) => {
      if (unread) count.textContent = t("notices.menu_unread", { count: unread });
    })
    .catch(() => {
      // Offline or signed out: the link still works; the screen says what is wrong.
    });
  return link;
}

/** Links to notices, phones and PIN/password, and a sign-out button, for a `menu`. */
export function accountItems(me, go) {
  const signOutButton = h("button", {
    type: "button",
    class: "menu-item menu-button",
    testid: "sign-out",
    text: t("account.sign_out"),
  });
  signOutButton.addEventListener("click", () => signOut(go, signOutButton));
  return [
    noticesLink(),
    h("a", { href: "#/phones", class: "menu-item", testid: "link-phones" }, phonesTitle(me)),
    h(
      "a",
      { href: "#/change-secret", class: "menu-item", testid: "link-change-secret" },
      usesPin(me) ? t("account.change_pin") : t("account.change_password"),
    ),
    signOutButton,
  ];
}

/** Every home's account part, then the language chooser (an array: put() takes both). */
export function accountSection(me, go) {
  return [
    h(
      "section",
      { "aria-labelledby": "account-heading" },
      h("h2", { id: "account-heading", text: t("account.heading") }),
      menu(accountItems(me, go)),
    ),
    languageSection({ whose: "account" }),
  ];
}
