// #/alert/<id>: the young person's own alert. Who was asked and how each is doing,
// what has happened, and, the moment someone says so, "Lou has got this". It asks
// the server again every few seconds while the alert is on, and stops when it ends
// or the young person leaves this screen.
import { get, post } from "../api.js";
import {
  kindWords,
  recipientWords,
  roleWordsForYoungPerson,
  takeAlertFlash,
  whenInSentence,
} from "../alerts.js";
import { t } from "../i18n.js";
import { announce, fill, h, heading, loading, plainTime, plainWhen, problemBox, put } from "../ui.js";

const POLL_MS = 2_500;
const LEVEL_WORDS = {
  0: "alert_status.asking_people",
  1: "alert_status.asking_carer",
  2: "alert_status.asking_duty",
};

function callButton(number, words, testid, style) {
  return h("a", { href: `tel:${number}`, class: `button button-big ${style}`, testid }, words);
}

const someone = (name) => name || t("alert_status.someone");

function stateBox(status) {
  switch (status.state) {
    case "acknowledged":
      return h(
        "div",
        { class: "alert-news alert-news-good", testid: "alert-state", "data-state": status.state },
        h("h2", {
          class: "alert-news-big",
          tabindex: "-1",
          testid: "alert-acknowledged",
          text: t("alert_status.acknowledged", { name: someone(status.acknowledged_by) }),
        }),
        h("p", { text: t("alert_status.acknowledged_detail") }),
      );
    case "cancelled":
      return h(
        "div",
        { class: "alert-news", testid: "alert-state", "data-state": status.state },
        h("h2", { class: "alert-news-big", tabindex: "-1", text: t("alert_status.cancelled") }),
        h("p", { text: t("alert_status.cancelled_detail") }),
      );
    case "failed":
      return h(
        "div",
        { class: "alert-news alert-news-danger", testid: "alert-state", "data-state": status.state },
        h("h2", { class: "alert-news-big", tabindex: "-1", text: t("alert_status.failed") }),
        h("p", { class: "alert-advice", testid: "alert-advice", dir: "auto", text: status.advice || "" }),
        h(
          "div",
          { class: "advice-buttons" },
          callButton("999", t("common.call_999"), "alert-call-999", "button-danger"),
          h("p", { class: "hint", text: t("alert_status.if_danger") }),
          callButton("101", t("common.call_101"), "alert-call-101", "button-call"),
          h("p", { class: "hint", text: t("alert_status.if_not_emergency") }),
        ),
      );
    default:
      return h(
        "div",
        { class: "alert-news", testid: "alert-state", "data-state": status.state },
        h("h2", { class: "alert-news-big", tabindex: "-1", text: t("alert_status.on_its_way") }),
        h("p", {
          testid: "alert-level",
          text: t(LEVEL_WORDS[status.level] ?? "alert_status.asking_others"),
        }),
      );
  }
}

function aboutLines(status) {
  return h(
    "ul",
    { class: "plain-list alert-about", testid: "alert-about" },
    status.kind ? h("li", { text: t("alert_status.you_said", { words: kindWords(status) }) }) : null,
    h("li", { text: t("alert_status.sent", { when: plainWhen(status.created_at) }) }),
    status.sent_again_at
      ? h("li", {
          testid: "alert-sent-again",
          text: t("alert_status.sent_again", { when: whenInSentence(status.sent_again_at) }),
        })
      : null,
    h("li", {
      testid: "alert-location-shared",
      text: status.location_shared
        ? t("alert_status.location_shared")
        : t("alert_status.location_not_shared"),
    }),
  );
}

function peopleList(status) {
  if (!status.recipients.length) {
    return h("p", { testid: "alert-people", text: t("alert_status.nobody_asked") });
  }
  return h(
    "ul",
    { class: "cards", testid: "alert-people" },
    status.recipients.map((person) =>
      h(
        "li",
        {
          class: `card alert-person alert-person-${person.status}`,
          testid: "alert-person",
          "data-name": person.name,
        },
        h("p", {}, h("strong", { text: person.name })),
        h("p", { class: "card-detail", text: roleWordsForYoungPerson(person.role) }),
        h("p", {
          class: "alert-person-status",
          testid: "alert-person-status",
          text: recipientWords(person.status),
        }),
      ),
    ),
  );
}

function eventsList(status) {
  return h(
    "ol",
    { class: "events", testid: "alert-events" },
    status.events.map((event) =>
      h(
        "li",
        { testid: "alert-event" },
        h("span", { class: "event-time", text: plainTime(event.at) }),
        h("bdi", { text: event.what }),
      ),
    ),
  );
}

/** Words to read out when someone's answer or the alert's state changes. */
function changes(before, after) {
  if (!before) return [];
  const said = [];
  if (after.state !== before.state) {
    if (after.state === "acknowledged") {
      said.push(t("alert_status.acknowledged_said", { name: someone(after.acknowledged_by) }));
    }
    if (after.state === "failed") said.push(after.advice || t("alert_status.nobody_yet"));
  }
  const was = new Map(before.recipients.map((p) => [`${p.level}:${p.name}`, p.status]));
  for (const person of after.recipients) {
    const old = was.get(`${person.level}:${person.name}`);
    if (old === person.status) continue;
    if (person.status === "declined") said.push(t("alert_status.declined_said", { name: person.name }));
    if (person.status === "failed") said.push(t("alert_status.failed_said", { name: person.name }));
    if (old === undefined) said.push(t("alert_status.asking_said", { name: person.name }));
  }
  return said;
}

