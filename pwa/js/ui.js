// Small DOM helpers. Everything is built with createElement and textContent so
// text from the server can never become markup.
import { locale, t } from "./i18n.js";

let lastId = 0;

export function nextId(prefix) {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/**
 * h("p", {class: "hint", testid: "x", onClick: fn}, "text", child)
 * `text` sets textContent, `testid` sets data-testid, `onX` adds a listener,
 * `true` adds an empty attribute, and null/undefined/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "testid") node.dataset.testid = value;
    else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  node.append(...present(children));
  return node;
}

const present = (children) =>
  children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);

/** parent.append, skipping null/false children (so `cond ? node : null` is safe). */
export function put(parent, ...children) {
  parent.append(...present(children));
  return parent;
}

/** parent.replaceChildren, skipping null/false children. */
export function fill(parent, ...children) {
  parent.replaceChildren(...present(children));
  return parent;
}

export function announce(text) {
  const region = document.getElementById("announcer");
  if (!region) return;
  // Clearing first makes screen readers repeat a message that has not changed.
  region.textContent = "";
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/** The screen's one h1; it takes focus after navigation so screen readers read it. */
export function heading(text, testid = "screen-title") {
  document.title = `${text.length > 40 ? text.slice(0, 40) + "…" : text} - Homeward`;
  return h("h1", { tabindex: "-1", testid, text });
}

export function loading() {
  return h("p", { class: "loading", testid: "loading", text: t("common.loading") });
}

/** Show why something could not load, in place of the thing itself. */
export function problemBox(error, testid = "problem") {
  return h(
    "div",
    { class: "problem", role: "alert", testid },
    h("p", { class: "problem-title", text: error.title || t("common.something_wrong") }),
    error.detail ? h("p", { text: error.detail }) : null,
  );
}

/**
 * "Are you sure?" in `area`, opened by the button `opener`: the question and two buttons
 * (test ids `${testid}-yes` and `${testid}-no`) in a labelled group, focus on the question.
 * "No" empties `area` and gives focus back to `opener`. "Yes" is disabled while `act` runs;
 * if it fails, the problem takes the question's place (test id `problem`), except a 401 on
 * a screen that needs signing in: that is shown as the sign-in screen instead.
 */
export function confirmIn(area, opener, { label, question, yes, no, testid, act, problem, signInNeeded = true }) {
  const asked = h("p", { tabindex: "-1", class: "confirm-question", text: question });
  const yesButton = h("button", { type: "button", class: "button button-danger", testid: `${testid}-yes` }, yes);
  const noButton = h("button", { type: "button", class: "button button-secondary", testid: `${testid}-no` }, no);
  area.replaceChildren(
    h(
      "div",
      { class: "confirm", role: "group", "aria-label": label },
      asked,
      h("div", { class: "button-row" }, yesButton, noButton),
    ),
  );
  asked.focus();
  noButton.addEventListener("click", () => {
    area.replaceChildren();
    opener.focus();
  });
  yesButton.addEventListener("click", async () => {
    yesButton.disabled = true;
    try {
      await act();
    } catch (error) {
      yesButton.disabled = false;
      if (!signInNeeded || error.status !== 401) area.replaceChildren(problemBox(error, problem || `${testid}-problem`));
    }
  });
}

/**
 * One labelled input with an optional hint and a slot for its error message.
 * `name` matches the API field so server errors land next to the right input.
 * `multiline: true` makes it a textarea.
 */
export function field({
  label,
  name,
  type = "text",
  hint,
  testid,
  required = true,
  multiline = false,
  ...attrs
}) {
  const id = nextId(name);
  const hintId = hint ? `${id}-hint` : null;
  const input = h(multiline ? "textarea" : "input", {
    id,
    name,
    type: multiline ? null : type,
    // What people type takes its own direction (English in an Arabic form, say);
    // numbers, emails and passwords always read left to right.
    dir: ["tel", "email", "number", "password"].includes(type) ? "ltr" : "auto",
    rows: multiline ? 4 : null,
    required,
    testid,
    "aria-describedby": hintId,
    "data-hint-id": hintId,
    ...attrs,
  });
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, text: label }),
    hint ? h("p", { class: "hint", id: hintId, text: hint }) : null,
    h("p", {
      class: "field-error",
      id: `${id}-error`,
      testid: testid ? `${testid}-error` : null,
      hidden: true,
    }),
    input,
  );
}

/** The message at the top of a form. role=alert so it is read out when it changes. */
export function formAlert(testid = "form-error") {
  return h("div", { class: "form-error", role: "alert", testid });
}

function inputFor(form, name) {
  const bare = String(name).replace(/^body\./, "");
  return form.querySelector(`[name="${CSS.escape(bare)}"]`);
}

/**
 * A list of rows (places, steps) or a set of tick boxes is one field to the API:
 * its error goes in the slot of the element marked data-errors-for="<field>", and
 * focus goes to its first input.
 */
function setGroupError(form, name, message) {
  const bare = String(name).replace(/^body\./, "");
  const group = form.querySelector(`[data-errors-for="${CSS.escape(bare)}"]`);
  const error = group?.querySelector(":scope > .field-error");
  if (!error) return false;
  error.textContent = message;
  error.hidden = false;
  group.querySelector("input, textarea")?.setAttribute("aria-invalid", "true");
  return true;
}

export function setFieldError(form, name, message) {
  const input = inputFor(form, name);
  if (!input) return setGroupError(form, name, message);
  const error = form.querySelector(`#${CSS.escape(input.id)}-error`);
  error.textContent = message;
  error.hidden = false;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", [input.dataset.hintId, error.id].filter(Boolean).join(" "));
  return true;
}

