// Sign in. Two kinds of people, two forms: young people and carers use a username
// and PIN/password; professionals add a code from their authenticator app.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { languageChooser } from "../language-choice.js";
import { rememberMe, takeSignInNotice } from "../state.js";
import { noticeLink } from "./privacy.js";
import {
  clearErrors,
  field,
  formAlert,
  h,
  heading,
  put,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";

const PLATFORM_NAMES = {
  Android: "device.android",
  iOS: "device.iphone",
  macOS: "device.mac",
  Windows: "device.windows",
  Linux: "device.linux",
  "Chrome OS": "device.chromebook",
  "Chromium OS": "device.chromebook",
};

/**
 * A name for this device's session, so "My phones" can tell phones apart (in the
 * language of the person signing in: it is their list).
 */
export function deviceName() {
  const platform = navigator.userAgentData?.platform;
  if (platform) return t(PLATFORM_NAMES[platform] ?? "device.this_phone");
  const ua = navigator.userAgent;
  if (/iPhone/.test(ua)) return t("device.iphone");
  if (/iPad/.test(ua)) return t("device.ipad");
  if (/Android/.test(ua)) return t("device.android");
  return t("device.this_phone");
}

function personForm() {
  return [
    field({
      label: t("signin.username"),
      name: "identifier",
      testid: "signin-identifier",
      autocomplete: "username",
      autocapitalize: "none",
      spellcheck: "false",
    }),
    field({
      label: t("signin.pin_or_password"),
      name: "secret",
      type: "password",
      testid: "signin-secret",
      autocomplete: "current-password",
    }),
  ];
}

function professionalForm() {
  return [
    field({
      label: t("signin.email"),
      name: "identifier",
      type: "email",
      testid: "signin-identifier",
      autocomplete: "username",
    }),
    field({
      label: t("signin.password"),
      name: "secret",
      type: "password",
      testid: "signin-secret",
      autocomplete: "current-password",
    }),
    field({
      label: t("signin.code"),
      name: "code",
      hint: t("signin.code_hint"),
      testid: "signin-code",
      inputmode: "numeric",
      autocomplete: "one-time-code",
      maxlength: "6",
    }),
  ];
}

function missingFields(form, professional) {
  const value = (name) => form.elements[name].value.trim();
  const errors = [];
  if (!value("identifier")) {
    errors.push({
      field: "identifier",
      message: professional ? t("signin.enter_email") : t("signin.enter_username"),
    });
  }
  if (!form.elements.secret.value) {
    errors.push({
      field: "secret",
      message: professional ? t("signin.enter_password") : t("signin.enter_pin_or_password"),
    });
  }
  if (professional && !/^\d{6}$/.test(value("code"))) {
    errors.push({ field: "code", message: t("signin.enter_code") });
  }
  return errors;
}

/**
 * After too many tries: nobody should be left with nowhere to turn. Who to call now,
 * and how to get back in (a phone that signed in before keeps its own tries).
 */
export function lockedHelp() {
  const call = (number, shown, key, testid) =>
    h("li", {}, h("a", { href: `tel:${number}`, testid, dir: "ltr", text: shown }), " ", t(key));
  return h(
    "div",
    { class: "notice", testid: "signin-locked", role: "region", "aria-labelledby": "signin-locked-title" },
    h("h2", { id: "signin-locked-title", text: t("signin.locked_title") }),
    h("p", { text: t("signin.locked_intro") }),
    h(
      "ul",
      {},
      call("999", "999", "signin.locked_999", "call-999"),
      call("08001111", "0800 1111", "signin.locked_childline", "call-childline"),
      call("101", "101", "signin.locked_101", "call-101"),
    ),
    h("p", { text: t("signin.forgot_pin") }),
  );
}

export async function render(view, { go }) {
  let professional = false;
  const notice = takeSignInNotice();
  const fields = h("div");
  const locked = h("div", { testid: "signin-locked-holder" });
  const form = h(
    "form",
    { novalidate: true, testid: "signin-form" },
    formAlert("signin-error"),
    locked,
    fields,
  );
  const submit = h(
    "button",
    { type: "submit", class: "button button-primary", testid: "signin-submit" },
    t("signin.submit"),
  );
  form.append(submit);

  const choices = [
    [t("signin.choice_person"), "signin-choice-person", false],
    [t("signin.choice_professional"), "signin-choice-professional", true],
  ].map(([text, testid, isProfessional]) =>
    h(
      "button",
      { type: "button", class: "choice", testid, "aria-pressed": String(isProfessional === professional) },
      text,
    ),
  );

  const forgot = h("p", { class: "aside", testid: "signin-forgot" });
  function show(isProfessional) {
    professional = isProfessional;
    forgot.textContent = t(professional ? "signin.forgot_password" : "signin.forgot_pin");
    choices.forEach((b, i) => b.setAttribute("aria-pressed", String((i === 1) === professional)));
    clearErrors(form);
    fields.replaceChildren(...(professional ? professionalForm() : personForm()));
  }
  choices.forEach((b, i) => b.addEventListener("click", () => show(i === 1)));
  show(false);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const missing = missingFields(form, professional);
    if (missing.length) {
      showFormProblem(form, t("common.check_details"), "", missing);
      return;
    }
    const body = {
      identifier: form.elements.identifier.value.trim(),
      secret: form.elements.secret.value,
    };
    if (professional) body.code = form.elements.code.value.trim();
    else body.device_name = deviceName();
    try {
      const me = await whileBusy(form, () => post("/api/auth/login", body, { signInNeeded: false }));
      await rememberMe(me);
      go("#/home", { replace: true });
    } catch (error) {
      form.elements.secret.value = "";
      locked.replaceChildren(error.status === 429 ? lockedHelp() : "");
      // Field-level hints would tell an attacker which part was right: one message only.
      showApiError(form, { ...error, errors: [] });
      form.elements.identifier.focus();
    }
  });

  put(
    view,
    heading(t("signin.title")),
    languageChooser(),
    notice ? h("p", { class: "notice", role: "status", testid: "signin-notice", text: notice }) : null,
    h("div", { class: "choices", role: "group", "aria-label": t("signin.who_are_you") }, choices),
    form,
    h(
      "p",
      { class: "aside" },
      t("signin.got_code"),
      " ",
      h("a", { href: "#/join", testid: "link-join" }, t("join.title")),
    ),
    forgot,
    h(
      "p",
      { class: "aside" },
      h("a", { href: "#/accessibility", testid: "link-accessibility" }, t("accessibility.link")),
      " · ",
      h("a", { href: "#/privacy", testid: "link-privacy" }, t("privacy.link")),
      " · ",
      // Adults read theirs before their first sign-in too (an account made by an admin
      // has no invite to show it on).
      noticeLink("adults"),
    ),
  );
}
