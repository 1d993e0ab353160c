// One-tap alerts (docs/api.md, "Alerts"). An alert gets its idempotency key once, when
// the young person taps, and keeps it until the server has the alert: a double tap,
// a retry or a reconnect sends the same key, so the server makes one alert. With no
// signal the alert waits on the phone (offline.js) and goes when the signal is back.
import { post } from "./api.js";
import { DEFAULT_LANGUAGE, language, t } from "./i18n.js";
import { dropPendingAlert, keepPendingAlert, pendingAlert } from "./offline.js";
import { loadMe } from "./state.js";
import { plainWhen } from "./ui.js";

// Backing off while the alert waits: the `online` event also tries at once, but a
// phone can say it is online with no data getting through.
const RETRY_MS = [5_000, 10_000, 20_000, 30_000];
const LOCATION_TIMEOUT_MS = 8_000;
// A weak signal can leave a request hanging: give up and say so, then keep trying.
const SEND_TIMEOUT_MS = 10_000;
// The browser's own timeout doesn't count the time a permission question is open.
const LOCATION_CAP_MS = 12_000;

// [kind, key of its words]
export const KINDS = [
  ["need_help", "alert.kind.need_help"],
  ["safe_not_home", "alert.kind.safe_not_home"],
  ["call_me", "alert.kind.call_me"],
];

/** What the young person said, in the reader's words (the server's words if the kind is new). */
export function kindWords(alert) {
  const found = KINDS.find(([kind]) => kind === alert.kind);
  return found ? t(found[1]) : alert.kind_words;
}

const TEXT_WORDS = {
  need_help: "alert.text.need_help",
  safe_not_home: "alert.text.safe_not_home",
  call_me: "alert.text.call_me",
};

/** Made once per tap, when the countdown starts, and kept with that alert. */
export function newAlertKey() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Older phones: 128 random bits as hex.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The alert for one tap, with that tap's key, ready to keep and send. */
export function newAlert(me, key, { kind, location = null, locationProblem = false }) {
  const body = { idempotency_key: key, kind };
  if (location) body.location = location;
  return {
    key,
    body,
    user_id: me.user.id,
    created_at: new Date().toISOString(),
    location_problem: locationProblem,
  };
}

let sending = null;
let retryTimer = null;
let retries = 0;
// The last alert that reached the server, for a screen that missed the moment.
let lastSent = null;
// True from the tap until the alert is sent or waiting: the home must not be drawn
// again meanwhile (app.js), or the countdown would be lost.
let inProgress = false;

export function setAlertInProgress(value) {
  inProgress = value;
}

export function alertInProgress() {
  return inProgress;
}

/** The server's status for the alert with this key, if it was sent from this page. */
export function sentAlertFor(key) {
  return lastSent?.key === key ? lastSent.status : null;
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  const wait = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)];
  retries += 1;
  retryTimer = setTimeout(retryPendingAlert, wait);
}

function settled() {
  clearTimeout(retryTimer);
  retryTimer = null;
  retries = 0;
}

async function postOnce(alert) {
  try {
    return await post("/api/alerts", alert.body, { timeoutMs: SEND_TIMEOUT_MS });
  } catch (error) {
    // 409: another request with this key got there first a moment ago; asking again
    // returns that alert.
    if (error.status !== 409) throw error;
    await new Promise((resolve) => setTimeout(resolve, 300));
    return post("/api/alerts", alert.body, { timeoutMs: SEND_TIMEOUT_MS });
  }
}

async function sendNow() {
  const alert = pendingAlert();
  if (!alert) return null;
  let me;
  try {
    me = await loadMe();
  } catch (error) {
    // Signed out (401) clears the alert with everything else; otherwise wait.
    return { outcome: error.status === 401 ? "refused" : "waiting", error };
  }
  // Someone else on this phone: it is not theirs to send.
  if (me.user.id !== alert.user_id) return null;
  // Opened from the phone's own copy: no CSRF token yet, and no signal.
  if (me.offline) return { outcome: "waiting", alert };
  try {
    const status = await postOnce(alert);
    dropPendingAlert();
    settled();
    lastSent = { key: alert.key, status };
    window.dispatchEvent(new CustomEvent("homeward:alert-sent", { detail: { status, alert } }));
    return { outcome: "sent", status, alert };
  } catch (error) {
    if (error.status === 0 || error.status === 429 || error.status >= 500 || error.status === 409) {
      return { outcome: "waiting", error, alert };
    }
    // The server said no (not a young person, bad location...): trying again won't help.
    dropPendingAlert();
    settled();
    return { outcome: "refused", error, alert };
  }
}

/**
 * Keep this alert on the phone, then send it. Resolves `{outcome: "sent", status}`,
 * `{outcome: "waiting"}` (kept; tried again by itself) or `{outcome: "refused", error}`.
 */
export async function sendAlert(alert) {
  keepPendingAlert(alert);
  return sendPending();
}

/** Send the alert waiting on this phone, if any; one request at a time. */
export function sendPending() {
  if (!sending) {
    sending = sendNow()
      .then((result) => {
        if (result?.outcome === "waiting") scheduleRetry();
        return result;
      })
      .finally(() => {
        sending = null;
      });
  }
  return sending;
}

