// #/feedback/CODE: a young person tells us how the police treated them. No account:
// the link (from a printed card's QR code or their own app) is the only permission,
// and it rides in the hash so it never reaches a server log. An answer made with no
// signal is kept on this phone and sent when the phone is back online.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { languageChooser } from "../language-choice.js";
import {
  clearErrors,
  field,
  fill,
  formAlert,
  h,
  heading,
  loading,
  nextId,
  problemBox,
  put,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";

// Each key named in full, so the catalogue test sees every one used.
const ASKED = {
  respect: "feedback.q.respect",
  listened: "feedback.q.listened",
  explained: "feedback.q.explained",
  safe: "feedback.q.safe",
  helped: "feedback.q.helped",
  searched: "feedback.q.searched",
  restrained: "feedback.q.restrained",
};
const QUESTIONS = ["respect", "listened", "explained", "safe", "helped"];
const FACES = [
  [1, "😠", "feedback.face.1"],
  [2, "🙁", "feedback.face.2"],
  [3, "😐", "feedback.face.3"],
  [4, "🙂", "feedback.face.4"],
  [5, "😀", "feedback.face.5"],
];
const HAPPENED = ["searched", "restrained"];
const YES_NO = [
  ["yes", "feedback.yes"],
  ["no", "feedback.no"],
  ["rather_not_say", "feedback.rather_not_say"],
];
// Answers waiting for signal: [{token, ...answers}]. Removed once the server has them.
const KEPT = "homeward-feedback-kept";

function kept() {
  try {
    const list = JSON.parse(localStorage.getItem(KEPT) || "[]");
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function keep(list) {
  try {
    if (list.length) localStorage.setItem(KEPT, JSON.stringify(list));
    else localStorage.removeItem(KEPT);
  } catch {
    // Storage blocked: nothing can wait on this phone.
  }
}

let sending = false;
/** Send the answers kept on this phone; keep those that still cannot go. */
export async function sendKeptAnswers() {
  if (sending || !kept().length) return;
  sending = true;
  try {
    for (const body of kept()) {
      try {
        await post("/api/feedback/answers", body, { signInNeeded: false });
      } catch (error) {
        if (error.status === 0) return; // still no signal: try again later
        // Any other answer (used, run out, refused) means it will never go: drop it.
      }
      keep(kept().filter((other) => other.token !== body.token));
    }
  } finally {
    sending = false;
  }
}

if (typeof window !== "undefined") {
  window.addEventListener("online", () => sendKeptAnswers());
  setTimeout(() => sendKeptAnswers(), 0);
}

function radios(legend, name, options, testid) {
  const group = nextId(name);
  return h(
    "fieldset",
    { testid },
    h("legend", { text: legend }),
    h(
      "div",
      { class: "checks checks-stacked" },
      options.map(([value, words, face]) => {
        const id = `${group}-${value}`;
        return h(
          "div",
          { class: "check" },
          h("input", { type: "radio", id, name, value: String(value), testid: `${testid}-${value}` }),
          h(
            "label",
            { for: id },
            face ? h("span", { class: "face", "aria-hidden": "true", text: `${face} ` }) : null,
            words,
          ),
        );
      }),
    ),
  );
}

function chosen(form, name) {
  const value = form.querySelector(`input[name="${name}"]:checked`)?.value;
  return value === undefined ? null : value;
}

function answers(form, token) {
  const body = { token };
  for (const question of QUESTIONS) {
    const value = chosen(form, question);
    if (value !== null) body[question] = Number(value);
  }
  for (const question of HAPPENED) {
    const value = chosen(form, question);
    if (value !== null) body[question] = value;
  }
  const words = form.elements.words.value.trim();
  if (words) body.words = words;
  return body;
}

function ending(view, title, text, testid) {
  // The link is done with: take it out of the address bar and the history.
  history.replaceState(null, "", "#/feedback/done");
  fill(view, heading(title, testid), h("p", { text }));
}

function gone(view, error) {
  if (error.status === 409) ending(view, t("feedback.used_title"), t("feedback.used"), "feedback-used");
  else ending(view, t("feedback.gone_title"), t("feedback.gone"), "feedback-gone");
}

function form(view, token) {
  const faceOptions = FACES.map(([value, face, key]) => [value, t(key), face]);
  const yesNo = YES_NO.map(([value, key]) => [value, t(key)]);
  const formNode = h(
    "form",
    { novalidate: true, testid: "feedback-form" },
    formAlert("feedback-error"),
    QUESTIONS.map((question) =>
      radios(t(ASKED[question]), question, faceOptions, `feedback-${question}`),
    ),
    HAPPENED.map((question) => radios(t(ASKED[question]), question, yesNo, `feedback-${question}`)),
    field({
      label: t("feedback.words"),
      name: "words",
      hint: t("feedback.words_hint"),
      testid: "feedback-words",
      multiline: true,
      required: false,
      maxlength: "1000",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "feedback-send" }, t("feedback.send")),
  );
  formNode.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors(formNode);
    const body = answers(formNode, token);
    if (Object.keys(body).length === 1) {
      showFormProblem(formNode, t("feedback.need_one"));
      return;
    }
    whileBusy(formNode, async () => {
      try {
        await post("/api/feedback/answers", body, { signInNeeded: false });
        ending(view, t("feedback.thanks_title"), t("feedback.thanks"), "feedback-thanks");
      } catch (error) {
        if (error.status === 0) {
          keep([...kept().filter((other) => other.token !== token), body]);
          ending(view, t("feedback.kept_title"), t("feedback.kept"), "feedback-kept");
        } else if (error.status === 409 || error.status === 404) gone(view, error);
        else showApiError(formNode, error);
      }
    });
  });
  return formNode;
}

export async function render(view, { params, isCurrent }) {
  const token = params[0];
  if (!token || token === "done") {
    put(view, heading(t("feedback.thanks_title"), "feedback-thanks"), h("p", { text: t("feedback.thanks") }));
    return;
  }
  const placeholder = loading();
  put(view, heading(t("feedback.title")), languageChooser(), placeholder);
  try {
    await post("/api/feedback/check", { token }, { signInNeeded: false });
  } catch (error) {
    if (!isCurrent()) return;
    if (error.status === 409 || error.status === 404) {
      gone(view, error);
      return;
    }
    if (error.status !== 0) {
      placeholder.replaceWith(problemBox(error));
      return;
    }
    // No signal: the form can still be filled in and kept on the phone.
  }
  if (!isCurrent()) return;
  placeholder.replaceWith(h("p", { class: "explain", text: t("feedback.intro") }), form(view, token));
}
