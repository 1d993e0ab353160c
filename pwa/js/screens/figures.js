// #/figures[/<month|quarter|year>/<first day>]: a manager's figures of missing episodes
// and return interviews for one fixed period, as the server published them: every
// hidden number (fewer than 10, or one that would give a small number away) arrives as
// null and reads "fewer than 10". Trends are drawn as SVG bars built here, each with
// a table that says the same. The CSV is the server's, with the same suppression.
// #/figures/<kind>[/<first day>]/team/<team id>: the same for one of the council's teams.
import { get } from "../api.js";
import { locale, t } from "../i18n.js";
import { h, heading, loading, problemBox, put } from "../ui.js";

const SVG = "http://www.w3.org/2000/svg";
const KINDS = [
  ["month", "figures.kind.month"],
  ["quarter", "figures.kind.quarter"],
  ["year", "figures.kind.year"],
];

function number(value) {
  return value === null || value === undefined ? t("figures.fewer_than_10") : String(value);
}

function periodName(kind, start) {
  const [year, month] = start.split("-").map(Number);
  if (kind === "year") return String(year);
  if (kind === "quarter") return t("figures.quarter_name", { quarter: Math.floor((month - 1) / 3) + 1, year });
  const day = new Date(Date.UTC(year, month - 1, 1));
  return new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(day);
}

function shortName(kind, start) {
  const [year, month] = start.split("-").map(Number);
  if (kind === "year") return String(year);
  if (kind === "quarter") return t("figures.quarter_short", { quarter: Math.floor((month - 1) / 3) + 1 });
  const day = new Date(Date.UTC(year, month - 1, 1));
  return new Intl.DateTimeFormat(locale(), { month: "short", timeZone: "UTC" }).format(day);
}

function cell(value, label) {
  return h("td", { class: "number", "data-label": label, text: number(value) });
}

function simpleTable(testid, caption, rows, total) {
  return h(
    "table",
    { class: "table", testid },
    h("caption", { text: caption }),
    h(
      "thead",
      {},
      h("tr", {}, h("th", { scope: "col", text: t("figures.what") }), h("th", { scope: "col", text: t("figures.number") })),
    ),
    h(
      "tbody",
      {},
      rows.map((row) =>
        h(
          "tr",
          { "data-key": row.key, testid: "figure-row" },
          h("th", { scope: "row", text: row.label }),
          cell(row.value, t("figures.number")),
        ),
      ),
      total !== undefined
        ? h("tr", { class: "total-row" }, h("th", { scope: "row", text: t("figures.total") }), cell(total, t("figures.number")))
        : null,
    ),
  );
}

function breakdownTable(group, breakdown) {
  const columns = group.parts.map((part) => part.label);
  return h(
    "table",
    { class: "table table-stack", testid: `breakdown-${group.key}-${breakdown.dimension}` },
    h("caption", { text: `${group.label}: ${breakdown.label}` }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("td", {}),
        columns.map((name) => h("th", { scope: "col", text: name })),
        h("th", { scope: "col", text: t("figures.total") }),
      ),
    ),
    h(
      "tbody",
      {},
      breakdown.rows.map((row) =>
        h(
          "tr",
          { "data-key": row.key },
          h("th", { scope: "row", text: row.label }),
          row.cells.map((value, index) => cell(value, columns[index])),
          cell(row.total, t("figures.total")),
        ),
      ),
    ),
  );
}

function groupSection(group) {
  const id = `group-${group.key}`;
  return h(
    "section",
    { "aria-labelledby": id, testid: `group-${group.key}` },
    h("h2", { id, text: group.label }),
    simpleTable(`parts-${group.key}`, group.label, group.parts, group.total),
    h(
      "details",
      { class: "breakdowns" },
      h("summary", { text: t("figures.breakdowns") }),
      group.breakdowns.map((breakdown) => breakdownTable(group, breakdown)),
    ),
  );
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  node.append(...children);
  return node;
}

/** Bars, one per period; a hidden number is an outlined stub marked "<10". */
function trendChart(trend, kind) {
  const width = 320;
  const height = 160;
  const top = 16;
  const bottom = 24;
  const values = trend.points.map((point) => point.value ?? 0);
  const largest = Math.max(10, ...values);
  const step = width / trend.points.length;
  const titleId = `trend-title-${trend.key}`;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "trend-chart",
    role: "img",
    "aria-labelledby": titleId,
    "data-testid": `trend-chart-${trend.key}`,
    focusable: "false",
  });
  const title = svg("title", { id: titleId });
  title.textContent = t("figures.chart_title", { what: trend.label, count: trend.points.length });
  chart.append(title);
  chart.append(svg("line", { x1: 0, y1: height - bottom, x2: width, y2: height - bottom, class: "trend-axis" }));
  trend.points.forEach((point, index) => {
    const x = index * step + step * 0.15;
    const barWidth = step * 0.7;
    const hidden = point.value === null;
    const barHeight = hidden ? 6 : ((height - top - bottom) * point.value) / largest;
    const y = height - bottom - barHeight;
    chart.append(
      svg("rect", {
        x,
        y,
        width: barWidth,
        height: Math.max(barHeight, 1),
        class: hidden ? "trend-bar trend-bar-hidden" : "trend-bar",
      }),
    );
    const valueText = svg("text", { x: x + barWidth / 2, y: y - 3, class: "trend-value", "text-anchor": "middle" });
    valueText.textContent = hidden ? "<10" : String(point.value);
    const label = svg("text", { x: x + barWidth / 2, y: height - 8, class: "trend-label", "text-anchor": "middle" });
    label.textContent = shortName(kind, point.start);
    chart.append(valueText, label);
  });
  return chart;
}

