// Change your PIN (young person) or password (everyone else).
import { post } from "../api.js";
import { usesPin } from "../account.js";
import { t } from "../i18n.js";
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
  youngPersonSecretOk,
} from "../ui.js";

function rules(me) {
  if (usesPin(me)) {
    return {
      hint: t("secret.pin_hint"),
      ok: youngPersonSecretOk,
      message: t("secret.pin_rule"),
    };
  }
  // The server's minimums: 10 for carers, 12 for professionals.
  const minimum = me.user.role === "carer" ? 10 : 12;
  return {
    hint: t("secret.at_least_hint", { count: minimum }),
    ok: (s) => s.length >= minimum,
    message: t("secret.at_least", { count: minimum }),
  };
}

export async function render(view, { me, isCurrent }) {
  // Words for a PIN or a password: [key for a PIN, key for a password].
  const word = (pin, password) => t(usesPin(me) ? pin : password);
  const rule = rules(me);
  const done = h("div", { role: "status", testid: "change-secret-done" });
  const form = h(
    "form",
    { novalidate: true, testid: "change-secret-form" },
    formAlert("change-secret-error"),
    field({
      label: word("change_secret.pin_now", "change_secret.password_now"),
      name: "current_secret",
      type: "password",
      testid: "current-secret",
      autocomplete: "current-password",
    }),
    field({
      label: word("change_secret.pin_new", "change_secret.password_new"),
      name: "new_secret",
      type: "password",
      hint: rule.hint,
      testid: "new-secret",
      autocomplete: "new-password",
    }),
    field({
      label: word("change_secret.pin_again", "change_secret.password_again"),
      name: "new_secret_again",
      type: "password",
      testid: "new-secret-again",
      autocomplete: "new-password",
    }),
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "change-secret-submit" },
      word("account.change_pin", "account.change_password"),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    done.replaceChildren();
    const current = form.elements.current_secret.value;
    const fresh = form.elements.new_secret.value;
    const problems = [];
    if (!current) {
      problems.push({
        field: "current_secret",
        message: word("change_secret.enter_pin", "change_secret.enter_password"),
      });
    }
    if (!rule.ok(fresh)) problems.push({ field: "new_secret", message: rule.message });
    else if (form.elements.new_secret_again.value !== fresh) {
      problems.push({ field: "new_secret_again", message: t("secret.no_match") });
    }
    if (problems.length) {
      showFormProblem(form, t("common.check_details"), "", problems);
      return;
    }
    try {
      await whileBusy(form, () =>
        post("/api/auth/change-secret", { current_secret: current, new_secret: fresh }),
      );
    } catch (error) {
      if (isCurrent() && error.status !== 401) showApiError(form, error);
      return;
    }
    form.reset();
    done.replaceChildren(
      h("p", { class: "notice", text: word("change_secret.pin_done", "change_secret.password_done") }),
    );
  });
  put(
    view,
    heading(word("account.change_pin", "account.change_password")),
    done,
    form,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
  );
}
