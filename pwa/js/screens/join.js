// Joining from an invite: #/join lets you type a code, #/join/CODE (the link in the
// QR code) looks it up and lets you choose a username and a PIN or password.
import { post } from "../api.js";
import { rememberMe } from "../state.js";
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

const RUN_OUT = "This invite has run out or been used. Ask for a new one.";

function typeCodeScreen(view, go) {
  const form = h(
    "form",
    { novalidate: true, testid: "join-code-form" },
    formAlert("join-code-error"),
    field({
      label: "Invite code",
      name: "code",
      hint: "It's in the link or under the QR code you were given.",
      testid: "join-code",
      autocomplete: "off",
      autocapitalize: "characters",
      spellcheck: "false",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "join-code-submit" }, "Next"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(form);
    const code = form.elements.code.value.trim().replace(/\s+/g, "");
    if (!code) {
      showFormProblem(form, "Check the code.", "", [{ field: "code", message: "Enter your invite code." }]);
      return;
    }
    go(`#/join/${encodeURIComponent(code)}`);
  });
  put(
    view,
    heading("Join Homeward"),
    form,
    h("p", { class: "aside" }, "Already joined? ", h("a", { href: "#/signin" }, "Sign in")),
  );
}

function secretRules(role) {
  if (role === "young_person") {
    return {
      label: "Choose a PIN",
      hint: "6 numbers, or a password of 8 or more letters.",
      ok: youngPersonSecretOk,
      message: "Use 6 numbers, or a password of 8 or more letters.",
    };
  }
  return {
    label: "Choose a password",
    hint: "At least 10 characters. A few words together is easy to remember.",
    ok: (s) => s.length >= 10,
    message: "Use at least 10 characters.",
  };
}

function checkForm(form, role, rules) {
  const errors = [];
  if (role === "carer" && !form.elements.display_name.value.trim()) {
    errors.push({ field: "display_name", message: "Enter your name." });
  }
  const username = form.elements.username.value.trim().toLowerCase();
  if (!username) {
    errors.push({ field: "username", message: "Choose a username." });
  } else if (!/^[a-z0-9][a-z0-9._-]{2,29}$/.test(username)) {
    errors.push({ field: "username", message: "Use 3 to 30 letters or numbers (you can also use . _ -)." });
  }
  const secret = form.elements.secret.value;
  if (!rules.ok(secret)) errors.push({ field: "secret", message: rules.message });
  else if (form.elements.secret_again.value !== secret) {
    errors.push({ field: "secret_again", message: "This doesn't match. Type it again." });
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
          announce(`Your username will be ${idea}. Press Join when you're ready.`);
        },
      },
      `Use ${idea}`,
    ),
  );
  holder.replaceChildren(
    h("p", { class: "hint", text: "Or pick one of these:" }),
    h("div", { class: "button-row" }, buttons),
  );
  holder.hidden = false;
}

function acceptForm(code, invite, go) {
  const { role } = invite;
  const rules = secretRules(role);
  const word = role === "young_person" ? "PIN" : "password";
  const ideas = h("div", {
    testid: "join-username-ideas",
    role: "group",
    "aria-label": "Usernames you can use",
    hidden: true,
  });
  const form = h(
    "form",
    { novalidate: true, testid: "join-form" },
    formAlert("join-error"),
    role === "carer"
      ? field({
          label: "Your name",
          name: "display_name",
          hint: "The name young people and staff will see.",
          testid: "join-display-name",
          autocomplete: "name",
        })
      : null,
    field({
      label: "Choose a username",
      name: "username",
      hint:
        role === "young_person"
          ? "3 to 30 letters or numbers. It doesn't have to be your real name."
          : "3 to 30 letters or numbers.",
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
      label: `Type your ${word} again`,
      name: "secret_again",
      type: "password",
      testid: "join-secret-again",
      autocomplete: "new-password",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "join-submit" }, "Join"),
  );

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    ideas.replaceChildren();
    ideas.hidden = true;
    const problems = checkForm(form, role, rules);
    if (problems.length) {
      showFormProblem(form, "Check the details below.", "", problems);
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
      rememberMe(me);
      go(role === "young_person" ? "#/welcome" : "#/home", { replace: true });
    } catch (error) {
      if (error.status === 404) showFormProblem(form, RUN_OUT);
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
      heading(ranOut ? "This invite can't be used" : "Join Homeward"),
      ranOut
        ? h("p", { class: "problem", role: "alert", testid: "join-run-out", text: RUN_OUT })
        : problemBox(error),
      h("p", {}, h("a", { href: "#/join" }, "Type a different code")),
      h("p", {}, h("a", { href: "#/signin" }, "Sign in")),
    );
    return;
  }
  if (!isCurrent()) return;
  const greeting =
    invite.role === "young_person"
      ? `Hi ${invite.name}`
      : `You've been invited as a carer for ${invite.name}`;
  fill(
    view,
    heading(greeting, "join-greeting"),
    h(
      "p",
      {},
      invite.role === "young_person"
        ? "Choose a username and a PIN. You'll use them to get back into Homeward."
        : "Choose a username and a password to join Homeward.",
    ),
    invite.expires_at
      ? h("p", { class: "hint", text: `This invite works until ${plainWhen(invite.expires_at)}.` })
      : null,
    acceptForm(code, invite, go),
  );
}

export async function render(view, { params, go, isCurrent }) {
  const [code] = params;
  if (code) await inviteScreen(view, code, go, isCurrent);
  else typeCodeScreen(view, go);
}
