// "Alerts on this phone" for carers and social workers: a push notification when a
// young person they support needs someone. Said plainly: phones can hide it.
import { post } from "../api.js";
import { subscribedHere, subscribeThisPhone } from "../push.js";
import { announce, fill, h, problemBox } from "../ui.js";

function statusLine(on) {
  return h(
    "p",
    { testid: "phone-alerts-status" },
    h("strong", { text: on ? "On. " : "Off. " }),
    on
      ? "This phone will tell you when a young person you support needs someone."
      : "Turn them on so this phone tells you when a young person you support needs someone.",
  );
}

export function phoneAlertsSection() {
  const statusArea = h("div", {}, statusLine(false));
  const problem = h("div", { testid: "phone-alerts-problem" });
  const button = h(
    "button",
    { type: "button", class: "button button-primary", testid: "phone-alerts-on" },
    "Turn on alerts on this phone",
  );
  const show = (on) => {
    fill(statusArea, statusLine(on));
    button.textContent = on ? "Turn on alerts again" : "Turn on alerts on this phone";
    button.className = on ? "button button-secondary" : "button button-primary";
  };
  subscribedHere().then((on) => {
    if (on) show(true);
  });
  button.addEventListener("click", async () => {
    button.disabled = true;
    fill(problem);
    try {
      const subscription = await subscribeThisPhone();
      await post("/api/push/subscription", subscription);
    } catch (error) {
      button.disabled = false;
      if (error.status !== 401) fill(problem, problemBox(error, "phone-alerts-error"));
      return;
    }
    button.disabled = false;
    show(true);
    announce("Alerts are on for this phone.");
  });
  return h(
    "section",
    { "aria-labelledby": "phone-alerts-heading", testid: "phone-alerts" },
    h("h2", { id: "phone-alerts-heading", text: "Alerts on this phone" }),
    statusArea,
    h("p", { text: "The alert won't say who or where: open Homeward to see." }),
    button,
    problem,
    h(
      "div",
      { class: "notice phone-alerts-warning", testid: "phone-alerts-warning" },
      h("p", { class: "notice-title", text: "Alerts can be hidden" }),
      h("p", {
        text: "Do Not Disturb, Focus or sleep modes may hide alerts. Let Homeward through in your phone's settings.",
      }),
      h("p", {
        text: "On an iPhone, alerts only come from the Homeward app on your home screen. Add Homeward to your home screen, open it from there, and turn alerts on there.",
      }),
    ),
  );
}
