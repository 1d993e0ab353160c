// "Alert my people" on the young person's home: one big button, then 5 seconds to
// undo. What to say, and sharing where they are, are optional, before or during the
// countdown. With no signal the alert waits on the phone and goes when the signal is
// back (alerts.js); a text message to their people is offered at once, as a text
// needs no data.
import {
  KINDS,
  newAlert,
  newAlertKey,
  sendAlert,
  sendPending,
  sentAlertFor,
  setAlertFlash,
  setAlertInProgress,
  textHref,
  whereAmI,
} from "../alerts.js";
import { t } from "../i18n.js";
import { dropPendingAlert, keptCopy, pendingAlert } from "../offline.js";
import { announce, fill, h, nextId, problemBox } from "../ui.js";
import { momentNotice } from "./privacy.js";

const COUNTDOWN_SECONDS = 5;
const TICK_MS = 200;
// The second tap of a double tap must not count as Undo.
const UNDO_GUARD_MS = 500;
const NO_LOCATION = "alert_button.no_location";
const NO_SIGNAL = "alert_button.no_signal";
const SENT_AGAIN = "alert_button.sent_again";

// The young person's people as the home last loaded them, for the text message
// (kept with whose they are: another young person may sign in on this phone).
let knownPeople = { youngPersonId: null, people: [] };

export function rememberPeople(youngPersonId, people) {
  knownPeople = { youngPersonId, people };
}

async function peopleForText(me) {
  if (knownPeople.youngPersonId === me.young_person_id && knownPeople.people.length) {
    return knownPeople.people;
  }
  const copy = await keptCopy(me.young_person_id);
  return copy?.trio ?? [];
}

function kindChoices() {
  const name = nextId("alert-kind");
  const hintId = `${name}-hint`;
  return h(
    "fieldset",
    { class: "alert-choices", testid: "alert-choices", "aria-describedby": hintId },
    h("legend", { text: t("alert_button.what_to_say") }),
    h("p", { class: "hint", id: hintId, text: t("alert_button.no_need_to_choose") }),
    h(
      "div",
      { class: "checks checks-stacked" },
      KINDS.map(([value, words], index) => {
        const id = `${name}-${value}`;
        return h(
          "div",
          { class: "check" },
          h("input", {
            type: "radio",
            id,
            name,
            value,
            checked: index === 0,
            testid: `alert-kind-${value}`,
          }),
          h("label", { for: id, text: t(words) }),
        );
      }),
    ),
  );
}

// localStorage: "1" once this phone has shown the short notice about sharing a location
// and the young person answered it (a fact about the phone, nothing personal).
const LOCATION_NOTICE = "homeward.location_notice_seen";

function locationNoticeSeen() {
  try {
    return localStorage.getItem(LOCATION_NOTICE) === "1";
  } catch {
    return false;
  }
}

function keepLocationNoticeSeen() {
  try {
    localStorage.setItem(LOCATION_NOTICE, "1");
  } catch {
    // Private browsing: the notice shows again next time, which is fine.
  }
}

/**
 * The first time the switch is turned on, a short notice says who will see where they
 * are and for how long, and asks them to keep it on or turn it off. The alert is never
 * held up: it may go while the notice shows, with the switch as it is.
 */
function firstShareNotice(input, setState) {
  const holder = h("div", { testid: "location-notice-holder" });
  input.addEventListener("change", () => {
    if (!input.checked || locationNoticeSeen()) {
      holder.replaceChildren();
      return;
    }
    const keep = h(
      "button",
      { type: "button", class: "button button-primary", testid: "location-notice-keep" },
      t("privacy.location.keep"),
    );
    const stop = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "location-notice-off" },
      t("privacy.location.turn_off"),
    );
    const answered = (on) => {
      keepLocationNoticeSeen();
      input.checked = on;
      setState();
      holder.replaceChildren();
      announce(on ? t("privacy.location.kept_on") : t("privacy.location.kept_off"));
      input.focus();
    };
    keep.addEventListener("click", () => answered(true));
    stop.addEventListener("click", () => answered(false));
    holder.replaceChildren(
      h(
        "div",
        { role: "group", "aria-label": t("privacy.location.title"), testid: "location-notice" },
        momentNotice("location", "location-notice-text"),
        h("div", { class: "button-row" }, keep, stop),
      ),
    );
  });
  return holder;
}

function shareSwitch() {
  const id = nextId("share-location");
  const input = h("input", {
    type: "checkbox",
    role: "switch",
    id,
    class: "switch",
    testid: "alert-share-location",
    "aria-describedby": `${id}-hint`,
  });
  const state = h("span", { class: "switch-state", "aria-hidden": "true", text: t("common.off") });
  const setState = () => {
    state.textContent = input.checked ? t("common.on") : t("common.off");
  };
  input.addEventListener("change", setState);
  const notice = firstShareNotice(input, setState);
  const wrap = h(
    "div",
    { class: "switch-field" },
    h(
      "div",
      { class: "switch-row" },
      h("label", { for: id, text: t("alert_button.share_label") }),
      input,
      state,
    ),
    h("p", {
      class: "hint",
      id: `${id}-hint`,
      text: t("alert_button.share_hint"),
    }),
    notice,
  );
  return { wrap, input };
}

