// Sign in. Two kinds of people, two forms: young people and carers use a username
// and PIN/password; professionals add a code from their authenticator app.
import { post } from "../api.js";
import { rememberMe, takeSignInNotice } from "../state.js";
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
  Android: "Android phone",
  iOS: "iPhone",
  macOS: "Mac",
  Windows: "Windows computer",
  Linux: "Linux computer",
  "Chrome OS": "Chromebook",
  "Chromium OS": "Chromebook",
};

/** A name for this device's session, so "My phones" can tell phones apart. */
export function deviceName() {
  const platform = navigator.userAgentData?.platform;
  if (platform) return PLATFORM_NAMES[platform] ?? "This phone";
  const ua = navigator.userAgent;
  if (/iPhone/.test(ua)) return "iPhone";
  if (/iPad/.test(ua)) return "iPad";
  if (/Android/.test(ua)) return "Android phone";
  return "This phone";
}

function personForm() {
  return [
    field({
      label: "Username",
      name: "identifier",
      testid: "signin-identifier",
      autocomplete: "username",
      autocapitalize: "none",
      spellcheck: "false",
    }),
    field({
      label: "PIN or password",
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
      label: "Email",
      name: "identifier",
      type: "email",
      testid: "signin-identifier",
      autocomplete: "username",
    }),
    field({
      label: "Password",
      name: "secret",
      type: "password",
      testid: "signin-secret",
      autocomplete: "current-password",
    }),
    field({
      label: "6-digit code",
      name: "code",
      hint: "From the authenticator app on your phone.",
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
      message: professional ? "Enter your email." : "Enter your username.",
    });
  }
  if (!form.elements.secret.value) {
    errors.push({
      field: "secret",
      message: professional ? "Enter your password." : "Enter your PIN or password.",
    });
  }
  if (professional && !/^\d{6}$/.test(value("code"))) {
    errors.push({ field: "code", message: "Enter the 6 numbers from your authenticator app." });
  }
  return errors;
}

export async function render(view, { go }) {
  let professional = false;
  const notice = takeSignInNotice();
  const fields = h("div");
  const form = h("form", { novalidate: true, testid: "signin-form" }, formAlert("signin-error"), fields);
  const submit = h(
    "button",
    { type: "submit", class: "button button-primary", testid: "signin-submit" },
    "Sign in",
  );
  form.append(submit);

  const choices = [
    ["Young person or carer", "signin-choice-person", false],
    ["Professional", "signin-choice-professional", true],
  ].map(([text, testid, isProfessional]) =>
    h(
      "button",
      { type: "button", class: "choice", testid, "aria-pressed": String(isProfessional === professional) },
      text,
    ),
  );

  function show(isProfessional) {
    professional = isProfessional;
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
      showFormProblem(form, "Check the details below.", "", missing);
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
      rememberMe(me);
      go("#/home", { replace: true });
    } catch (error) {
      form.elements.secret.value = "";
      // Field-level hints would tell an attacker which part was right: one message only.
      showApiError(form, { ...error, errors: [] });
      form.elements.identifier.focus();
    }
  });

  put(
    view,
    heading("Sign in to Homeward"),
    notice ? h("p", { class: "notice", role: "status", testid: "signin-notice", text: notice }) : null,
    h("div", { class: "choices", role: "group", "aria-label": "Who are you?" }, choices),
    form,
    h(
      "p",
      { class: "aside" },
      "Got an invite code? ",
      h("a", { href: "#/join", testid: "link-join" }, "Join Homeward"),
    ),
  );
}