export async function render(view, { params, isCurrent }) {
  const alertId = params[0];
  const path = `/api/alerts/${encodeURIComponent(alertId)}`;
  const flash = takeAlertFlash();
  put(view, heading(t("alert_status.title"), "alert-title"), loading());

  let status;
  try {
    status = (await get(path)).status;
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(
      view,
      heading(t("alert_status.title"), "alert-title"),
      error.status === 404
        ? h("p", { testid: "alert-missing", text: t("alert_status.missing") })
        : problemBox(error),
      h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
    );
    return;
  }
  if (!isCurrent()) return;

  const stateArea = h("div", { testid: "alert-state-area" });
  const aboutArea = h("div");
  const peopleArea = h("div");
  const eventsArea = h("div");
  const actions = h("div", { testid: "alert-actions" });
  const connection = h("p", { class: "hint", role: "status", testid: "alert-connection" });
  const dangerLine = h(
    "p",
    { class: "danger-line" },
    h("strong", { text: t("common.in_danger") }),
    " ",
    h("a", { href: "tel:999", dir: "ltr", testid: "call-999" }, t("common.call_999")),
  );

  function cancelButton() {
    const start = h(
      "button",
      { type: "button", class: "button button-secondary button-big", testid: "alert-cancel" },
      // After someone has got it there is nothing left to stop: she says she's OK.
      status.state === "acknowledged" ? t("alert_status.ok_now") : t("alert_status.cancel"),
    );
    const confirmArea = h("div");
    start.addEventListener("click", () => {
      const question = h("p", {
        class: "confirm-question",
        tabindex: "-1",
        text: t("alert_status.cancel_question"),
      });
      const yes = h(
        "button",
        { type: "button", class: "button button-primary", testid: "alert-cancel-yes" },
        t("alert_status.cancel_yes"),
      );
      const no = h(
        "button",
        { type: "button", class: "button button-secondary", testid: "alert-cancel-no" },
        t("alert_status.cancel_no"),
      );
      fill(
        confirmArea,
        h(
          "div",
          { class: "confirm", role: "group", "aria-label": t("alert_status.cancel_label") },
          question,
          h("div", { class: "button-row" }, yes, no),
        ),
      );
      question.focus();
      no.addEventListener("click", () => {
        fill(confirmArea);
        start.focus();
      });
      yes.addEventListener("click", async () => {
        yes.disabled = true;
        try {
          const after = await post(`${path}/cancel`);
          if (!isCurrent()) return;
          show(after, { focusState: true });
          announce(t("alert_status.cancelled_said"));
        } catch (error) {
          yes.disabled = false;
          if (error.status !== 401) fill(confirmArea, problemBox(error, "alert-cancel-problem"));
        }
      });
    });
    return [start, confirmArea];
  }

  function show(next, { focusState = false } = {}) {
    const said = changes(status === next ? null : status, next);
    const first = status === next;
    const stateChanged = first || status.state !== next.state;
    const levelChanged = first || status.level !== next.level;
    status = next;
    if (stateChanged) {
      // The stop button goes when the alert ends: don't leave focus nowhere.
      const focusWasInActions = actions.contains(document.activeElement);
      fill(stateArea, stateBox(next));
      fill(actions, (next.can ?? []).includes("cancel") ? cancelButton() : null);
      // A failed alert already says 999 at the top.
      dangerLine.hidden = next.state === "failed";
      if (focusState || focusWasInActions) stateArea.querySelector(".alert-news-big")?.focus();
    } else if (levelChanged) {
      fill(stateArea, stateBox(next)); // "Now asking your carer"
    }
    fill(aboutArea, aboutLines(next));
    fill(peopleArea, peopleList(next));
    fill(eventsArea, eventsList(next));
    if (said.length) announce(said.join(" "));
  }

  fill(
    view,
    heading(t("alert_status.title"), "alert-title"),
    flash ? h("p", { class: "notice", role: "status", testid: "alert-flash", text: flash }) : null,
    stateArea,
    aboutArea,
    h(
      "section",
      { "aria-labelledby": "alert-people-heading" },
      h("h2", { id: "alert-people-heading", text: t("alert_status.who_we_asked") }),
      peopleArea,
    ),
    actions,
    h(
      "section",
      { "aria-labelledby": "alert-events-heading" },
      h("h2", { id: "alert-events-heading", text: t("common.what_happened") }),
      eventsArea,
    ),
    connection,
    dangerLine,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
  );
  show(status);
  if (flash) announce(flash);

  // Ask again every few seconds while the alert is on and this screen is showing.
  const poll = async () => {
    if (!isCurrent() || status.state !== "active") return;
    if (!document.hidden) {
      try {
        const next = (await get(path)).status;
        if (!isCurrent()) return;
        connection.textContent = "";
        show(next);
      } catch (error) {
        if (!isCurrent() || error.status === 401) return;
        connection.textContent =
          error.status === 0 ? t("alert_status.no_signal") : error.title;
      }
    }
    if (isCurrent() && status.state === "active") setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}
