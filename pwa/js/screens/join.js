// Joining from an invite: #/join lets you type a code, #/join/CODE (the link in the
// QR code) looks it up and lets you choose a username and a PIN or password.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { joinedInThisLanguage, languageChooser } from "../language-choice.js";
import { rememberMe } from "../state.js";
import { layeredNotice } from "./privacy.js";
import { deviceName } from "./signin.js";
import {
  announce,
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

const RUN_OUT = "join.run_out";

function typeCodeScreen(view, go) {
  const form = h(
    "form",
    { novalidate: true, testid: "join-code-form" },
    formAlert("join-code-error"),
    field({
      label: t("join.code"),
      name: "code",
      hint: t("join.code_hint"),
      testid: "join-code",
      autocomplete: "off",
      autocapitalize: "characters",
      spellcheck: "false",
    }),
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "join-code-submit" },
      t("join.next"),
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    const code = form.elements.code.value.trim().replace(/\s+/g, "");
    if (!code) {
      showFormProblem(form, t("join.check_code"), "", [{ field: "code", message: t("join.enter_code") }]);
      return;
    }
    go(`#/join/${encodeURIComponent(code)}`);
  });
  put(
    view,
    heading(t("join.title")),
    languageChooser(),
    form,
    h("p", { class: "aside" }, t("join.already"), " ", h("a", { href: "#/signin" }, t("signin.submit"))),
  );
}

function secretRules(role) {
  if (role === "young_person") {
    return {
      label: t("join.choose_pin"),
      again: t("join.pin_again"),
      hint: t("secret.pin_hint"),
      ok: youngPersonSecretOk,
      message: t("secret.pin_rule"),
    };
  }
  return {
    label: t("join.choose_password"),
    again: t("join.password_again"),
    hint: t("join.password_hint"),
    ok: (s) => s.length >= 10,
    message: t("secret.at_least", { count: 10 }),
  };
}

function checkForm(form, role, rules) {
  const errors = [];
  if (role === "carer" && !form.elements.display_name.value.trim()) {
    errors.push({ field: "display_name", message: t("join.enter_name") });
  }
  const username = form.elements.username.value.trim().toLowerCase();
  if (!username) {
    errors.push({ field: "username", message: t("join.enter_username") });
  } else if (!/^[a-z0-9][a-z0-9._-]{2,29}$/.test(username)) {
    errors.push({ field: "username", message: t("join.username_rule") });
  }
  const secret = form.elements.secret.value;
  if (!rules.ok(secret)) errors.push({ field: "secret", message: rules.message });
  else if (form.elements.secret_again.value !== secret) {
    errors.push({ field: "secret_again", message: t("secret.no_match") });
  }
  return errors;
}

/**
 * When the username can't be used, the server offers free ones: a button for each fills
 * it in, so nobody has to guess again.
 */
function offerUsernames(form, holder, error) {
  const ideas = (error.errors ?? []).find((e) => e.field === "username")?.suggestions ?? [];
  if (!ideas.length) return;
  const buttons = ideas.map((idea) =>
    h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        testid: "join-username-idea",
        onClick: () => {
          form.elements.username.value = idea;
          clearErrors(form);
          holder.replaceChildren();
          holder.hidden = true;
          form.elements.username.focus();
          announce(t("join.idea_chosen", { username: idea }));
        },
      },
      t("join.use_idea", { username: idea }),
    ),
  );
  holder.replaceChildren(
    h("p", { class: "hint", text: t("join.ideas") }),
    h("div", { class: "button-row" }, buttons),
  );
  holder.hidden = false;
}

function acceptForm(code, invite, go) {
  const { role } = invite;
  const rules = secretRules(role);
  const ideas = h("div", {
    testid: "join-username-ideas",
    role: "group",
    "aria-label": t("join.ideas_label"),
    hidden: true,
  });
  const form = h(
    "form",
    { novalidate: true, testid: "join-form" },
    formAlert("join-error"),
    role === "carer"
      ? field({
          label: t("join.your_name"),
          name: "display_name",
          hint: t("join.your_name_hint"),
          testid: "join-display-name",
          autocomplete: "name",
        })
      : null,
    field({
      label: t("join.choose_username"),
      name: "username",
      hint: role === "young_person" ? t("join.username_hint_young_person") : t("join.username_hint"),
      testid: "join-username",
      autocomplete: "username",
      autocapitalize: "none",
      spellcheck: "false",
    }),
    ideas,
    field({
      label: rules.label,
      name: "secret",
      type: "password",
      hint: rules.hint,
      testid: "join-secret",
      autocomplete: "new-password",
    }),
    field({
      label: rules.again,
      name: "secret_again",
      type: "password",
      testid: "join-secret-again",
      autocomplete: "new-password",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "join-submit" }, t("join.submit")),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    ideas.replaceChildren();
    ideas.hidden = true;
    const problems = checkForm(form, role, rules);
    if (problems.length) {
      showFormProblem(form, t("common.check_details"), "", problems);
      return;
    }
    const body = {
      code,
      username: form.elements.username.value.trim(),
      secret: form.elements.secret.value,
      device_name: deviceName(),
    };
    if (role === "carer") body.display_name = form.elements.display_name.value.trim();
    try {
      const me = await whileBusy(form, () => post("/api/invites/accept", body, { signInNeeded: false }));
      joinedInThisLanguage();
      await rememberMe(me);
      go(role === "young_person" ? "#/welcome" : "#/home", { replace: true });
    } catch (error) {
      if (error.status === 404) showFormProblem(form, t(RUN_OUT));
      else {
        showApiError(form, error);
        offerUsernames(form, ideas, error);
      }
    }
  });
  return form;
}

async function inviteScreen(view, code, go, isCurrent) {
  put(view, loading());
  let invite;
  try {
    invite = await post("/api/invites/lookup", { code }, { signInNeeded: false });
  } catch (error) {
    if (!isCurrent()) return;
    const ranOut = error.status === 404;
    fill(
      view,
      heading(ranOut ? t("join.cannot_use") : t("join.title")),
      ranOut
        ? h("p", { class: "problem", role: "alert", testid: "join-run-out", text: t(RUN_OUT) })
        : problemBox(error),
      h("p", {}, h("a", { href: "#/join" }, t("join.different_code"))),
      h("p", {}, h("a", { href: "#/signin" }, t("signin.submit"))),
    );
    return;
  }
  if (!isCurrent()) return;
  const greeting =
    invite.role === "young_person"
      ? t("home.greeting", { name: invite.name })
      : t("join.carer_greeting", { name: invite.name });
  fill(
    view,
    heading(greeting, "join-greeting"),
    languageChooser(),
    h("p", {}, invite.role === "young_person" ? t("join.intro_young_person") : t("join.intro_carer")),
    invite.expires_at
      ? h("p", { class: "hint", text: t("join.works_until", { when: plainWhen(invite.expires_at) }) })
      : null,
    // What Homeward keeps about them, before they join.
    layeredNotice(invite.role === "young_person" ? "young_person" : "adult"),
    acceptForm(code, invite, go),
  );
}

export async function render(view, { params, go, isCurrent }) {
  const [code] = params;
  if (code) await inviteScreen(view, code, go, isCurrent);
  else typeCodeScreen(view, go);
}
