// "Leave quickly": for a young person who is being watched. It must work from any
// young-person screen with one tap, or with Escape pressed three times.
import { forgetEverything } from "./state.js";

const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
const PRESSES = 3;
const WITHIN_MS = 1500;

let enabled = false;
let escapeTimes = [];

export function leaveQuickly() {
  forgetEverything();
  // Blank the screen first: the next site may take a moment to load.
  document.getElementById("main")?.replaceChildren();
  document.title = "Weather";
  // replace(), not assign(): the Back button must not bring Homeward back.
  location.replace(NEUTRAL_SITE);
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

export function installQuickExit() {
  document.querySelector("[data-testid='quick-exit']")?.addEventListener("click", leaveQuickly);
  document.addEventListener("keydown", (event) => {
    if (!enabled || event.key !== "Escape") return;
    const now = Date.now();
    escapeTimes = [...escapeTimes.filter((t) => now - t < WITHIN_MS), now];
    if (escapeTimes.length >= PRESSES) leaveQuickly();
  });
}
