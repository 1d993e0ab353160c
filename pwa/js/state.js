// Who is signed in, kept in memory only so nothing personal outlives the page.
// Young people and carers also keep a minimal identity on the phone (offline.js) so
// the home opens with no signal; it is used only when the server can't be reached.
import { forgetCsrfToken, get } from "./api.js";
import { forgetUnsavedLanguage, languageMark, settleLanguage } from "./language-choice.js";
import { offlineMe, saveIdentity } from "./offline.js";

const PROFESSIONAL_ROLES = new Set(["social_worker", "manager", "admin"]);

let me = null;
// A message for the sign-in screen, e.g. after the idle time-out.
let signInNotice = "";

/**
 * Keep who signed in. Resolves when the language is settled with the one kept on the
 * server, so the next screen is drawn in it.
 */
export function rememberMe(reply, mark = undefined) {
  me = reply;
  saveIdentity(reply);
  return settleLanguage(reply?.user?.language ?? reply?.language, "account", mark);
}

function role() {
  return me?.user?.role ?? null;
}

export function isProfessional() {
  return PROFESSIONAL_ROLES.has(role());
}

/** True while we are showing screens from the identity kept on the phone. */
export function usingOfflineIdentity() {
  return Boolean(me?.offline);
}

// Who am I, asked as the page starts (askWhoEarly), for loadMe to use.
let early = null;
let earlyMark = 0; // languageMark() when it was asked

/**
 * Start asking the server who we are while the page is still loading its words, so the
 * first screen of someone signed in waits for one round trip fewer. loadMe takes the answer.
 */
export function askWhoEarly() {
  if (me || early) return;
  earlyMark = languageMark();
  early = get("/api/auth/me", { signInNeeded: false });
  early.catch(() => {}); // loadMe asks again and reports
}

/**
 * Ask the server who we are, once per page load. When the server can't be reached
 * (not when it says 401), fall back to the identity kept on this phone, and ask the
 * server again next time. Rejects with ApiError (e.g. 401).
 */
export async function loadMe() {
  if (me && !me.offline) return me;
  const asked = early;
  early = null;
  let mark = asked ? earlyMark : languageMark();
  try {
    let reply;
    try {
      reply = await (asked ?? get("/api/auth/me", { signInNeeded: false }));
    } catch (error) {
      // Asked before the words had loaded: ask again, so a message shown is in the
      // reader's words (a 401 shows none: it sends them to sign in).
      if (!asked || error.status === 401) throw error;
      mark = languageMark();
      reply = await get("/api/auth/me", { signInNeeded: false });
    }
    await rememberMe(reply, mark);
  } catch (error) {
    const kept = error.status === 0 ? await offlineMe() : null;
    if (!kept) throw error;
    me = kept;
  }
  return me;
}

export function forgetEverything() {
  me = null;
  early = null;
  forgetCsrfToken();
  forgetUnsavedLanguage();
}

export function setSignInNotice(text) {
  signInNotice = text;
}

export function takeSignInNotice() {
  const text = signInNotice;
  signInNotice = "";
  return text;
}
