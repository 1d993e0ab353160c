// Words in the reader's language. Each language has one catalogue, pwa/i18n/<code>.json,
// fetched once per page and kept by the service worker with the rest of the app, so
// every screen (the plan kept for no signal too) reads the same offline. English is
// the source: a key another catalogue lacks shows in English rather than not at all
// (tests/unit/test_pwa_catalogues.py stops that shipping).
//
// A catalogue value is a string with {placeholders}, or, when it counts something,
// an object of plural forms ("one", "other"; Arabic also "zero", "two", "few",
// "many") picked with Intl.PluralRules from the `count` parameter.

export const LANGUAGES = {
  // `locale` is for dates and lists. Arabic keeps 0-9 digits: phone numbers, PINs and
  // times then look the same everywhere on the screen and on the phone's keypad.
  en: { name: "English", dir: "ltr", locale: "en-GB" },
  ar: { name: "العربية", dir: "rtl", locale: "ar-u-nu-latn" },
};
export const DEFAULT_LANGUAGE = "en";

// localStorage: the language chosen on this device. A preference, nothing personal.
const CHOICE = "homeward-language";
// Where the service worker reads the language for a notification's words (sw.js).
const SETTINGS_CACHE = "homeward-settings";
const SETTINGS_KEY = "/offline/language";
// Unicode's "first strong isolate" and "pop directional isolate": a name or number
// dropped into right-to-left words keeps its own direction, as <bdi> would.
const FSI = "\u2068";
const PDI = "\u2069";

let current = DEFAULT_LANGUAGE;
const catalogues = {};
const pluralRules = {};

/** A shipped language code for `code` ("ar-EG" -> "ar"), or null. */
export function supported(code) {
  const base = String(code ?? "")
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  return Object.hasOwn(LANGUAGES, base) ? base : null;
}

export function language() {
  return current;
}

export function direction(code = current) {
  return LANGUAGES[code]?.dir ?? "ltr";
}

/** The locale for Intl formats (dates, lists) in the current language. */
export function locale(code = current) {
  return LANGUAGES[code]?.locale ?? LANGUAGES[DEFAULT_LANGUAGE].locale;
}

/** The language chosen on this device, or null if nobody chose one here. */
export function deviceChoice() {
  try {
    return supported(localStorage.getItem(CHOICE));
  } catch {
    return null;
  }
}

function keepOnDevice(code) {
  try {
    localStorage.setItem(CHOICE, code);
  } catch {
    // Storage blocked: the choice lasts while the page is open.
  }
}

/** The browser's own languages, for someone who has not chosen yet. */
function browserLanguage() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const code = supported(tag);
    if (code) return code;
  }
  return null;
}

// The first screen waits for the words: on a weak signal, not for ever.
const LOAD_TIMEOUT_MS = 8_000;

async function load(code) {
  if (catalogues[code]) return catalogues[code];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LOAD_TIMEOUT_MS);
  try {
    const response = await fetch(`/i18n/${code}.json`, { credentials: "same-origin", signal: controller.signal });
    if (!response.ok) throw new Error(`no catalogue for ${code}`);
    catalogues[code] = await response.json();
    return catalogues[code];
  } finally {
    clearTimeout(timer);
  }
}

function rulesFor(code) {
  pluralRules[code] ??= new Intl.PluralRules(locale(code));
  return pluralRules[code];
}

function isolate(value, code) {
  return direction(code) === "rtl" ? `${FSI}${value}${PDI}` : value;
}

function entryFor(key, code) {
  const own = catalogues[code]?.[key];
  if (own !== undefined) return { entry: own, code };
  const english = catalogues[DEFAULT_LANGUAGE]?.[key];
  return english === undefined ? null : { entry: english, code: DEFAULT_LANGUAGE };
}

/**
 * The words for `key` in the current language (or `options.language`, if loaded), with
 * {placeholders} filled from `params`. A plural entry is chosen by `params.count`.
 */
export function t(key, params = {}, { language: code = current } = {}) {
  const found = entryFor(key, code);
  if (!found) return key;
  let text = found.entry;
  if (typeof text === "object" && text !== null) {
    const form = rulesFor(found.code).select(Number(params.count ?? 0));
    text = text[form] ?? text.other;
  }
  return String(text).replace(/\{([a-z_]+)\}/g, (whole, name) =>
    Object.hasOwn(params, name) ? isolate(String(params[name]), code) : whole,
  );
}

/** Fill the words written in index.html (marked data-i18n / data-i18n-label). */
function translatePage() {
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-label]")) {
    node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  }
}

/** The service worker shows notifications when no page is open: it reads this. */
async function tellServiceWorker(code) {
  if (typeof caches === "undefined") return;
  try {
    const cache = await caches.open(SETTINGS_CACHE);
    const body = JSON.stringify({ language: code });
    await cache.put(SETTINGS_KEY, new Response(body, { headers: { "Content-Type": "application/json" } }));
  } catch {
    // Storage blocked: notifications fall back to English.
  }
}

async function use(code) {
  let chosen = code;
  try {
    await load(chosen);
  } catch {
    chosen = DEFAULT_LANGUAGE; // offline before this catalogue was ever kept
  }
  current = chosen;
  document.documentElement.lang = chosen;
  document.documentElement.dir = direction(chosen);
  translatePage();
  tellServiceWorker(chosen);
  return chosen;
}

/**
 * Before the first screen: English (every other catalogue falls back to it), then the
 * language chosen on this device, else the browser's, else English.
 */
export async function startLanguage() {
  try {
    await load(DEFAULT_LANGUAGE);
  } catch {
    // Keys show as themselves; nothing better to do with no catalogue at all.
  }
  await use(deviceChoice() ?? browserLanguage() ?? DEFAULT_LANGUAGE);
}

/**
 * Switch to `code`: <html lang dir>, the words in index.html, and (unless `rerender` is
 * false) the screen, drawn again by app.js. `keep` stores the choice on this device.
 * Resolves true if the language changed.
 */
export async function setLanguage(code, { keep = true, rerender = true } = {}) {
  const chosen = supported(code);
  if (!chosen) return false;
  if (keep) keepOnDevice(chosen);
  if (chosen === current) return false;
  await use(chosen);
  if (rerender) window.dispatchEvent(new CustomEvent("homeward:language", { detail: { language: chosen } }));
  return true;
}
