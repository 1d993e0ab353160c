// #/feedback-figures: how young people rated the police, for social workers, managers
// and a police liaison (their force only). Fixed periods only; small numbers hidden.
import { get } from "../api.js";
import { accountSection, menu } from "../account.js";
import { h, heading, loading, problemBox, put } from "../ui.js";

const NOTE =
  "To protect young people, numbers below 10 are shown as “fewer than 10”, other numbers are rounded to the nearest 5, and a number that could be worked out from the others is hidden too. With fewer than 10 answers in a quarter, nothing else is shown. A quarter's figures appear once all its feedback links have run out, and never change after that.";

function groupTable(group) {
  return h(
    "table",
    { class: "table", testid: `feedback-${group.key}` },
    h("caption", { text: group.label }),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col", text: "Answer" }), h("th", { scope: "col", text: "Number" })),
    ),
    h(
      "tbody",
      {},
      group.cells.map((cell) =>
        h("tr", {}, h("th", { scope: "row", text: cell.label }), h("td", { class: "number", text: cell.value })),
      ),
    ),
  );
}

function periodPicker(figures, go) {
  const id = "feedback-period";
  const select = h(
    "select",
    { id, name: "period", testid: "feedback-period" },
    (figures.periods.includes(figures.period) ? figures.periods : [figures.period, ...figures.periods]).map((period) => h("option", { value: period, selected: period === figures.period, text: period })),
  );
  select.addEventListener("change", () => go(`#/feedback-figures/${encodeURIComponent(select.value)}`));
  return h("div", { class: "field" }, h("label", { for: id, text: "Quarter" }), select);
}

export async function render(view, { params, me, go, isCurrent }) {
  const placeholder = loading();
  const title = heading("How young people rated the police");
  put(view, title, placeholder);
  const period = params[0] ? `?period=${encodeURIComponent(params[0])}` : "";
  try {
    const figures = await get(`/api/feedback/figures${period}`);
    if (!isCurrent()) return;
    placeholder.replaceWith(
      h("p", { testid: "feedback-place", text: `${figures.council}, ${figures.force}, ${figures.period}` }),
      h("p", { testid: "small-numbers-note", text: NOTE }),
      periodPicker(figures, go),
      figures.ready_on
        ? h("p", { testid: "feedback-not-yet", text: `Figures for ${figures.period} appear on ${figures.ready_on}, when its last feedback links have run out.` })
        : h("p", {}, "Answers: ", h("strong", { testid: "feedback-answers", text: figures.answers })),
      h("img", { class: "chart", src: figures.trend_svg, alt: `Answers in each finished quarter of ${figures.period.slice(0, 4)}` }),
      ...figures.questions.map(groupTable),
      ...figures.happened.map(groupTable),
      figures.quotes.length
        ? h(
            "section",
            { testid: "feedback-quotes" },
            h("h2", { text: "What young people said" }),
            h("ul", { class: "plain-list" }, figures.quotes.map((quote) => h("li", {}, h("q", { text: quote })))),
          )
        : null,
      h(
        "p",
        {},
        h("a", {
          href: `/api/feedback/figures.csv?period=${encodeURIComponent(figures.period)}`,
          download: `police-feedback-${figures.period}.csv`,
          testid: "feedback-csv",
          text: "Download these figures (CSV)",
        }),
      ),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  if (me.user.role === "police_liaison") put(view, accountSection(me, go));
}

/** Links to the feedback screens a social worker or manager may use (their homes). */
export function feedbackSection(role) {
  const links = [
    ["#/feedback-figures", "How young people rated the police", "link-feedback-figures"],
    ["#/feedback-cards", "Feedback cards to print", "link-feedback-cards"],
    role === "manager" ? ["#/feedback-quotes", "Words from young people to check", "link-feedback-quotes"] : null,
    ["#/supervision", "Reflective supervision", "link-supervision"],
  ].filter(Boolean);
  return h(
    "section",
    { "aria-labelledby": "feedback-heading" },
    h("h2", { id: "feedback-heading", text: "Police-response feedback" }),
    menu(links.map(([href, text, testid]) => h("a", { href, class: "menu-item", testid, text }))),
  );
}
