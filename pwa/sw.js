// Homeward service worker: keeps the app shell so it opens with no signal.
// Personal data must not sit in a cache on a shared or seized phone, so /api/ and
// /health go to the network and are never stored, with one exception: the latest
// agreed plan and the young person's people, which the young person and their carer
// must be able to read with no signal (GET /api/young-people/<id>/plan/agreed). That
// copy is kept in its own cache, which the app deletes on sign-out. The worker deletes
// it too, with who was signed in, as soon as the server says the session has gone (a
// lost phone signed out from elsewhere): it does not wait for the page to do it.

// Bump when the shell changes: activate then deletes the old cache.
const VERSION = "v11";
const CACHE = `homeward-shell-${VERSION}`;
const CACHE_PREFIX = "homeward-shell-";
// Must match PLAN_CACHE in js/offline.js. Not versioned: a new shell keeps the copy.
const PLAN_CACHE = "homeward-plans";
// Must match IDENTITY_CACHE in js/offline.js.
const IDENTITY_CACHE = "homeward-identity";
const AGREED_PLAN = /^\/api\/young-people\/[^/]+\/plan\/agreed$/;
// Asked on every start of the app: its 401 is how a signed-out phone finds out.
const WHO_AM_I = "/api/auth/me";
// When the copy last came from (or was confirmed by) the server; read by js/api.js.
const FETCHED_AT = "X-Homeward-Fetched-At";
// Marks an answer from the phone's copy because the network failed.
const SERVED_OFFLINE = "X-Homeward-Offline";
// The page keeps the reader's language here (js/i18n.js), for notifications.
const SETTINGS_CACHE = "homeward-settings";
const LANGUAGE_KEY = "/offline/language";
// Sent with the agreed plan, and kept with the copy: a copy in another language is
// fetched again in full rather than revalidated.
const LANGUAGE_HEADER = "X-Homeward-Language";

const SHELL = [
  "/",
  "/manifest.webmanifest",
  "/css/app.css",
  "/js/account.js",
  "/js/alerts.js",
  "/js/api.js",
  "/js/app.js",
  "/js/i18n.js",
  "/js/install.js",
  "/js/language-choice.js",
  "/js/lazy.js",
  "/js/module-map.js",
  "/js/offline.js",
  "/js/push.js",
  "/js/quick-exit.js",
  "/js/state.js",
  "/js/ui.js",
  "/js/screens/accessibility.js",
  "/js/screens/alert-answer.js",
  "/js/screens/alert-button.js",
  "/js/screens/alert-lists.js",
  "/js/screens/alert-readiness.js",
  "/js/screens/alert-status.js",
  "/js/screens/care-team.js",
  "/js/screens/change-secret.js",
  "/js/screens/chat-summary.js",
  "/js/screens/chat.js",
  "/js/screens/contact.js",
  "/js/screens/council-settings.js",
  "/js/screens/dashboard.js",
  "/js/screens/episode.js",
  "/js/screens/episodes.js",
  "/js/screens/feedback-cards.js",
  "/js/screens/feedback-figures.js",
  "/js/screens/feedback-mine.js",
  "/js/screens/feedback-quotes.js",
  "/js/screens/feedback.js",
  "/js/screens/figures.js",
  "/js/screens/help.js",
  "/js/screens/home-admin.js",
  "/js/screens/home-carer.js",
  "/js/screens/home-manager.js",
  "/js/screens/home-social-worker.js",
  "/js/screens/home-young-person.js",
  "/js/screens/home.js",
  "/js/screens/interview-form.js",
  "/js/screens/interview.js",
  "/js/screens/interviewers.js",
  "/js/screens/invite-panel.js",
  "/js/screens/join.js",
  "/js/screens/known-worker.js",
  "/js/screens/mailbox.js",
  "/js/screens/my-data.js",
  "/js/screens/my-info.js",
  "/js/screens/notices.js",
  "/js/screens/open-alert.js",
  "/js/screens/people.js",
  "/js/screens/phone-alerts.js",
  "/js/screens/phones.js",
  "/js/screens/plan-edit.js",
  "/js/screens/plan-history.js",
  "/js/screens/plan-parts.js",
  "/js/screens/plan-sign.js",
  "/js/screens/plan.js",
  "/js/screens/privacy.js",
  "/js/screens/rights.js",
  "/js/screens/record-details.js",
  "/js/screens/recover.js",
  "/js/screens/rhi-plain.js",
  "/js/screens/rhi-terms.js",
  "/js/screens/search-places.js",
  "/js/screens/signin.js",
  "/js/screens/ssda903.js",
  "/js/screens/supervision.js",
  "/js/screens/welcome.js",
  "/js/screens/who.js",
  "/js/screens/worried.js",
  "/js/screens/young-people-list.js",
  "/js/screens/young-person.js",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/maskable-192.png",
  "/icons/maskable-512.png",
  "/i18n/ar.json",
  "/i18n/en.json",
];

