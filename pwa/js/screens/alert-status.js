// #/alert/<id>: the young person's own alert. Who was asked and how each is doing,
// what has happened, and, the moment someone says so, "Lou has got this". It asks
// the server again every few seconds while the alert is on, and stops when it ends
// or the young person leaves this screen.
import { get, post } from "../api.js";
import { RECIPIENT_WORDS, ROLE_WORDS_FOR_YOUNG_PERSON, takeAlertFlash, whenInSentence } from "../alerts.js";
import { announce, fill, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";

const POLL_MS = 2_500;
const LEVEL_WORDS = { 0: "your people", 1: "your carer", 2: "the social worker on duty" };
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hour12: true });

function timeOf(value) {
  const when = new Date(value);
  return Number.isNaN(when.getTime()) ? "" : timeFormat.format(when);
}

function callButton(number, words, testid, style) {
  return h("a", { href: `tel:${number}`, class: `button button-big ${style}`, testid }, words);
}

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
          text: `${status.acknowledged_by || "Someone"} has got this`,
        }),
        h("p", { text: "They know you need them. Keep your phone with you so they can call you." }),
      );
    case "cancelled":
      return h(
        "div",
        { class: "alert-news", testid: "alert-state", "data-state": status.state },
        h("h2", { class: "alert-news-big", tabindex: "-1", text: "You stopped this alert" }),
        h("p", { text: "You said you're OK now. Nobody else will be asked." }),
      );
    case "failed":
      return h(
        "div",
        { class: "alert-news alert-news-danger", testid: "alert-state", "data-state": status.state },
        h("h2", { class: "alert-news-big", tabindex: "-1", text: "Get help now" }),
        h("p", { class: "alert-advice", testid: "alert-advice", text: status.advice || "" }),
        h(
          "div",
          { class: "advice-buttons" },
          callButton("999", "Call 999", "alert-call-999", "button-danger"),
          h("p", { class: "hint", text: "If you are in danger now." }),
          callButton("101", "Call 101", "alert-call-101", "button-call"),
          h("p", { class: "hint", text: "If it is not an emergency." }),
        ),
      );
    default:
      return h(
        "div",
        { class: "alert-news", testid: "alert-state", "data-state": status.state },
        h("h2", { class: "alert-news-big", tabindex: "-1", text: "Your alert is on its way" }),
        h("p", {
          testid: "alert-level",
          text: `Now asking ${LEVEL_WORDS[status.level] ?? "people who can help"}. We'll show you here when someone has got it.`,
        }),
      );
  }
}

function aboutLines(status) {
  return h(
    "ul",
    { class: "plain-list alert-about", testid: "alert-about" },
    status.kind ? h("li", { text: `You said: “${status.kind_words}”` }) : null,
    h("li", { text: `Sent ${plainWhen(status.created_at)}` }),
    status.sent_again_at
      ? h("li", { testid: "alert-sent-again", text: `You sent it again ${whenInSentence(status.sent_again_at)}` })
      : null,
    h("li", {
      testid: "alert-location-shared",
      text: status.location_shared ? "You shared where you are." : "You didn't share where you are.",
    }),
  );
}

function peopleList(status) {
  if (!status.recipients.length) {
    return h("p", { testid: "alert-people", text: "Nobody could be asked on Homeward." });
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
        h("p", { class: "card-detail", text: ROLE_WORDS_FOR_YOUNG_PERSON[person.role] ?? "" }),
        h("p", {
          class: "alert-person-status",
          testid: "alert-person-status",
          text: RECIPIENT_WORDS[person.status] ?? person.status,
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
        h("span", { class: "event-time", text: timeOf(event.at) }),
        h("span", { text: event.what }),
      ),
    ),
  );
}

/** Words to read out when someone's answer or the alert's state changes. */
function changes(before, after) {
  if (!before) return [];
  const said = [];
  if (after.state !== before.state) {
    if (after.state === "acknowledged") said.push(`${after.acknowledged_by || "Someone"} has got this.`);
    if (after.state === "failed") said.push(after.advice || "Nobody has answered yet.");
  }
  const was = new Map(before.recipients.map((p) => [`${p.level}:${p.name}`, p.status]));
  for (const person of after.recipients) {
    const old = was.get(`${person.level}:${person.name}`);
    if (old === person.status) continue;
    if (person.status === "declined") said.push(`${person.name} can't right now.`);
    if (person.status === "failed") said.push(`We couldn't reach ${person.name}.`);
    if (old === undefined) said.push(`Now asking ${person.name}.`);
  }
  return said;
}

export async function render(view, { params, isCurrent }) {
  const alertId = params[0];
  const path = `/api/alerts/${encodeURIComponent(alertId)}`;
  const flash = takeAlertFlash();
  put(view, heading("Your alert", "alert-title"), loading());

  let status;
  try {
    status = (await get(path)).status;
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(
      view,
      heading("Your alert", "alert-title"),
      error.status === 404 ? h("p", { testid: "alert-missing", text: "We couldn't find that alert." }) : problemBox(error),
      h("p", {}, h("a", { href: "#/home", testid: "link-home" }, "Back to home")),
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
    h("strong", { text: "In danger right now? " }),
    h("a", { href: "tel:999", testid: "call-999" }, "Call 999"),
  );

  function cancelButton() {
    const start = h(
      "button",
      { type: "button", class: "button button-secondary button-big", testid: "alert-cancel" },
      "I'm OK now, stop the alert",
    );
    const confirmArea = h("div");
    start.addEventListener("click", () => {
      const question = h("p", {
        class: "confirm-question",
        tabindex: "-1",
        text: "Stop the alert? Nobody else will be asked, and your people will see you're OK.",
      });
      const yes = h(
        "button",
        { type: "button", class: "button button-primary", testid: "alert-cancel-yes" },
        "Yes, I'm OK",
      );
      const no = h(
        "button",
        { type: "button", class: "button button-secondary", testid: "alert-cancel-no" },
        "No, keep it on",
      );
      fill(
        confirmArea,
        h(
          "div",
          { class: "confirm", role: "group", "aria-label": "Stop the alert?" },
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
          announce("You stopped the alert.");
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
    heading("Your alert", "alert-title"),
    flash ? h("p", { class: "notice", role: "status", testid: "alert-flash", text: flash }) : null,
    stateArea,
    aboutArea,
    h(
      "section",
      { "aria-labelledby": "alert-people-heading" },
      h("h2", { id: "alert-people-heading", text: "Who we asked" }),
      peopleArea,
    ),
    actions,
    h(
      "section",
      { "aria-labelledby": "alert-events-heading" },
      h("h2", { id: "alert-events-heading", text: "What's happened" }),
      eventsArea,
    ),
    connection,
    dangerLine,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, "Back to home")),
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
          error.status === 0 ? "No signal. This will update when you're back online." : error.title;
      }
    }
    if (isCurrent() && status.state === "active") setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}
