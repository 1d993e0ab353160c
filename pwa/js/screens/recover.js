// A new sign-in link: #/recover/CODE. A young person who forgot their PIN (or lost
// their phone) chooses a new one; a professional adds their new second factor to
// their authenticator app and chooses a new password. Using the link signs every
// other phone out.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { languageChooser } from "../language-choice.js";
import { rememberMe } from "../state.js";
import { deviceName } from "./signin.js";
import {
  clearErrors,
  field,
  fill,
  formAlert,
  h,
  heading,
  loading,
  plainWhen,
  problemBox,
  put,
  showApiError,
  showFormProblem,
  whileBusy,
  youngPersonSecretOk,
} from "../ui.js";

const PROFESSIONALS = ["social_worker", "manager", "admin"];

function rulesFor(role) {
  if (role === "young_person") {
    return {
      label: t("recovery.new_pin"),
      again: t("recovery.pin_again"),
      hint: t("secret.pin_hint"),
      ok: youngPersonSecretOk,
      message: t("secret.pin_rule"),
    };
  }
  const minimum = role === "carer" ? 10 : 12;
  return {
    label: t("recovery.new_password"),
    again: t("recovery.password_again"),
    hint: t("secret.at_least_hint", { count: minimum }),
    ok: (s) => s.length >= minimum,
    message: t("secret.at_least", { count: minimum }),
  };
}

function secondFactor(info) {
  if (!info.second_factor_uri) return [];
  const qr = String(info.second_factor_qr ?? "").startsWith("data:image/svg+xml")
    ? h("img", { src: info.second_factor_qr, alt: t("recovery.factor_qr_alt"), class: "qr", testid: "recover-factor-qr" })
    : null;
  return [
    h("h2", { text: t("recovery.factor_title") }),
    h("p", { text: t("recovery.factor_intro") }),
    qr,
    h(
      "p",
      {},
      t("recovery.factor_key"),
      " ",
      h("code", { dir: "ltr", testid: "recover-factor-key", text: info.second_factor_key }),
    ),
  ];
}

function recoverForm(code, info, go) {
  const rules = rulesFor(info.role);
  const professional = PROFESSIONALS.includes(info.role);
  const form = h(
    "form",
    { novalidate: true, testid: "recover-form" },
    formAlert("recover-error"),
    ...secondFactor(info),
    professional
      ? field({
          label: t("signin.code"),
          name: "second_factor_code",
          hint: t("recovery.factor_code_hint"),
          testid: "recover-factor-code",
          inputmode: "numeric",
          autocomplete: "one-time-code",
          maxlength: "6",
        })
      : null,
    field({
      label: rules.label,
      name: "secret",
      type: "password",
      hint: rules.hint,
      testid: "recover-secret",
      autocomplete: "new-password",
    }),
    field({
      label: rules.again,
      name: "secret_again",
      type: "password",
      testid: "recover-secret-again",
      autocomplete: "new-password",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "recover-submit" }, t("recovery.submit")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const secret = form.elements.secret.value;
    const problems = [];
    if (professional && !/^\d{6}$/.test(form.elements.second_factor_code.value.trim())) {
      problems.push({ field: "second_factor_code", message: t("signin.enter_code") });
    }
    if (!rules.ok(secret)) problems.push({ field: "secret", message: rules.message });
    else if (form.elements.secret_again.value !== secret) {
      problems.push({ field: "secret_again", message: t("secret.no_match") });
    }
    if (problems.length) {
      showFormProblem(form, t("common.check_details"), "", problems);
      return;
    }
    const body = { code, secret, device_name: deviceName() };
    if (professional) body.second_factor_code = form.elements.second_factor_code.value.trim();
    try {
      const me = await whileBusy(form, () => post("/api/sign-in-links/use", body, { signInNeeded: false }));
      await rememberMe(me);
      go("#/home", { replace: true });
    } catch (error) {
      if (error.status === 404) showFormProblem(form, t("recovery.run_out"));
      else showApiError(form, error);
    }
  });
  return form;
}

export async function render(view, { params, go, isCurrent }) {
  const [code] = params;
  put(view, loading());
  let info;
  try {
    info = await post("/api/sign-in-links/lookup", { code }, { signInNeeded: false });
  } catch (error) {
    if (!isCurrent()) return;
    const ranOut = error.status === 404;
    fill(
      view,
      heading(ranOut ? t("recovery.cannot_use") : t("recovery.title")),
      ranOut
        ? h("p", { class: "problem", role: "alert", testid: "recover-run-out", text: t("recovery.run_out") })
        : problemBox(error),
      h("p", {}, h("a", { href: "#/signin" }, t("signin.submit"))),
    );
    return;
  }
  if (!isCurrent()) return;
  fill(
    view,
    heading(t("home.greeting", { name: info.name }), "recover-greeting"),
    languageChooser(),
    h("p", { text: info.role === "young_person" ? t("recovery.intro_pin") : t("recovery.intro_password") }),
    info.username
      ? h("p", { testid: "recover-username" }, t("recovery.your_username"), " ", h("strong", { dir: "ltr", text: info.username }))
      : null,
    h("p", { class: "hint", text: t("recovery.works_until", { when: plainWhen(info.expires_at) }) }),
    recoverForm(code, info, go),
  );
}
