// The manager's SSDA903 download: the DfE's Missing and Header tables (CSV) of a
// collection year, 1 April to 31 March, for their own council. Each download is audited.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { h, problemBox } from "../ui.js";

function links(councilId, year) {
  const base = `/api/councils/${encodeURIComponent(councilId)}/ssda903/${encodeURIComponent(year)}`;
  return [
    h("a", { href: `${base}/missing`, download: `ssda903-missing-${year}.csv`, class: "button button-primary", testid: "ssda903-missing" }, t("ssda903.missing")),
    h("a", { href: `${base}/header`, download: `ssda903-header-${year}.csv`, class: "button button-secondary", testid: "ssda903-header" }, t("ssda903.header")),
  ];
}

export function ssda903Section() {
  const id = "ssda903-heading";
  const body = h("div", { class: "stack" });
  const section = h(
    "section",
    { "aria-labelledby": id, testid: "ssda903" },
    h("h2", { id, text: t("ssda903.title") }),
    h("p", { text: t("ssda903.hint") }),
    body,
  );
  get("/api/council/ssda903")
    .then(({ council_id: councilId, years }) => {
      const selectId = "ssda903-year";
      const select = h(
        "select",
        { id: selectId, name: "year", testid: "ssda903-year" },
        years.map((year) => h("option", { value: year, text: year })),
      );
      const buttons = h("p", { class: "button-row" }, ...links(councilId, years[0]));
      select.addEventListener("change", () => buttons.replaceChildren(...links(councilId, select.value)));
      body.replaceChildren(h("div", { class: "field" }, h("label", { for: selectId, text: t("ssda903.year_label") }), select), buttons);
    })
    .catch((error) => {
      if (error.status !== 401) body.replaceChildren(problemBox(error));
    });
  return section;
}
