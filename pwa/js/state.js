// Who is signed in, kept in memory only so nothing personal outlives the page.
import { forgetCsrfToken, get } from "./api.js";

const PROFESSIONAL_ROLES = new Set(["social_worker", "manager", "admin"]);

let me = null;
// A message for the sign-in screen, e.g. after the idle time-out.
let signInNotice = "";

export function rememberMe(reply) {
  me = reply;
}

function role() {
  return me?.user?.role ?? null;
}

export function isProfessional() {
  return PROFESSIONAL_ROLES.has(role());
}

/** Ask the server who we are, once per page load. Rejects with ApiError (e.g. 401). */
export async function loadMe() {
  if (!me) me = await get("/api/auth/me");
  return me;
}

export function forgetEverything() {
  me = null;
  forgetCsrfToken();
}

export function setSignInNotice(text) {
  signInNotice = text;
}

export function takeSignInNotice() {
  const text = signInNotice;
  signInNotice = "";
  return text;
}