/**
 * The alert card for the home. `activeSlot` is where the home says an alert is
 * already on. Resolves nothing: it runs by itself until the young person leaves.
 */
export function alertCard({ me, go, isCurrent }) {
  const area = h("div", { class: "alert-area", testid: "alert-area" });
  const choices = kindChoices();
  const share = shareSwitch();
  const activeSlot = h("div", { testid: "alert-active-slot" });
  const reachSlot = h("div", { testid: "alert-reach" });
  const card = h(
    "section",
    { class: "alert-card", "aria-labelledby": "alert-heading", testid: "alert-card" },
    h("h2", { id: "alert-heading", text: t("alert_button.heading") }),
    activeSlot,
    area,
    reachSlot,
    choices,
    share.wrap,
  );

  const chosenKind = () => choices.querySelector("input:checked")?.value ?? "need_help";
  const showChoices = (shown, enabled = shown) => {
    choices.hidden = !shown;
    share.wrap.hidden = !shown;
    reachSlot.hidden = !shown;
    choices.disabled = !enabled;
    share.input.disabled = !enabled;
  };

  function idle(note = "") {
    showChoices(true);
    const start = h(
      "button",
      {
        type: "button",
        class: "button button-alert",
        testid: "alert-start",
        "aria-describedby": "alert-start-hint",
      },
      t("alert_button.start"),
    );
    start.addEventListener("click", countdown);
    fill(
      area,
      start,
      h("p", {
        class: "hint",
        id: "alert-start-hint",
        text: t("alert_button.start_hint", { count: COUNTDOWN_SECONDS }),
      }),
      note ? h("p", { class: "notice", role: "status", testid: "alert-undone", text: note }) : null,
    );
    return start;
  }

  function countdown() {
    setAlertInProgress(true);
    const key = newAlertKey(); // once per tap: this alert's key from now on
    const tappedAt = Date.now();
    const endsAt = tappedAt + COUNTDOWN_SECONDS * 1000;
    let locating = share.input.checked ? whereAmI() : null;
    let timer = null;
    let done = false;
    const onShare = () => {
      if (share.input.checked && !locating) locating = whereAmI();
    };
    share.input.addEventListener("change", onShare);

    const number = h("p", {
      class: "countdown-number",
      "aria-hidden": "true",
      testid: "alert-countdown-number",
      text: String(COUNTDOWN_SECONDS),
    });
    const words = h("p", {
      class: "countdown-words",
      id: "countdown-words",
      testid: "alert-countdown-words",
      text: t("alert_button.sending_in", { count: COUNTDOWN_SECONDS }),
    });
    const undo = h(
      "button",
      { type: "button", class: "button button-undo", testid: "alert-undo" },
      t("alert_button.undo"),
    );
    const now = h(
      "button",
      { type: "button", class: "button button-secondary button-send-now", testid: "alert-send-now" },
      t("alert_button.send_now"),
    );

    const finish = (send) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      share.input.removeEventListener("change", onShare);
      if (send) sendIt(key, () => locating);
      else setAlertInProgress(false);
    };
    undo.addEventListener("click", () => {
      if (Date.now() - tappedAt < UNDO_GUARD_MS) return;
      finish(false);
      const start = idle(t("alert_button.undone"));
      announce(t("alert_button.undone"));
      start.focus();
    });
    now.addEventListener("click", () => finish(true));

    const tick = () => {
      if (!isCurrent()) {
        // Left the home mid-countdown: nothing is sent.
        finish(false);
        return;
      }
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      if (left === 0) {
        finish(true);
        return;
      }
      if (number.textContent !== String(left)) {
        number.textContent = String(left);
        words.textContent = t("alert_button.sending_in", { count: left });
      }
      timer = setTimeout(tick, TICK_MS);
    };

    fill(
      area,
      h(
        "div",
        { class: "countdown", role: "group", "aria-labelledby": "countdown-words", testid: "alert-countdown" },
        number,
        words,
        undo,
        now,
      ),
    );
    undo.focus();
    announce(t("alert_button.countdown_announce", { count: COUNTDOWN_SECONDS }));
    timer = setTimeout(tick, TICK_MS);
  }

  async function sendIt(key, locating) {
    showChoices(true, false);
    const message = h("p", {
      class: "sending",
      role: "status",
      testid: "alert-sending",
      text: t("alert_button.sending"),
    });
    fill(area, message);
    announce(t("alert_button.sending_now"));
    let location = null;
    let locationProblem = false;
    if (share.input.checked) {
      message.textContent = t("alert_button.finding_you");
      location = await (locating() ?? whereAmI());
      locationProblem = !location;
      message.textContent = t("alert_button.sending");
    }
    const alert = newAlert(me, key, { kind: chosenKind(), location, locationProblem });
    const result = await sendAlert(alert);
    setAlertInProgress(false);
    if (!isCurrent()) return; // it is kept and sent anyway; app.js says so when it goes
    if (result?.outcome === "sent") {
      showSent(alert, result.status);
      return;
    }
    if (result?.outcome === "refused") {
      idle();
      area.prepend(problemBox(result.error, "alert-problem"));
      return;
    }
    await waiting(alert);
  }

  let moved = false;
  function showSent(alert, status) {
    if (moved || !isCurrent()) return;
    moved = true;
    // One alert at a time: a tap while one is on sends that one again (the server says when).
    if (alert.location_problem) setAlertFlash(t(NO_LOCATION));
    else if (status.sent_again_at) setAlertFlash(t(SENT_AGAIN));
    go(`#/alert/${encodeURIComponent(status.id)}`);
  }

  async function waiting(alert) {
    showChoices(false);
    const href = textHref(await peopleForText(me), alert.body.kind, alert.body.location);
    if (!isCurrent()) return;
    const title = h("p", {
      class: "notice-title",
      tabindex: "-1",
      testid: "alert-waiting-title",
      text: t(NO_SIGNAL),
    });
    const retry = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "alert-retry" },
      t("alert_button.try_again_now"),
    );
    const drop = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "alert-drop" },
      t("alert_button.drop"),
    );
    const more = h("div", { testid: "alert-waiting-more" });
    retry.addEventListener("click", async () => {
      retry.disabled = true;
      const result = await sendPending();
      retry.disabled = false;
      if (result?.outcome === "waiting") announce(t("alert_button.still_no_signal"));
    });
    drop.addEventListener("click", () => {
      const yes = h(
        "button",
        { type: "button", class: "button button-danger", testid: "alert-drop-yes" },
        t("alert_button.drop_yes"),
      );
      const no = h(
        "button",
        { type: "button", class: "button button-secondary", testid: "alert-drop-no" },
        t("alert_button.drop_no"),
      );
      const question = h("p", {
        class: "confirm-question",
        tabindex: "-1",
        text: t("alert_button.drop_question"),
      });
      fill(
        more,
        h(
          "div",
          { class: "confirm", role: "group", "aria-label": t("alert_button.drop_label") },
          question,
          h("div", { class: "button-row" }, yes, no),
        ),
      );
      question.focus();
      no.addEventListener("click", () => {
        fill(more);
        drop.focus();
      });
      yes.addEventListener("click", () => {
        dropPendingAlert();
        window.removeEventListener("homeward:alert-sent", onSent);
        idle(t("alert_button.dropped")).focus();
        announce(t("alert_button.dropped"));
      });
    });
    fill(
      area,
      h(
        "div",
        { class: "alert-waiting", testid: "alert-waiting" },
        title,
        h("p", { text: t("alert_button.text_now") }),
        alert.location_problem ? h("p", { text: t("alert_button.no_location_waiting") }) : null,
        href
          ? h(
              "a",
              { href, class: "button button-primary button-big", testid: "alert-sms" },
              t("alert_button.send_text"),
            )
          : h("p", {
              testid: "alert-sms-none",
              text: t("alert_button.no_numbers"),
            }),
        h(
          "p",
          {},
          h("strong", { text: t("common.in_danger") }),
          " ",
          h(
            "a",
            { href: "tel:999", class: "strong-link", dir: "ltr", testid: "alert-waiting-999" },
            t("common.call_999"),
          ),
        ),
        h("div", { class: "button-row" }, retry, drop),
        more,
      ),
    );
    title.focus();
    announce(`${t(NO_SIGNAL)} ${t("alert_button.text_now")}`);

    // When the alert goes (the signal is back), show who has it.
    function onSent(event) {
      if (event.detail.alert.key !== alert.key) return;
      window.removeEventListener("homeward:alert-sent", onSent);
      showSent(alert, event.detail.status);
    }
    window.addEventListener("homeward:alert-sent", onSent);
    // It may have gone while this panel was being drawn.
    const sent = sentAlertFor(alert.key);
    if (sent) {
      window.removeEventListener("homeward:alert-sent", onSent);
      showSent(alert, sent);
    }
  }

  // An alert tapped earlier that has not gone yet: try it now, then say it waits.
  async function resume(kept) {
    showChoices(false);
    fill(
      area,
      h("p", { class: "sending", role: "status", testid: "alert-sending", text: t("alert_button.sending") }),
    );
    const result = await sendPending();
    if (!isCurrent()) return;
    const sent = result?.outcome === "sent" ? result.status : sentAlertFor(kept.key);
    if (sent) {
      showSent(kept, sent);
    } else if (result?.outcome === "refused") {
      idle();
      area.prepend(problemBox(result.error, "alert-problem"));
    } else if (pendingAlert()) {
      await waiting(kept);
    } else {
      idle();
    }
  }

  const kept = pendingAlert();
  if (kept && kept.user_id === me.user.id) resume(kept);
  else idle();
  return { card, activeSlot, reachSlot };
}

/**
 * Said under the button when none of the young person's people can get an alert
 * yet (nobody has said yes, or turned on notifications, or left an email).
 */
export function reachHint(people) {
  const reachable = people.some((p) => p.state === "active" && (p.notifications || p.email));
  if (reachable) return null;
  return h("p", {
    class: "hint reach-hint",
    testid: "alert-reach-hint",
    text: t("alert_button.reach_hint"),
  });
}