const SHELL_PATHS = new Set(SHELL);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: "reload" skips the HTTP cache so a new version never precaches stale files.
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function neverCached(url) {
  return url.pathname.startsWith("/api/") || url.pathname === "/health";
}

/** Answer from the cache at once, and refresh the cached copy from the network. */
async function cacheFirst(event, key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  const refresh = fetch(event.request)
    .then(async (response) => {
      if (response.ok && response.type === "basic") await cache.put(key, response.clone());
      return response;
    })
    .catch(() => null);
  if (cached) {
    event.waitUntil(refresh);
    return cached;
  }
  const fresh = await refresh;
  return fresh ?? Response.error();
}

/** A copy of `response` with extra headers (a Response's own headers can't change). */
async function withHeaders(response, extra) {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(await response.blob(), { status: 200, statusText: "OK", headers });
}

/**
 * The session has gone (signed out here or elsewhere, or the account switched off):
 * nothing it kept may stay readable on this phone, whichever young person it was.
 */
function forgetEverythingKept() {
  return Promise.all([caches.delete(PLAN_CACHE), caches.delete(IDENTITY_CACHE)]);
}

/** Who am I: network only, never stored; a 401 clears what the phone kept. */
async function whoAmI(request) {
  const response = await fetch(request);
  if (response.status === 401) await forgetEverythingKept();
  return response;
}

/**
 * The agreed plan: network first, revalidated with the ETag of the copy we hold
 * (304 keeps it); the kept copy only when the network or the server fails. Signed
 * out (401) deletes every copy and who was signed in; no longer theirs (403, 404)
 * deletes this copy.
 */
async function agreedPlan(request) {
  const key = new URL(request.url).pathname;
  const cache = await caches.open(PLAN_CACHE);
  const kept = await cache.match(key);
  const language = request.headers.get(LANGUAGE_HEADER);
  const headers = { Accept: "application/json" };
  if (language) headers[LANGUAGE_HEADER] = language;
  const etag = kept?.headers.get("ETag");
  if (etag && (kept.headers.get(LANGUAGE_HEADER) ?? language) === language) headers["If-None-Match"] = etag;

  let response;
  try {
    response = await fetch(key, { headers, credentials: "same-origin", cache: "no-store" });
  } catch {
    return kept ? withHeaders(kept, { [SERVED_OFFLINE]: "1" }) : Response.error();
  }
  const now = new Date().toISOString();
  if (response.status === 304 && kept) {
    const fresh = await withHeaders(kept, { [FETCHED_AT]: now });
    await cache.put(key, fresh.clone());
    return fresh;
  }
  if (response.ok && response.type === "basic") {
    const fresh = await withHeaders(response, {
      [FETCHED_AT]: now,
      ...(language ? { [LANGUAGE_HEADER]: language } : {}),
    });
    await cache.put(key, fresh.clone());
    return fresh;
  }
  if (response.status === 401) await forgetEverythingKept();
  else if ([403, 404].includes(response.status)) await cache.delete(key);
  // A server in trouble at 3am must not hide a young person's people from them.
  if (response.status >= 500 && kept) return withHeaders(kept, { [SERVED_OFFLINE]: "1" });
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (AGREED_PLAN.test(url.pathname)) {
    event.respondWith(agreedPlan(request));
    return;
  }
  if (url.pathname === WHO_AM_I) {
    event.respondWith(whoAmI(request));
    return;
  }
  if (neverCached(url)) return; // network only

  // Every page of the app is index.html: routes live in the hash.
  if (request.mode === "navigate" && (url.pathname === "/" || url.pathname === "/index.html")) {
    event.respondWith(cacheFirst(event, "/"));
    return;
  }
  if (SHELL_PATHS.has(url.pathname)) {
    event.respondWith(cacheFirst(event, url.pathname));
  }
});

