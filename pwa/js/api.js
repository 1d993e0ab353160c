// Talks to the Homeward API (docs/api.md). Same origin only; the session is an
// HttpOnly cookie the page never sees. Every request says which language the person
// reads, so the server's words (errors too) come back in it.
import { language, t } from "./i18n.js";

// Kept in memory only: localStorage would let any script on the page, or anyone
// with the phone, read it later.
let csrfToken = null;
let onSignedOut = () => {};
let onResponse = () => {};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class ApiError extends Error {
  constructor({ status, title, detail = "", errors = [], retryAfter = null }) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }
}

/** Called with no arguments when the server says we are not signed in (401). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

/** Called with the status of every answer, or 0 when the network failed. */
export function whenResponded(handler) {
  onResponse = handler;
}

export function forgetCsrfToken() {
  csrfToken = null;
}

function tooManyTries(retryAfterHeader) {
  const seconds = Number.parseInt(retryAfterHeader ?? "", 10);
  const minutes = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : null;
  const wait = minutes === null ? "" : t("error.try_again_in", { count: minutes });
  return new ApiError({
    status: 429,
    title: t("error.too_many_tries"),
    detail: wait,
    retryAfter: minutes,
  });
}

async function problemFrom(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // A proxy or crash page may not be JSON; fall back to a generic message.
  }
  return new ApiError({
    status: response.status,
    title: typeof body.title === "string" ? body.title : t("error.generic"),
    detail: typeof body.detail === "string" ? body.detail : "",
    errors: Array.isArray(body.errors) ? body.errors : [],
  });
}

// Set by the service worker on a copy it kept for reading offline (see sw.js).
const SERVED_OFFLINE = "X-Homeward-Offline";
const FETCHED_AT = "X-Homeward-Fetched-At";

/**
 * Send one request. Resolves with the parsed JSON (or null for 204); rejects with
 * ApiError. `signInNeeded: false` stops a 401 from sending the user to sign in
 * (the sign-in form itself expects 401 for wrong details). `withResponse: true`
 * resolves with `{data, fetchedAt, offline}` instead: when the copy came from the
 * server, and whether it is the phone's own copy because the network failed.
 * `asBlob: true` resolves with the body as a Blob (a PDF, say). `timeoutMs` gives up
 * on a request that hangs (a weak signal), as if the network had failed.
 */
export async function request(
  method,
  path,
  body = undefined,
  { signInNeeded = true, withResponse = false, asBlob = false, timeoutMs = 0 } = {},
) {
  const headers = {
    Accept: "application/json, application/problem+json",
    "X-Homeward-Language": language(),
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (UNSAFE.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response;
  const controller = timeoutMs > 0 ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller?.signal,
    });
  } catch {
    onResponse(0);
    throw new ApiError({
      status: 0,
      title: t("error.offline_title"),
      detail: t("error.offline_detail"),
    });
  } finally {
    clearTimeout(timer);
  }
  const offline = response.headers.get(SERVED_OFFLINE) === "1";
  // A copy kept on the phone is not an answer from the server: still offline.
  onResponse(offline ? 0 : response.status);

  if (response.status === 429) throw tooManyTries(response.headers.get("Retry-After"));
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (response.status === 401 && signInNeeded) {
      csrfToken = null;
      onSignedOut();
    }
    throw problem;
  }
  if (asBlob) return response.blob();
  const data = response.status === 204 ? null : await response.json();
  if (data && typeof data.csrf_token === "string") csrfToken = data.csrf_token;
  if (withResponse) return { data, fetchedAt: response.headers.get(FETCHED_AT), offline };
  return data;
}

export const get = (path, options) => request("GET", path, undefined, options);
export const post = (path, body, options) => request("POST", path, body ?? {}, options);
export const putJson = (path, body, options) => request("PUT", path, body ?? {}, options);
export const del = (path, options) => request("DELETE", path, undefined, options);
