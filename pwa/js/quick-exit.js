// "Leave quickly": for a young person who is being watched. It must work from any
// young-person screen with one tap, or with Escape pressed three times. If the young
// person has chosen it (never by default), leaving also clears their plan and people
// from this phone, so whoever picks the phone up can't read them with no signal.
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
  document.title = "Weather";
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
  const state = h("span", { class: "switch-state", "aria-hidden": "true", text: input.checked ? "On" : "Off" });
  input.addEventListener("change", () => {
    if (!chooseClearsPhone(input.checked)) {
      input.checked = !input.checked;
      announce("That didn't save on this phone. Please try again.");
    } else {
      announce(
        input.checked
          ? "On. Leave quickly will also clear this phone."
          : "Off. Leave quickly will leave your plan on this phone.",
      );
    }
    state.textContent = input.checked ? "On" : "Off";
  });
  return h(
    "section",
    { "aria-labelledby": headingId, testid: "quick-exit-choice" },
    h("h2", { id: headingId, text: "Leaving quickly" }),
    h("p", {
      text: "Tap Leave quickly at the top of the screen, or press Escape 3 times, to go to a weather page at once.",
    }),
    h(
      "div",
      { class: "switch-field" },
      h(
        "div",
        { class: "switch-row" },
        h("label", { for: id, text: "When I leave quickly, also clear this phone" }),
        input,
        state,
      ),
      h("p", {
        class: "hint",
        id: `${id}-hint`,
        text:
          "Off unless you turn it on. If it is on, leaving quickly takes your plan and your people off this phone. " +
          "You stay signed in. You will need signal to see them again.",
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
