// #/feedback for a young person: their own links to tell us how the police treated
// them (one after each time they came back). Nothing here says which time it was.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { h, heading, loading, plainDate, problemBox, put } from "../ui.js";

export async function render(view, { isCurrent }) {
  const placeholder = loading();
  put(view, heading(t("feedback.title")), placeholder);
  try {
    const links = await get("/api/feedback/mine");
    if (!isCurrent()) return;
    placeholder.replaceWith(
      links.length
        ? h(
            "ul",
            { class: "link-list", testid: "feedback-links" },
            links.map((link) =>
              h(
                "li",
                {},
                h("p", { text: t("feedback.intro") }),
                h(
                  "a",
                  { href: `#/feedback/${encodeURIComponent(link.token)}`, class: "button button-primary", testid: "feedback-open" },
                  t("feedback.open"),
                ),
                h("p", { class: "hint", text: t("feedback.until", { date: plainDate(link.expires_on) }) }),
              ),
            ),
          )
        : h("p", { testid: "feedback-none", text: t("feedback.none") }),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
}

/** On the young person's home: a link to tell us about the police, when they have one. */
export function feedbackInvite(isCurrent) {
  const slot = h("div", { testid: "home-feedback" });
  get("/api/feedback/mine")
    .then((links) => {
      if (!isCurrent() || !links.length) return;
      slot.append(
        h("a", { href: "#/feedback", class: "card-link", testid: "link-feedback" }, t("feedback.title")),
      );
    })
    .catch(() => {
      // Offline or signed out: the link shows next time.
    });
  return slot;
}
