// "Alerts on this phone" for carers and social workers: a push notification when a
// young person they support needs someone. Said plainly: phones can hide it.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { subscribedHere, subscribeThisPhone } from "../push.js";
import { announce, fill, h, problemBox } from "../ui.js";

function statusLine(on) {
  return h(
    "p",
    { testid: "phone-alerts-status" },
    h("strong", { text: on ? t("common.on_sentence") : t("common.off_sentence") }),
    " ",
    on ? t("phone_alerts.on") : t("phone_alerts.off"),
  );
}

export function phoneAlertsSection() {
  const statusArea = h("div", {}, statusLine(false));
  const problem = h("div", { testid: "phone-alerts-problem" });
  const button = h(
    "button",
    { type: "button", class: "button button-primary", testid: "phone-alerts-on" },
    t("phone_alerts.turn_on"),
  );
  const show = (on) => {
    fill(statusArea, statusLine(on));
    button.textContent = on ? t("phone_alerts.turn_on_again") : t("phone_alerts.turn_on");
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
    announce(t("phone_alerts.done"));
  });
  return h(
    "section",
    { "aria-labelledby": "phone-alerts-heading", testid: "phone-alerts" },
    h("h2", { id: "phone-alerts-heading", text: t("phone_alerts.heading") }),
    statusArea,
    h("p", { text: t("phone_alerts.generic") }),
    button,
    problem,
    h(
      "div",
      { class: "notice phone-alerts-warning", testid: "phone-alerts-warning" },
      h("p", { class: "notice-title", text: t("phone_alerts.hidden_title") }),
      h("p", { text: t("phone_alerts.hidden") }),
      h("p", { text: t("phone_alerts.iphone") }),
    ),
  );
}
