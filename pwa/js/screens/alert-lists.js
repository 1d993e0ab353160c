// Lists of alerts on the home screens: a young person's own (newest first), and the
// ones sent to a trusted contact, a carer or a duty social worker (any still on,
// first). Each links to the alert's own screen.
import { get } from "../api.js";
import { activeFirst, kindWords, stateWords } from "../alerts.js";
import { t } from "../i18n.js";
import { fill, h, loading, plainWhen, problemBox } from "../ui.js";

const SHOWN = 5;

function section(id, title, testid, body) {
  return h(
    "section",
    { "aria-labelledby": id, testid },
    h("h2", { id, text: title }),
    body,
  );
}

function alertItem(alert, { href, label, forYoungPerson = false }) {
  const active = alert.state === "active";
  return h(
    "li",
    { class: active ? "card alert-item alert-item-active" : "card alert-item", testid: "alert-item" },
    h("a", { href, class: "card-link", testid: "alert-item-link" }, label),
    h(
      "p",
      { class: "alert-item-state", testid: "alert-item-state" },
      active ? h("strong", { class: "badge badge-active", text: t("alert_list.on_now") }) : null,
      active ? " " : null,
      stateWords(alert, { forYoungPerson }),
    ),
  );
}

/** "Jade's alert, today at 2:05 pm": an adult's list names whose alert it is. */
function namedLabel(alert) {
  const when = plainWhen(alert.created_at);
  return alert.young_person_name
    ? t("alert_list.label_named", { name: alert.young_person_name, when })
    : t("alert_list.label", { when });
}

/**
 * The young person's recent alerts. When one is still on, a link to it also goes in
 * `activeSlot` (at the top of the alert card), so it is found in one tap.
 */
export function youngPersonAlerts(me, isCurrent, activeSlot) {
  const area = h("div", { testid: "my-alerts-area" }, loading());
  const holder = section("recent-alerts-heading", t("alert_list.yours"), "recent-alerts", area);
  const path = `/api/young-people/${encodeURIComponent(me.young_person_id)}/alerts`;
  (async () => {
    let alerts;
    try {
      alerts = await get(path);
    } catch (error) {
      if (!isCurrent() || error.status === 401) return;
      fill(
        area,
        error.status === 0
          ? h("p", { class: "hint", text: t("alert_list.yours_offline") })
          : problemBox(error),
      );
      return;
    }
    if (!isCurrent()) return;
    const active = alerts.find((alert) => alert.state === "active");
    if (active) {
      fill(
        activeSlot,
        h(
          "p",
          { class: "notice", testid: "alert-active" },
          h("strong", { text: t("alert_list.yours_on") }),
          " ",
          h(
            "a",
            { href: `#/alert/${encodeURIComponent(active.id)}`, testid: "alert-active-link" },
            t("alert_list.see_who"),
          ),
        ),
      );
    }
    fill(
      area,
      alerts.length
        ? h(
            "ul",
            { class: "cards", testid: "my-alerts" },
            alerts.slice(0, SHOWN).map((alert) =>
              alertItem(alert, {
                href: `#/alert/${encodeURIComponent(alert.id)}`,
                label: t("alert_list.label_yours", {
                  words: kindWords(alert),
                  when: plainWhen(alert.created_at),
                }),
                forYoungPerson: true,
              }),
            ),
          )
        : h("p", { testid: "my-alerts", text: t("alert_list.yours_none") }),
    );
  })();
  return holder;
}

/** Alerts a trusted contact was sent, any still on first. */
export async function contactAlerts(me, isCurrent) {
  const name = me.young_person_name;
  const area = h("div", { testid: "contact-alerts-area" }, loading());
  const holder = section("contact-alerts-heading", t("alert_list.from", { name }), "contact-alerts", area);
  try {
    const alerts = activeFirst(await get("/api/contact/alerts", { signInNeeded: false }));
    if (!isCurrent()) return holder;
    fill(
      area,
      alerts.length
        ? h(
            "ul",
            { class: "cards", testid: "contact-alert-list" },
            alerts.map((alert) =>
              alertItem(alert, {
                href: `#/contact/alerts/${encodeURIComponent(alert.id)}`,
                label: t("alert_list.label", { when: plainWhen(alert.created_at) }),
              }),
            ),
          )
        : h("p", { testid: "contact-alert-list", text: t("alert_list.from_none", { name }) }),
    );
  } catch (error) {
    if (isCurrent()) fill(area, problemBox(error));
  }
  return holder;
}

/**
 * Alerts sent to a signed-in carer or social worker (GET /api/alerts/mine). Resolves
 * `{section, urgent}`: `urgent` is a link to an alert still on (or null), for the top
 * of the home.
 */
export async function alertsSentToMe(isCurrent) {
  const area = h("div", { testid: "sent-to-me-area" }, loading());
  const section_ = section("sent-to-me-heading", t("alert_list.sent_to_you"), "sent-to-me", area);
  let urgent = null;
  try {
    const alerts = activeFirst(await get("/api/alerts/mine"));
    if (!isCurrent()) return { section: section_, urgent };
    const active = alerts.find((alert) => alert.state === "active");
    if (active) {
      urgent = h(
        "p",
        { class: "notice notice-warning", testid: "sent-to-me-active" },
        h("strong", { text: t("alert_list.someone_needs_you") }),
        " ",
        h(
          "a",
          { href: `#/alerts/${encodeURIComponent(active.id)}`, testid: "sent-to-me-active-link" },
          t("alert_list.open"),
        ),
      );
    }
    fill(
      area,
      alerts.length
        ? h(
            "ul",
            { class: "cards", testid: "sent-to-me-list" },
            alerts.slice(0, 10).map((alert) =>
              alertItem(alert, {
                href: `#/alerts/${encodeURIComponent(alert.id)}`,
                label: namedLabel(alert),
              }),
            ),
          )
        : h("p", { testid: "sent-to-me-list", text: t("alert_list.sent_to_you_none") }),
    );
  } catch (error) {
    if (isCurrent() && error.status !== 401) {
      fill(
        area,
        error.status === 0
          ? h("p", { class: "hint", text: t("alert_list.sent_to_you_offline") })
          : problemBox(error),
      );
    }
  }
  return { section: section_, urgent };
}

/**
 * A social worker's home: the alerts of the young people on their caseload and how
 * each went (GET /api/alerts/caseload), any still on first, then the newest.
 */
export function caseloadAlerts(isCurrent) {
  const area = h("div", { testid: "caseload-alerts-area" }, loading());
  const holder = section("caseload-alerts-heading", t("alert_list.caseload"), "caseload-alerts", area);
  (async () => {
    let alerts;
    try {
      alerts = await get("/api/alerts/caseload");
    } catch (error) {
      if (isCurrent() && error.status !== 401) {
        fill(
          area,
          error.status === 0
            ? h("p", { class: "hint", text: t("alert_list.sent_to_you_offline") })
            : problemBox(error),
        );
      }
      return;
    }
    if (!isCurrent()) return;
    fill(
      area,
      alerts.length
        ? h(
            "ul",
            { class: "cards", testid: "caseload-alert-list" },
            alerts.map((alert) =>
              alertItem(alert, {
                href: `#/alerts/${encodeURIComponent(alert.id)}`,
                label: namedLabel(alert),
              }),
            ),
          )
        : h("p", { testid: "caseload-alert-list", text: t("alert_list.caseload_none") }),
    );
  })();
  return holder;
}