function trendSection(trend, kind) {
  const id = `trend-${trend.key}`;
  // A div, not a section: the group's own section below is the landmark of this name.
  return h(
    "div",
    { class: "trend", testid: `trend-${trend.key}` },
    h("h3", { id, text: trend.label }),
    h("div", { class: "trend-frame", "aria-hidden": "false" }, trendChart(trend, kind)),
    h(
      "details",
      {},
      h("summary", { text: t("figures.chart_as_table") }),
      h(
        "table",
        { class: "table", testid: `trend-table-${trend.key}` },
        h("caption", { text: trend.label }),
        h(
          "thead",
          {},
          h("tr", {}, h("th", { scope: "col", text: t("figures.period") }), h("th", { scope: "col", text: t("figures.number") })),
        ),
        h(
          "tbody",
          {},
          trend.points.map((point) =>
            h("tr", {}, h("th", { scope: "row", text: periodName(kind, point.start) }), cell(point.value, t("figures.number"))),
          ),
        ),
      ),
    ),
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEAM = /^[0-9a-f]{8}-[0-9a-f]{4}-/;

/** The screen's address: a period (its first day, or none for the current one), a team or the whole council. */
function place(kind, start, team) {
  return `#/figures/${kind}${start ? `/${start}` : ""}${team ? `/team/${team}` : ""}`;
}

function chooser(kind, team, teams, go) {
  const id = "figures-period-kind";
  const select = h(
    "select",
    { id, name: "period", testid: "period-kind" },
    KINDS.map(([code, key]) => h("option", { value: code, text: t(key) })),
  );
  select.value = kind;
  const teamId = "figures-team";
  const teamSelect = teams.length
    ? h(
        "select",
        { id: teamId, name: "team", testid: "team-choice" },
        h("option", { value: "", text: t("figures.all_teams") }),
        teams.map((found) => h("option", { value: found.id, text: found.name })),
      )
    : null;
  if (teamSelect) teamSelect.value = team ?? "";
  const form = h(
    "form",
    { class: "period-chooser", testid: "period-chooser" },
    h("div", { class: "field" }, h("label", { for: id, text: t("figures.choose_period") }), select),
    teamSelect ? h("div", { class: "field" }, h("label", { for: teamId, text: t("figures.choose_team") }), teamSelect) : null,
    h("button", { type: "submit", class: "button button-secondary", testid: "period-show" }, t("figures.show")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go(place(select.value, null, teamSelect ? teamSelect.value : null));
  });
  return form;
}

function query(kind, start, team) {
  const search = new URLSearchParams();
  if (kind) search.set("period", kind);
  if (start) search.set("start", start);
  if (team) search.set("team", team);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function render(view, { params, go, isCurrent }) {
  const title = heading(t("figures.title"));
  const placeholder = loading();
  put(view, title, placeholder);
  const [askedKind, ...rest] = params ?? [];
  const askedStart = rest.find((part) => DATE.test(part));
  const team = rest.find((part) => TEAM.test(part)) ?? null;
  const asked = query(askedKind, askedStart, team);
  let figures;
  try {
    figures = await get(`/api/figures/missing${asked}`);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
    return;
  }
  if (!isCurrent()) return;
  const { kind, start } = figures.period;
  const name = periodName(kind, start);
  title.textContent = figures.team
    ? t("figures.title_for_team", { team: figures.team.name, council: figures.council, period: name })
    : t("figures.title_for", { council: figures.council, period: name });
  document.title = `${title.textContent} - Homeward`;
  const csv = `/api/figures/missing/csv${query(kind, start, team)}`;
  placeholder.replaceWith(
    h("p", { testid: "small-numbers-note", text: t("figures.small_numbers_note") }),
    chooser(kind, team, figures.teams ?? [], go),
    h(
      "nav",
      { class: "button-row", "aria-label": t("figures.other_periods") },
      h("a", { href: place(kind, figures.previous, team), testid: "period-previous" }, t("figures.previous")),
      figures.next
        ? h("a", { href: place(kind, figures.next, team), testid: "period-next" }, t("figures.next"))
        : null,
    ),
    h(
      "p",
      {},
      h("a", { href: csv, download: "", class: "button button-secondary", testid: "download-csv" }, t("figures.download_csv")),
    ),
    h(
      "section",
      { "aria-labelledby": "headline-heading" },
      h("h2", { id: "headline-heading", text: t("figures.headline") }),
      simpleTable("headline", name, figures.headline),
    ),
    h(
      "section",
      { "aria-labelledby": "trends-heading" },
      h("h2", { id: "trends-heading", text: t("figures.trends") }),
      figures.trends.map((trend) => trendSection(trend, kind)),
    ),
    ...figures.groups.map(groupSection),
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
  );
}
