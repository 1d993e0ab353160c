// "Leave quickly": for a young person who is being watched. It must work from any
// young-person screen with one tap, or with Escape pressed three times. If the young
// person has chosen it (never by default), leaving also clears their plan and people
// from this phone, so whoever picks the phone up can't read them with no signal.
import { t } from "./i18n.js";
import { clearThisPhone } from "./offline.js";
import { forgetEverything } from "./state.js";
import { announce, h, nextId } from "./ui.js";

const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
const PRESSES = 3;
const WITHIN_MS = 1500;
// Leaving fast matters more than clearing: go after this long even if clearing hangs.
const CLEAR_AT_MOST_MS = 500;
// A choice about this phone, not about the person: "yes" or nothing.
const CLEARS_PHONE = "homeward-quick-exit-clears-phone";

let enabled = false;
let leaving = false;
let escapeTimes = [];

export function clearsPhoneOnExit() {
  try {
    return localStorage.getItem(CLEARS_PHONE) === "yes";
  } catch {
    return false;
  }
}

function chooseClearsPhone(on) {
  try {
    if (on) localStorage.setItem(CLEARS_PHONE, "yes");
    else localStorage.removeItem(CLEARS_PHONE);
    return true;
  } catch {
    return false;
  }
}

function goElsewhere() {
  // replace(), not assign(): the Back button must not bring Homeward back.
  location.replace(NEUTRAL_SITE);
}

export function leaveQuickly() {
  if (leaving) return;
  leaving = true;
  forgetEverything();
  // Blank the screen first: the next site may take a moment to load.
  document.getElementById("main")?.replaceChildren();
  document.title = t("quick_exit.page_title");
  if (!clearsPhoneOnExit()) {
    goElsewhere();
    return;
  }
  const atMost = new Promise((resolve) => setTimeout(resolve, CLEAR_AT_MOST_MS));
  Promise.race([clearThisPhone(), atMost]).finally(goElsewhere);
}

export function setQuickExit(show) {
  enabled = show;
  const buttonEl = document.querySelector("[data-testid='quick-exit']");
  if (buttonEl) buttonEl.hidden = !show;
  document.body.classList.toggle("has-quick-exit", show);
}

export function quickExitShown() {
  return enabled;
}

/** The young person's choice: should "Leave quickly" also clear this phone? */
export function quickExitChoice() {
  const id = nextId("clear-phone");
  const headingId = `${id}-heading`;
  const input = h("input", {
    type: "checkbox",
    role: "switch",
    id,
    class: "switch",
    testid: "quick-exit-clears-phone",
    "aria-describedby": `${id}-hint`,
  });
  input.checked = clearsPhoneOnExit();
  const state = h("span", {
    class: "switch-state",
    "aria-hidden": "true",
    text: input.checked ? t("common.on") : t("common.off"),
  });
  input.addEventListener("change", () => {
    if (!chooseClearsPhone(input.checked)) {
      input.checked = !input.checked;
      announce(t("quick_exit.not_saved"));
    } else {
      announce(input.checked ? t("quick_exit.now_on") : t("quick_exit.now_off"));
    }
    state.textContent = input.checked ? t("common.on") : t("common.off");
  });
  return h(
    "section",
    { "aria-labelledby": headingId, testid: "quick-exit-choice" },
    h("h2", { id: headingId, text: t("quick_exit.heading") }),
    h("p", { text: t("quick_exit.explain") }),
    h(
      "div",
      { class: "switch-field" },
      h(
        "div",
        { class: "switch-row" },
        h("label", { for: id, text: t("quick_exit.clear_label") }),
        input,
        state,
      ),
      h("p", {
        class: "hint",
        id: `${id}-hint`,
        text: t("quick_exit.clear_hint"),
      }),
    ),
  );
}

export function installQuickExit() {
  document.querySelector("[data-testid='quick-exit']")?.addEventListener("click", leaveQuickly);
  document.addEventListener("keydown", (event) => {
    if (!enabled || event.key !== "Escape") return;
    const now = Date.now();
    escapeTimes = [...escapeTimes.filter((t) => now - t < WITHIN_MS), now];
    if (escapeTimes.length >= PRESSES) leaveQuickly();
  });
}
