// #/help for a young person, reached from every one of their screens ("Get help" at the
// foot of each): Childline's number to call now, and a way to tell their social worker
// they want to talk, something is wrong, or something Homeward holds about them is wrong.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { announce, h, heading, problemBox, put } from "../ui.js";
import { privacyLink } from "./privacy.js";

const CHILDLINE = "0800 1111";
const ASKS = [
  { about: "talk", words: "help.ask_talk" },
  { about: "problem", words: "help.ask_problem" },
  { about: "my_information", words: "help.ask_my_information" },
];

export async function render(view) {
  const result = h("div", { testid: "help-result", role: "status" });
  const buttons = ASKS.map(({ about, words }) => {
    const button = h(
      "button",
      { type: "button", class: "button button-secondary", testid: `help-ask-${about}` },
      t(words),
    );
    button.addEventListener("click", async () => {
      for (const b of buttons) b.disabled = true;
      try {
        const reply = await post("/api/help", { about });
        const words = reply.told ? t("help.told") : t("help.nobody_told", { number: CHILDLINE });
        result.replaceChildren(h("p", { class: "notice", text: words }));
        announce(words);
      } catch (error) {
        result.replaceChildren(problemBox(error, "help-problem"));
      } finally {
        for (const b of buttons) b.disabled = false;
      }
    });
    return button;
  });
  put(
    view,
    heading(t("help.title")),
    h("p", { text: t("help.intro") }),
    h(
      "section",
      { class: "card", "aria-labelledby": "help-now" },
      h("h2", { id: "help-now", text: t("help.now_title") }),
      h("p", { text: t("help.childline") }),
      h(
        "a",
        { href: "tel:08001111", class: "button button-call", testid: "help-childline", dir: "ltr" },
        t("help.call_childline", { number: CHILDLINE }),
      ),
      h("p", { class: "hint", text: t("help.danger") }),
    ),
    h(
      "section",
      { class: "card", "aria-labelledby": "help-worker" },
      h("h2", { id: "help-worker", text: t("help.worker_title") }),
      h("p", { text: t("help.worker_intro") }),
      h("div", { class: "choices" }, buttons),
      result,
      h("p", {}, h("a", { href: "#/my-info", testid: "help-put-right" }, t("help.put_right"))),
    ),
  );
}

/** At the foot of every young-person screen. */
export function helpLink() {
  return h(
    "p",
    { class: "help-link" },
    h("a", { href: "#/help", testid: "link-help" }, t("help.link")),
    " · ",
    privacyLink(),
  );
}
