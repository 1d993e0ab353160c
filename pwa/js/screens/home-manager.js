// A manager's home: anonymised figures for their council, small numbers hidden.
import { get } from "../api.js";
import { accountSection } from "../account.js";
import { t } from "../i18n.js";
import { feedbackSection } from "./feedback-figures.js";
import { ssda903Section } from "./ssda903.js";
import { h, heading, loading, problemBox, put } from "../ui.js";

function figuresTable(council, figures) {
  return h(
    "table",
    { class: "table", testid: "figures" },
    h("caption", { class: "visually-hidden", text: `Figures for ${council}` }),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col", text: "What" }), h("th", { scope: "col", text: "Number" })),
    ),
    h(
      "tbody",
      {},
      figures.map((figure) =>
        h(
          "tr",
          { "data-key": figure.key, testid: "figure" },
          h("th", { scope: "row", text: figure.label }),
          h("td", { class: "number", text: figure.value }),
        ),
      ),
    ),
  );
}

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  const title = heading("Figures");
  put(view, title, placeholder);
  try {
    const { council, figures } = await get("/api/figures");
    title.textContent = `Figures for ${council}`;
    document.title = `Figures for ${council} - Homeward`;
    placeholder.replaceWith(
      h(
        "p",
        { testid: "small-numbers-note" },
        "To protect young people, numbers below 10 are shown as “fewer than 10” and other numbers are rounded to the nearest 5. This stops anyone working out who a figure is about.",
      ),
      figures.length
        ? figuresTable(council, figures)
        : h("p", { testid: "figures", text: "There are no figures yet." }),
      h(
        "p",
        {},
        h("a", { href: "#/figures", class: "button button-primary", testid: "link-missing-figures" }, t("figures.link")),
      ),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  // A senior manager owns the actions a long episode asks of them (told in a notice).
  put(
    view,
    h("p", {}, h("a", { href: "#/dashboard", class: "card-link", testid: "dashboard-link" }, t("dashboard.link"))),
    feedbackSection(me.user.role),
    ssda903Section(),
    accountSection(me, go),
  );
}
