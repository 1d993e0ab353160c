// Choosing a language, and keeping the choice with the person. It is kept on this
// device at once (so it works signed out and with no signal) and, for someone signed
// in or a trusted contact, on the server too (PUT .../language), so their other
// phones, their emails and their notifications use it. A choice made before signing
// in, or that could not reach the server yet, is sent when it next can: until then
// the device's choice wins over the one the server has.
import { putJson } from "./api.js";
import { LANGUAGES, direction, language, setLanguage, supported, t } from "./i18n.js";
import { h, nextId } from "./ui.js";

// localStorage: "1" while this device holds a choice the server has not got.
const UNSAVED = "homeward-language-unsaved";
const ROUTES = {
  account: "/api/auth/me/language",
  contact: "/api/contact/me/language",
};

function unsaved() {
  try {
    return localStorage.getItem(UNSAVED) === "1";
  } catch {
    return false;
  }
}

function markUnsaved(on) {
  try {
    if (on) localStorage.setItem(UNSAVED, "1");
    else localStorage.removeItem(UNSAVED);
  } catch {
    // Storage blocked: the server keeps what it has.
  }
}

/**
 * Joining (an invite accepted): the language the person joined in is theirs until they
 * choose another, so it is sent to the server with the new account or contact record.
 */
export function joinedInThisLanguage() {
  markUnsaved(true);
}

/** Signed out: the next person on this phone must not inherit a choice meant for this one. */
export function forgetUnsavedLanguage() {
  markUnsaved(false);
}

// Choices made and saved on this page so far. An answer from the server asked for
// before the latest of them may hold the language that choice replaced: the screen
// drawn again for the choice asks /api/contact/me while the choice is still on its way
// to the server, and the two can be answered in either order.
let changes = 0;

/** Take this before asking the server who this is; give it to settleLanguage with the answer. */
export function languageMark() {
  return changes;
}

/** Send the current language to the server ("account" or "contact"); quiet on failure. */
async function saveOnServer(whose) {
  const route = ROUTES[whose];
  if (!route) return;
  try {
    await putJson(route, { language: language() }, { signInNeeded: false });
    changes += 1;
    markUnsaved(false);
  } catch {
    // Offline, or a server without the route yet: the device keeps the choice and
    // sends it next time.
  }
}

/**
 * After the server says who this is (`serverLanguage` from /api/auth/me or
 * /api/contact/me): send a choice it has not got yet, or else take the one it keeps.
 * `mark` (languageMark(), taken when the answer was asked for): an answer older than a
 * choice made here since is not taken. Called before a screen is drawn, so nothing
 * needs drawing again.
 */
export async function settleLanguage(serverLanguage, whose, mark = changes) {
  if (unsaved()) {
    saveOnServer(whose);
    return;
  }
  if (mark !== changes) return;
  const code = supported(serverLanguage);
  if (code) await setLanguage(code, { rerender: false });
}

async function choose(code, whose) {
  if (code === language()) return;
  changes += 1;
  markUnsaved(true);
  await setLanguage(code);
  if (whose) saveOnServer(whose);
}

/**
 * The language buttons, each in its own language so anyone can find theirs. `whose`:
 * "account" or "contact" to keep the choice on the server now; null before signing in
 * (it is sent after).
 */
export function languageChooser({ whose = null, labelledBy = null } = {}) {
  const labelId = labelledBy ?? nextId("language");
  return h(
    "div",
    { class: "language-chooser", testid: "language-chooser" },
    labelledBy ? null : h("p", { class: "language-label", id: labelId, text: t("language.label") }),
    h(
      "div",
      { class: "choices", role: "group", "aria-labelledby": labelId },
      Object.entries(LANGUAGES).map(([code, { name }]) =>
        h(
          "button",
          {
            type: "button",
            class: "choice language-choice",
            lang: code,
            dir: direction(code),
            "aria-pressed": String(code === language()),
            testid: `language-choice-${code}`,
            onClick: () => choose(code, whose),
          },
          name,
        ),
      ),
    ),
  );
}

/** The chooser as a section of a settings screen (home, contact's page). */
export function languageSection({ whose }) {
  const headingId = nextId("language-heading");
  return h(
    "section",
    { "aria-labelledby": headingId, testid: "language-settings" },
    h("h2", { id: headingId, text: t("language.heading") }),
    languageChooser({ whose, labelledBy: headingId }),
  );
}