// "Leave quickly" with "also clear this phone" (js/quick-exit.js): the page is about
// to go, so the worker finishes the job even if the page can't.
self.addEventListener("message", (event) => {
  if (event.origin && event.origin !== self.location.origin) return;
  if (event.data?.type === "clear-phone") event.waitUntil(forgetEverythingKept());
});

// Push: the payload is at most {"alert_id", "type"}, or {"type", "notice_id", "link"}
// for a notice. The words are the same for every alert (and every notice), so a lock
// screen says nothing about who or where; the app shows the details only after it has
// checked who is asking. The tag is the alert's id, so the same alert pushed twice (a
// retry, or both a push and a re-send) shows one notification.
// The words come from the catalogue of the language the reader chose (kept with the
// shell), so they need no signal either.
const PUSH_KEYS = {
  alert: "push.alert",
  call_999: "push.call_999",
  notice: "push.notice",
};
// A notice's push is {"type": "notice", "notice_id", "link"}: the same words for every
// notice, and a tap opens its link (a hash route of the app, checked here again).
const SAFE_LINK = /^#\/[A-Za-z0-9/_-]{0,190}$/;
// Only if no catalogue can be read at all (storage cleared): a notification must show.
const LAST_RESORT = {
  "push.title": "Homeward",
  "push.alert": "Someone you support needs you. Open Homeward.",
};
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
const DIRECTIONS = { ar: "rtl" };

async function readerLanguage() {
  try {
    const kept = await caches.match(LANGUAGE_KEY, { cacheName: SETTINGS_CACHE });
    const code = kept ? (await kept.json()).language : null;
    return /^[a-z]{2,3}$/.test(code ?? "") ? code : "en";
  } catch {
    return "en";
  }
}

async function catalogue(code) {
  try {
    const path = `/i18n/${code}.json`;
    const kept = await caches.match(path, { cacheName: CACHE });
    const response = kept ?? (await fetch(path));
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

/** The notification's title and body in the reader's language (English for a missing word). */
async function pushWords(type) {
  const code = await readerLanguage();
  const [own, english] = await Promise.all([catalogue(code), code === "en" ? {} : catalogue("en")]);
  const word = (key) => own[key] ?? english[key] ?? LAST_RESORT[key] ?? LAST_RESORT["push.alert"];
  return {
    lang: code,
    dir: DIRECTIONS[code] ?? "ltr",
    title: word("push.title"),
    // Anything new or unknown reads as an alert: the same generic words.
    body: word(PUSH_KEYS[type] ?? "push.alert"),
  };
}

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data?.json() ?? {};
  } catch {
    // Not JSON: still tell the person, with the same generic words.
  }
  const alertId = typeof payload.alert_id === "string" && SAFE_ID.test(payload.alert_id) ? payload.alert_id : null;
  const notice = payload.type === "notice";
  const noticeId =
    notice && typeof payload.notice_id === "string" && SAFE_ID.test(payload.notice_id) ? payload.notice_id : null;
  const link = notice && typeof payload.link === "string" && SAFE_LINK.test(payload.link) ? payload.link : null;
  event.waitUntil(
    pushWords(payload.type).then(({ title, body, lang, dir }) =>
      self.registration.showNotification(title, {
        body,
        lang,
        dir,
        tag: notice ? `notice-${noticeId ?? "homeward"}` : (alertId ?? "homeward"),
        renotify: true,
        // An alert stays until someone answers; a notice can wait in the app.
        requireInteraction: !notice,
        icon: "/icons/icon-192.png",
        badge: "/icons/icon-192.png",
        data: notice ? { link: link ?? "#/notices" } : { alertId },
      }),
    ),
  );
});

// Open the app at the alert (a notice: at its link). The worker can't tell who is signed in (the cookies are
// HttpOnly), so #/open-alert/<id> lets the app send a trusted contact to
// #/contact/alerts/<id>, a carer or social worker to #/alerts/<id>, and the young
// person to #/alert/<id>. With no alert id, the app's start-up sends each person home.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const alertId = event.notification.data?.alertId ?? null;
  const link = event.notification.data?.link ?? null;
  const safeLink = typeof link === "string" && SAFE_LINK.test(link) ? link : null;
  const path = alertId ? `/#/open-alert/${encodeURIComponent(alertId)}` : safeLink ? `/${safeLink}` : "/";
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const ours = open.find((client) => new URL(client.url).origin === self.location.origin);
      if (ours) {
        await ours.focus();
        if (alertId) ours.postMessage({ type: "open-alert", alertId });
        else if (safeLink) ours.postMessage({ type: "open-link", link: safeLink });
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
