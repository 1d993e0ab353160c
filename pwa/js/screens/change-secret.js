// Change your PIN (young person) or password (everyone else).
import { post } from "../api.js";
import { secretWord } from "../account.js";
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
  if (me.user.role === "young_person") {
    return {
      hint: "6 numbers, or a password of 8 or more letters.",
      ok: youngPersonSecretOk,
      message: "Use 6 numbers, or a password of 8 or more letters.",
    };
  }
  // The server's minimums: 10 for carers, 12 for professionals.
  const minimum = me.user.role === "carer" ? 10 : 12;
  return {
    hint: `At least ${minimum} characters.`,
    ok: (s) => s.length >= minimum,
    message: `Use at least ${minimum} characters.`,
  };
}

export async function render(view, { me, isCurrent }) {
  const word = secretWord(me);
  const rule = rules(me);
  const done = h("div", { role: "status", testid: "change-secret-done" });
  const form = h(
    "form",
    { novalidate: true, testid: "change-secret-form" },
    formAlert("change-secret-error"),
    field({
      label: `Your ${word} now`,
      name: "current_secret",
      type: "password",
      testid: "current-secret",
      autocomplete: "current-password",
    }),
    field({
      label: `New ${word}`,
      name: "new_secret",
      type: "password",
      hint: rule.hint,
      testid: "new-secret",
      autocomplete: "new-password",
    }),
    field({
      label: `Type the new ${word} again`,
      name: "new_secret_again",
      type: "password",
      testid: "new-secret-again",
      autocomplete: "new-password",
    }),
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "change-secret-submit" },
      `Change my ${word}`,
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    done.replaceChildren();
    const current = form.elements.current_secret.value;
    const fresh = form.elements.new_secret.value;
    const problems = [];
    if (!current) problems.push({ field: "current_secret", message: `Enter your ${word} now.` });
    if (!rule.ok(fresh)) problems.push({ field: "new_secret", message: rule.message });
    else if (form.elements.new_secret_again.value !== fresh) {
      problems.push({ field: "new_secret_again", message: "This doesn't match. Type it again." });
    }
    if (problems.length) {
      showFormProblem(form, "Check the details below.", "", problems);
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
    done.replaceChildren(h("p", { class: "notice", text: `Done. Your ${word} is changed.` }));
  });
  put(
    view,
    heading(`Change my ${word}`),
    done,
    form,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, "Back to home")),
  );
}