/** For app start and the `online` event: send a waiting alert, quietly. */
export function retryPendingAlert() {
  if (!pendingAlert()) {
    settled();
    return;
  }
  sendPending().catch(() => scheduleRetry());
}

/**
 * Where the young person is, or null. Asked only when they switched sharing on for
 * this alert; a failure or a "no" sends the alert without it.
 */
export function whereAmI() {
  return new Promise((resolve) => {
    if (!("geolocation" in navigator)) {
      resolve(null);
      return;
    }
    const cap = setTimeout(() => resolve(null), LOCATION_CAP_MS);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        clearTimeout(cap);
        const { latitude, longitude, accuracy } = position.coords;
        const place = { latitude, longitude };
        if (Number.isFinite(accuracy)) place.accuracy_m = Math.min(Math.round(accuracy), 100_000);
        resolve(place);
      },
      () => {
        clearTimeout(cap);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: LOCATION_TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}

export function dialable(phone) {
  return String(phone ?? "").replace(/[^\d+]/g, "");
}

/**
 * An sms: link (RFC 5724) to the young person's people, for when there is no data:
 * a text needs only a phone signal. Null when none of them has a phone number.
 */
export function textHref(people, kind, location = null) {
  const numbers = people
    .filter((person) => person.state !== "stepped_down" && person.phone)
    .map((person) => dialable(person.phone));
  if (!numbers.length) return null;
  const key = TEXT_WORDS[kind] ?? TEXT_WORDS.need_help;
  // Their people may not read the young person's language: English goes too.
  const words = [t(key)];
  if (language() !== DEFAULT_LANGUAGE) words.push(t(key, {}, { language: DEFAULT_LANGUAGE }));
  if (location) {
    const lat = location.latitude.toFixed(5);
    const lng = location.longitude.toFixed(5);
    words.push(
      t("alert.text.where", {
        map: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`,
      }),
    );
  }
  words.push(t("alert.text.sent_from"));
  return `sms:${numbers.join(",")}?body=${encodeURIComponent(words.join(" "))}`;
}

// How each person who was asked is doing, for the young person and for adults.
const RECIPIENT_WORDS = {
  sent: "alert.recipient.sent",
  reached: "alert.recipient.reached",
  opened: "alert.recipient.opened",
  acknowledged: "alert.recipient.acknowledged",
  declined: "alert.recipient.declined",
  failed: "alert.recipient.failed",
};

const ROLE_WORDS_FOR_YOUNG_PERSON = {
  trusted_contact: "alert.role.for_young_person.trusted_contact",
  carer: "alert.role.for_young_person.carer",
  duty: "alert.role.for_young_person.duty",
  social_worker: "alert.role.for_young_person.social_worker",
  known_worker: "alert.role.for_young_person.known_worker",
};

const ROLE_WORDS_FOR_ADULTS = {
  trusted_contact: "alert.role.for_adults.trusted_contact",
  carer: "alert.role.for_adults.carer",
  duty: "alert.role.for_adults.duty",
  social_worker: "alert.role.for_adults.social_worker",
  known_worker: "alert.role.for_adults.known_worker",
};

const wordsOr = (keys, code, otherwise) => (keys[code] ? t(keys[code]) : otherwise);

export const recipientWords = (status) => wordsOr(RECIPIENT_WORDS, status, status);
export const roleWordsForYoungPerson = (role) => wordsOr(ROLE_WORDS_FOR_YOUNG_PERSON, role, "");
export const roleWordsForAdults = (role) => wordsOr(ROLE_WORDS_FOR_ADULTS, role, role);

/** A few words on where an alert is, for the lists of alerts. */
export function stateWords(alert, { forYoungPerson = false } = {}) {
  switch (alert.state) {
    case "active":
      return forYoungPerson ? t("alert.state.active_for_young_person") : t("alert.state.active");
    case "acknowledged":
      return alert.acknowledged_by
        ? t("alert.state.acknowledged_by", { name: alert.acknowledged_by })
        : t("alert.state.acknowledged");
    case "cancelled":
      return forYoungPerson ? t("alert.state.cancelled_for_young_person") : t("alert.state.cancelled");
    case "failed":
      // Truthfully: reaching nobody is not the same as nobody answering.
      return alert.outcome === "nobody_reached"
        ? t("alert.state.failed_nobody_reached")
        : t("alert.state.failed");
    default:
      return "";
  }
}

/** "today at 2:05 pm", to follow "sent it again". */
export function whenInSentence(value) {
  return plainWhen(value, { style: "sentence" });
}

/** Active alerts first, then newest first. */
export function activeFirst(alerts) {
  return [...alerts].sort((a, b) => {
    const active = (b.state === "active") - (a.state === "active");
    return active || String(b.created_at).localeCompare(String(a.created_at));
  });
}

// A message carried from the countdown to the status screen ("sent without where you are").
let flash = "";

export function setAlertFlash(text) {
  flash = text;
}

export function takeAlertFlash() {
  const taken = flash;
  flash = "";
  return taken;
}
