// What a young person's or carer's phone keeps for when there is no signal: the
// latest agreed plan with their people (kept by the service worker, see sw.js), who
// is signed in, so the home can open, and an alert the young person tapped that has
// not reached the server yet. Nothing else personal is kept, never the CSRF token,
// and all of it goes on sign-out or when the server says "signed out".
import { get } from "./api.js";

// Must match PLAN_CACHE and IDENTITY_CACHE in sw.js.
const PLAN_CACHE = "homeward-plans";
const IDENTITY_CACHE = "homeward-identity";
const IDENTITY_KEY = "/offline/identity";
// Professionals use laptops with short sessions; only these roles keep a copy.
const KEEPS_A_COPY = new Set(["young_person", "carer"]);

const hasCaches = () => typeof caches !== "undefined";

// Writes to the identity happen one after another, so a save that started first
// can't land after (and undo) a later one, or after sign-out has cleared it all.
let queue = Promise.resolve();
function inTurn(work) {
  queue = queue.then(work, work);
  return queue;
}

export function keepsOfflineCopy(role) {
  return KEEPS_A_COPY.has(role);
}

export function agreedPlanPath(youngPersonId) {
  return `/api/young-people/${encodeURIComponent(youngPersonId)}/plan/agreed`;
}

// caches.match with a cacheName, not caches.open: reading must not create a cache.
async function readIdentity() {
  if (!hasCaches()) return null;
  try {
    const found = await caches.match(IDENTITY_KEY, { cacheName: IDENTITY_CACHE });
    return found ? await found.json() : null;
  } catch {
    return null;
  }
}

async function writeIdentity(identity) {
  if (!hasCaches()) return;
  try {
    const cache = await caches.open(IDENTITY_CACHE);
    const body = JSON.stringify(identity);
    await cache.put(IDENTITY_KEY, new Response(body, { headers: { "Content-Type": "application/json" } }));
  } catch {
    // Storage full or blocked: the app still works online.
  }
}

/** Keep who is signed in (role, name, young person), for opening the home offline. */
export function saveIdentity(me) {
  if (!me?.user || !keepsOfflineCopy(me.user.role)) return Promise.resolve();
  return inTurn(async () => {
    const before = await readIdentity();
    const same = before?.user_id === me.user.id;
    await writeIdentity({
      user_id: me.user.id,
      role: me.user.role,
      display_name: me.user.display_name,
      young_person_id: me.young_person_id ?? null,
      young_people: same ? (before.young_people ?? []) : [],
    });
  });
}

/** A carer's young people (id and name only), so their plans can be found offline. */
export function saveYoungPeople(people) {
  return inTurn(async () => {
    const identity = await readIdentity();
    if (!identity || identity.role !== "carer") return;
    identity.young_people = people.map((p) => ({ id: p.id, preferred_name: p.preferred_name }));
    await writeIdentity(identity);
  });
}

/** The identity kept on this phone, shaped like /api/auth/me, or null. */
export async function offlineMe() {
  const identity = await readIdentity();
  if (!identity?.role) return null;
  return {
    user: { id: identity.user_id, role: identity.role, display_name: identity.display_name },
    young_person_id: identity.young_person_id,
    young_people: identity.young_people ?? [],
    csrf_token: null,
    session: null,
    offline: true,
  };
}

/** Which of these young people have an agreed plan kept on this phone. */
export async function keptPlans(people) {
  if (!hasCaches()) return [];
  try {
    const kept = [];
    for (const person of people) {
      if (await caches.match(agreedPlanPath(person.id), { cacheName: PLAN_CACHE })) kept.push(person);
    }
    return kept;
  } catch {
    return [];
  }
}

/**
 * The latest agreed plan and the young person's people: from the server when it can
 * be reached, else the copy on this phone. Resolves `{data, fetchedAt, offline}`.
 */
export function agreedCopy(youngPersonId) {
  return get(agreedPlanPath(youngPersonId), { withResponse: true });
}

/** The copy on this phone, read without asking the network (null if none). */
export async function keptCopy(youngPersonId) {
  if (!hasCaches()) return null;
  try {
    const found = await caches.match(agreedPlanPath(youngPersonId), { cacheName: PLAN_CACHE });
    return found ? await found.json() : null;
  } catch {
    return null;
  }
}

/**
 * Keep the phone's copy in step after the plan was read online: fetch it again only
 * if the agreed version changed (every fetch is a read of the record, and audited).
 */
export async function refreshCopyIfChanged(youngPersonId, agreedHash) {
  const kept = await keptCopy(youngPersonId);
  if (kept && (kept.agreed?.content_hash ?? null) === (agreedHash ?? null)) return;
  try {
    await agreedCopy(youngPersonId);
  } catch {
    // Offline or refused: the next visit tries again.
  }
}

// One alert at most waits on the phone: a second tap while it waits would only send
// the same call for help twice. localStorage, not a cache, so it is written at once.
const PENDING_ALERT = "homeward-pending-alert";

/**
 * An alert that has not reached the server: `{key, body, user_id, created_at,
 * location_problem}`. `body` is what POST /api/alerts takes, with its idempotency key.
 */
export function pendingAlert() {
  try {
    const kept = JSON.parse(localStorage.getItem(PENDING_ALERT) ?? "null");
    return kept?.key && kept.body ? kept : null;
  } catch {
    return null;
  }
}

/** Keep the alert before it is sent, so a crash or lost signal can't lose it. */
export function keepPendingAlert(alert) {
  try {
    localStorage.setItem(PENDING_ALERT, JSON.stringify(alert));
    return true;
  } catch {
    return false; // storage blocked: it is still sent while the page stays open
  }
}

export function dropPendingAlert() {
  try {
    localStorage.removeItem(PENDING_ALERT);
  } catch {
    // Nothing kept, nothing to drop.
  }
}

/**
 * "Leave quickly" when the young person chose to clear this phone: the plan copies and
 * who is signed in go (an alert still waiting for signal stays: it is a call for help).
 * The service worker is told too, so the clearing finishes after the page has gone.
 */
export function clearThisPhone() {
  try {
    navigator.serviceWorker?.controller?.postMessage({ type: "clear-phone" });
  } catch {
    // No worker: the page clears what it can below.
  }
  return inTurn(async () => {
    if (!hasCaches()) return;
    try {
      await Promise.all([caches.delete(PLAN_CACHE), caches.delete(IDENTITY_CACHE)]);
    } catch {
      // Nothing more we can do from here.
    }
  });
}

/**
 * Sign-out, or the server says we are signed out: nothing stays on the phone. An
 * alert still waiting goes too: it can only be sent with this person's sign-in, and
 * must not go out hours later after someone else signs in.
 */
export function forgetOffline() {
  dropPendingAlert();
  return inTurn(async () => {
    if (!hasCaches()) return;
    try {
      await Promise.all([caches.delete(PLAN_CACHE), caches.delete(IDENTITY_CACHE)]);
    } catch {
      // Nothing more we can do from here.
    }
  });
}