export function clearErrors(form) {
  for (const error of form.querySelectorAll(".field-error")) {
    error.textContent = "";
    error.hidden = true;
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    if (input.dataset.hintId) input.setAttribute("aria-describedby", input.dataset.hintId);
    else input.removeAttribute("aria-describedby");
  }
  const alert = form.querySelector(".form-error");
  if (alert) alert.replaceChildren();
}

/** Fill the form's alert, then move focus to the first field that needs fixing. */
export function showFormProblem(form, title, detail = "", fieldErrors = []) {
  const alert = form.querySelector(".form-error");
  const unplaced = fieldErrors.filter((e) => !setFieldError(form, e.field, e.message));
  if (alert) {
    fill(
      alert,
      h("p", { class: "problem-title", text: title }),
      detail ? h("p", { text: detail }) : null,
      ...unplaced.map((e) => h("p", { text: e.message })),
    );
  }
  const firstInvalid = form.querySelector("[aria-invalid='true']");
  if (firstInvalid) firstInvalid.focus();
}

export function showApiError(form, error) {
  // With field errors the detail only repeats them, less kindly: leave it out.
  const detail = error.errors?.length ? "" : error.detail;
  showFormProblem(form, error.title, detail, error.errors ?? []);
}

/** Young people: exactly 6 numbers, or 8+ characters that are not all numbers. */
export function youngPersonSecretOk(secret) {
  return /^\d+$/.test(secret) ? secret.length === 6 : secret.length >= 8;
}

/** Disable a form's buttons while a request is out, so nothing is sent twice. */
export async function whileBusy(form, work) {
  const buttons = [...form.querySelectorAll("button")];
  for (const b of buttons) b.disabled = true;
  try {
    return await work();
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

const DATE = { day: "numeric", month: "long", year: "numeric" };
const DAY = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
const TIME = { hour: "numeric", minute: "2-digit", hour12: true };
const formats = new Map();

// One formatter per language and shape: the language can change while the page is open.
function format(options) {
  const key = `${locale()}|${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale(), options));
  return formats.get(key);
}

/** "2:05 pm" in the reader's language. */
export function plainTime(value) {
  const when = new Date(value);
  return Number.isNaN(when.getTime()) ? "" : format(TIME).format(when);
}

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "3 March 2025" from "2025-03-03" (a date with no time is read as that day, not UTC). */
export function plainDate(value) {
  if (!value) return "";
  const [y, m, d] = String(value).slice(0, 10).split("-").map(Number);
  return format(DATE).format(new Date(y, m - 1, d));
}

/**
 * "Today at 2:05 pm", "Yesterday at 9:30 am" or "Monday 3 March 2025 at 2:05 pm".
 * `style: "sentence"` for the middle of a sentence ("today at 2:05 pm"), `"on"` to
 * follow a verb ("today at 2:05 pm", "on Monday 3 March 2025 at 2:05 pm").
 */
export function plainWhen(value, { style = "start" } = {}) {
  if (!value) return "";
  const when = new Date(value);
  if (Number.isNaN(when.getTime())) return String(value);
  const now = new Date();
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  const time = format(TIME).format(when);
  const inSentence = style !== "start";
  if (sameDay(when, now)) return t(inSentence ? "when.today_in_sentence" : "when.today", { time });
  if (sameDay(when, yesterday))
    return t(inSentence ? "when.yesterday_in_sentence" : "when.yesterday", { time });
  return t(style === "on" ? "when.on_day" : "when.day", { day: format(DAY).format(when), time });
}

// Words a young person sees for each role (reading age about 10).
const ROLE_FOR_YOUNG_PERSON = {
  young_person: "role.for_young_person.young_person",
  carer: "role.for_young_person.carer",
  social_worker: "role.for_young_person.social_worker",
  manager: "role.for_young_person.manager",
  admin: "role.for_young_person.admin",
  trusted_people: "role.for_young_person.trusted_people",
  police: "role.for_young_person.police",
};

const ROLE_FOR_ADULTS = {
  young_person: "role.for_adults.young_person",
  carer: "role.for_adults.carer",
  social_worker: "role.for_adults.social_worker",
  manager: "role.for_adults.manager",
  admin: "role.for_adults.admin",
  trusted_people: "role.for_adults.trusted_people",
  police: "role.for_adults.police",
};

// The API sends roles as codes ("social_worker") or as words ("social worker").
function roleKey(role) {
  return String(role ?? "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "_");
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function roleForYoungPerson(role) {
  const key = ROLE_FOR_YOUNG_PERSON[roleKey(role)];
  return key ? t(key) : capitalised(String(role ?? "").replaceAll("_", " "));
}

export function roleForAdults(role) {
  const key = ROLE_FOR_ADULTS[roleKey(role)];
  return key ? t(key) : capitalised(String(role ?? "").replaceAll("_", " "));
}

/** "Lou, Dan and Grace", joined the reader's way. */
export function plainList(items) {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0];
  return new Intl.ListFormat(locale(), { style: "long", type: "conjunction" }).format(items);
}

/** A screen's code could not be fetched (no signal, and not kept on the phone yet). */
export function screenNotLoaded(view) {
  fill(
    view,
    heading("Homeward"),
    problemBox({ title: t("app.screen_not_loaded") }, "screen-problem"),
    h(
      "button",
      // A module that failed to load stays failed for this page: load the page again.
      { type: "button", class: "button button-secondary", testid: "retry", onClick: () => location.reload() },
      t("common.try_again"),
    ),
  );
}
