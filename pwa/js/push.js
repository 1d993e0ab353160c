// Web Push on this phone: ask permission, subscribe with the server's VAPID key, and
// hand the subscription to whoever stores it (a trusted contact's or a user's route).
// A push only ever says "open Homeward" (see sw.js); the details load after sign-in.
import { get } from "./api.js";
import { t } from "./i18n.js";

const READY_TIMEOUT_MS = 10_000;

/** A reason notifications can't be turned on, in words for the person on the phone. */
export class Refusal extends Error {
  constructor(title, detail = "") {
    super(title);
    this.title = title;
    this.detail = detail;
  }
}

/** The VAPID key (base64url) as the bytes pushManager.subscribe wants. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export function canNotify() {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

function serviceWorkerReady() {
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error("no service worker")), READY_TIMEOUT_MS)),
  ]);
}

async function subscribe(registration, applicationServerKey) {
  const options = { userVisibleOnly: true, applicationServerKey };
  try {
    return await registration.pushManager.subscribe(options);
  } catch (error) {
    // A subscription made with an older key must go before a new one can be made.
    const old = await registration.pushManager.getSubscription();
    if (!old) throw error;
    await old.unsubscribe();
    return registration.pushManager.subscribe(options);
  }
}

/**
 * Ask to show notifications and subscribe this phone. Resolves with the subscription
 * as JSON (`PushSubscription.toJSON()`), ready to POST; rejects with a Refusal.
 */
export async function subscribeThisPhone() {
  if (!canNotify()) {
    throw new Refusal(t("push.refusal.no_support"), t("push.refusal.no_support_detail"));
  }
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    throw new Refusal(t("push.refusal.blocked"), t("push.refusal.blocked_detail"));
  }
  const { public_key: publicKey } = await get("/api/push/public-key", { signInNeeded: false });
  if (!publicKey) {
    throw new Refusal(t("push.refusal.no_key"), t("push.refusal.no_key_detail"));
  }
  try {
    const registration = await serviceWorkerReady();
    const subscription = await subscribe(registration, keyBytes(publicKey));
    return subscription.toJSON();
  } catch (error) {
    // With signal, a refusal is the browser's own (a private or incognito window can't
    // get notifications): saying "check your signal" then would send them the wrong way.
    const refused = /^(NotAllowed|Abort|NotSupported)Error$/.test(error?.name ?? "");
    if (refused || navigator.onLine) {
      throw new Refusal(t("push.refusal.private"), t("push.refusal.private_detail"));
    }
    throw new Refusal(t("push.refusal.failed"), t("push.refusal.failed_detail"));
  }
}

/** Whether this browser holds a push subscription and may show notifications. */
export async function subscribedHere() {
  if (!canNotify() || Notification.permission !== "granted") return false;
  try {
    // getRegistration, not ready: a screen must not wait for a worker that may never come.
    const registration = await navigator.serviceWorker.getRegistration();
    return Boolean(await registration?.pushManager.getSubscription());
  } catch {
    return false;
  }
}

/** This browser's push endpoint, or null when it has no subscription. */
export async function localEndpoint() {
  if (!canNotify()) return null;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = await registration?.pushManager.getSubscription();
    return subscription?.endpoint ?? null;
  } catch {
    return null;
  }
}

/** Drop this browser's subscription (after the server has forgotten it). */
export async function forgetLocalSubscription() {
  if (!canNotify()) return;
  try {
    const registration = await serviceWorkerReady();
    const subscription = await registration.pushManager.getSubscription();
    await subscription?.unsubscribe();
  } catch {
    // The server no longer sends to it either way.
  }
}
