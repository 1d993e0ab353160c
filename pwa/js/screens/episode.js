// One missing episode, for the carer and the social worker. While it is open this is
// the "I'm worried" guide, step by step (seed 003 Appendix 7 and seed 000): try them,
// try their people and ask them to help look, check the places, the 15 minute rule,
// the risk factors with our suggested grade and why, when to call 999 or 101, and
// recording the report with the police reference. Then the return, with the young
// person's own "when I come back" wishes, the follow-up and the timeline.
import { get, post, putJson } from "../api.js";
import { t } from "../i18n.js";
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
  whileBusy,
} from "../ui.js";
import { phoneText } from "./plan-parts.js";
import { searchChecklist } from "./search-places.js";

// The risk factors of seed 003's risk assessment, in its order ("age" comes from the
// date of birth). [code, key of the words]
const FACTORS = [
  ["uasc", "episode.factor.uasc"],
  ["has_child_protection_plan", "episode.factor.has_child_protection_plan"],
  ["needs_essential_medication", "episode.factor.needs_essential_medication"],
  ["may_not_interact_safely", "episode.factor.may_not_interact_safely"],
  ["lacks_risk_awareness", "episode.factor.lacks_risk_awareness"],
  ["missing_over_24_hours", "episode.factor.missing_over_24_hours"],
  ["missing_3_times_in_90_days", "episode.factor.missing_3_times_in_90_days"],
  ["associates_with_people_posing_risk", "episode.factor.associates_with_people_posing_risk"],
  ["mental_illness", "episode.factor.mental_illness"],
  ["drugs_alcohol_dependency", "episode.factor.drugs_alcohol_dependency"],
  ["suspected_abduction", "episode.factor.suspected_abduction"],
  ["suspected_suicide_or_self_harm", "episode.factor.suspected_suicide_or_self_harm"],
  ["violent_or_racial_incident_before", "episode.factor.violent_or_racial_incident_before"],
  ["state_of_mind_concerns", "episode.factor.state_of_mind_concerns"],
  ["inclement_weather", "episode.factor.inclement_weather"],
  ["family_problems", "episode.factor.family_problems"],
  ["employment_problems", "episode.factor.employment_problems"],
  ["financial_problems", "episode.factor.financial_problems"],
  ["criminal_activity_while_absent", "episode.factor.criminal_activity_while_absent"],
  ["school_or_college_problems", "episode.factor.school_or_college_problems"],
  ["ongoing_victim_of_bullying_or_exploitation", "episode.factor.ongoing_victim_of_bullying_or_exploitation"],
  ["previously_harmed_while_missing", "episode.factor.previously_harmed_while_missing"],
  ["forced_marriage_fgm_trafficking", "episode.factor.forced_marriage_fgm_trafficking"],
  ["associates_with_gangs", "episode.factor.associates_with_gangs"],
];
const GRADES = [
  ["no_apparent_risk", "episode.grade.no_apparent_risk"],
  ["low", "episode.grade.low"],
  ["medium", "episode.grade.medium"],
  ["high", "episode.grade.high"],
];
const STATES = {
  open: "episode.state.open",
  reported: "episode.state.reported",
  returned: "episode.state.returned",
  closed_unreported: "episode.state.closed_unreported",
};
const REPORTERS = [
  ["foster_carer", "episode.reporter.foster_carer"],
  ["residential_staff", "episode.reporter.residential_staff"],
  ["parent", "episode.reporter.parent"],
  ["social_worker", "episode.reporter.social_worker"],
  ["other", "episode.reporter.other"],
];
const HOW_FOUND = [
  ["came_back", "episode.how_found.came_back"],
  ["found_by_carer", "episode.how_found.found_by_carer"],
  ["found_by_trusted_person", "episode.how_found.found_by_trusted_person"],
  ["found_by_police", "episode.how_found.found_by_police"],
  ["whereabouts_known", "episode.how_found.whereabouts_known"],
  ["other", "episode.how_found.other"],
];
const RETURNED_BY = [
  ["self", "episode.returned_by.self"],
  ["parent_or_carer", "episode.returned_by.parent_or_carer"],
  ["local_authority", "episode.returned_by.local_authority"],
  ["police", "episode.returned_by.police"],
  ["trusted_person", "episode.returned_by.trusted_person"],
  ["other", "episode.returned_by.other"],
];
// Seed 004, for a time away from care (the SSDA903 return's M and A).
const ABSENCE = [
  ["missing", "episode.absence.missing"],
  ["away", "episode.absence.away"],
];

const wordsOf = (table, code) => {
  const row = table.find(([key]) => key === code);
  return row ? t(row[1]) : "";
};
export const gradeWords = (code) => wordsOf(GRADES, code) || t("episode.not_known");
export const stateWords = (code) => (STATES[code] ? t(STATES[code]) : code);

function section(id, title, ...content) {
  return h("section", { "aria-labelledby": id, testid: id }, h("h2", { id, text: title }), ...content);
}

const dial = (phone) => String(phone).replace(/[^\d+]/g, "");

function callButtons(name, phone, testid, smsBody = "") {
  if (!phone) return h("p", { class: "hint", testid: `${testid}-none`, text: t("episode.no_phone", { name }) });
  const sms = smsBody ? `sms:${dial(phone)}?body=${encodeURIComponent(smsBody)}` : `sms:${dial(phone)}`;
  return h(
    "p",
    { class: "call-buttons" },
    h(
      "a",
      { href: `tel:${dial(phone)}`, class: "button button-call", testid: `${testid}-call` },
      t("common.call_name", { name }),
    ),
    h("a", { href: sms, class: "button button-secondary", testid: `${testid}-text` }, t("common.text_name", { name })),
    h("span", { class: "hint", dir: "ltr", text: phoneText(phone) }),
  );
}

/** A <select> with a label; `none` adds an empty first choice. */
function choice(label, name, table, testid, none = true) {
  const id = `${name}-choice`;
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, text: label }),
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    h(
      "select",
      { id, name, testid },
      none ? h("option", { value: "", text: t("episode.choose") }) : null,
      table.map(([value, key]) => h("option", { value, text: t(key) })),
    ),
  );
}

function yesNo(label, name, testid) {
  return choice(label, name, [["yes", "episode.yes"], ["no", "episode.no"]], testid);
}

/** "2026-11-29T14:05" for a datetime-local input, in the phone's own time. */
function localNow() {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function when(form, name) {
  const value = form.elements[name].value;
  return value ? new Date(value).toISOString() : new Date().toISOString();
}

function timeField(label, name, testid) {
  return field({ label, name, type: "datetime-local", testid, value: localNow(), max: localNow() });
}

function valueOr(form, name) {
  const value = form.elements[name]?.value ?? "";
  return value === "" ? null : value;
}

function sendForm(form, send, done) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      const episode = await whileBusy(form, () => send(form));
      done(episode);
    } catch (error) {
      if (error.status === 401) return;
      showApiError(form, error);
    }
  });
  return form;
}

// -- the steps -------------------------------------------------------------------------------

function tryThem(episode, phone) {
  const name = episode.young_person_name;
  return section("step-try", t("episode.step_try", { name }), h("p", { text: t("episode.try_hint") }), callButtons(name, phone, "try-them"));
}

function tryPeople(episode, people) {
  const name = episode.young_person_name;
  const link = `${location.origin}/#/contact`;
  const body = t("episode.help_look_text", { name, link });
  const list = people.length
    ? h(
        "ul",
        { class: "cards", testid: "try-people" },
        people.map((person) =>
          h(
            "li",
            { class: "card" },
            h("p", { class: "card-heading", text: person.name }),
            person.how_they_know_me ? h("p", { class: "card-detail", text: person.how_they_know_me }) : null,
            callButtons(person.name, person.phone, "person", body),
          ),
        ),
      )
    : h("p", { testid: "try-people-none", text: t("episode.no_people", { name }) });
  return section(
    "step-people",
    t("episode.step_people", { name }),
    h("p", { text: t("episode.people_hint") }),
    list,
  );
}

function fifteenMinutes() {
  return section(
    "step-fifteen",
    t("episode.step_fifteen"),
    h("p", { text: t("episode.fifteen_rule") }),
  );
}

function riskStep(episode, redraw) {
  const ticked = new Set(episode.risk_factors);
  const form = h(
    "form",
    { testid: "risk-form", novalidate: true },
    formAlert("risk-error"),
    h(
      "fieldset",
      { class: "checks checks-stacked", "data-errors-for": "risk_factors" },
      h("legend", { text: t("episode.risk_legend") }),
      h("p", { class: "field-error", hidden: true }),
      FACTORS.map(([code, key]) => {
        const id = `factor-${code}`;
        return h(
          "div",
          { class: "check" },
          h("input", { type: "checkbox", id, name: "risk_factors", value: code, checked: ticked.has(code), testid: id }),
          h("label", { for: id, text: t(key) }),
        );
      }),
    ),
    h("button", { type: "submit", class: "button button-primary", testid: "risk-save" }, t("episode.risk_save")),
  );
  sendForm(
    form,
    (f) =>
      putJson(`/api/episodes/${encodeURIComponent(episode.id)}/risk`, {
        risk_factors: [...f.querySelectorAll("input[name=risk_factors]:checked")].map((i) => i.value),
      }),
    (changed) => redraw(changed, "risk-result"),
  );
  return section(
    "step-risk",
    t("episode.step_risk"),
    h("p", { text: t("episode.risk_hint") }),
    suggestionBox(episode),
    form,
  );
}

function suggestionBox(episode) {
  const found = episode.suggestion;
  if (!found) return null;
  return h(
    "div",
    { class: "notice episode-box", testid: "risk-result", tabindex: "-1" },
    h("p", { class: "notice-title", testid: "suggested-grade", text: t("episode.suggested", { grade: gradeWords(found.grade) }) }),
    h("p", { text: t("episode.why") }),
    h("ul", { class: "plain-list", testid: "suggested-why" }, found.why.map((line) => h("li", { dir: "auto", text: line }))),
    h("p", { class: "hint", text: t("episode.police_decide") }),
  );
}

function callPolice() {
  return section(
    "step-police",
    t("episode.step_police"),
    h("p", { class: "danger-line", text: t("episode.when_999") }),
    h("p", {}, h("a", { href: "tel:999", class: "button button-danger", testid: "call-999" }, t("common.call_999"))),
    h("p", { text: t("episode.when_101") }),
    h("p", {}, h("a", { href: "tel:101", class: "button button-call", testid: "call-101" }, t("common.call_101"))),
    h("p", { text: t("episode.tell_them") }),
  );
}

function reportStep(episode, redraw) {
  const form = h(
    "form",
    { testid: "report-form", novalidate: true },
    formAlert("report-error"),
    field({ label: t("episode.cad"), name: "cad_number", testid: "report-cad", hint: t("episode.cad_hint"), maxlength: 40, autocomplete: "off" }),
    timeField(t("episode.reported_at"), "reported_at", "report-when"),
    choice(t("episode.police_grade"), "police_risk_grade", GRADES, "report-grade"),
    choice(t("episode.reported_by"), "reported_by", REPORTERS, "report-by", false),
    h("button", { type: "submit", class: "button button-primary button-big", testid: "report-save" }, t("episode.report_save")),
  );
  sendForm(
    form,
    (f) =>
      post(`/api/episodes/${encodeURIComponent(episode.id)}/report`, {
        cad_number: f.elements.cad_number.value.trim(),
        reported_at: when(f, "reported_at"),
        police_risk_grade: valueOr(f, "police_risk_grade"),
        reported_by: f.elements.reported_by.value,
      }),
    (changed) => redraw(changed, "record-heading", t("episode.reported_now")),
  );
  return section("step-report", t("episode.step_report"), h("p", { text: t("episode.report_hint") }), form);
}

function wishes(episode) {
  const wish = episode.when_i_come_back;
  if (!wish) return null;
  const name = episode.young_person_name;
  return h(
    "div",
    { class: "notice episode-box", testid: "coming-back" },
    h("p", { class: "notice-title", text: t("episode.wishes_title", { name }) }),
    wish.what_helps ? h("p", {}, h("strong", { text: t("episode.wishes_helps") }), " ", h("span", { dir: "auto", text: wish.what_helps })) : null,
    wish.please_dont ? h("p", {}, h("strong", { text: t("episode.wishes_dont") }), " ", h("span", { dir: "auto", text: wish.please_dont })) : null,
  );
}

function backStep(episode, redraw) {
  const reported = episode.state === "reported";
  const form = h(
    "form",
    { testid: "back-form", novalidate: true },
    formAlert("back-error"),
    timeField(t("episode.returned_at"), "returned_at", "back-when"),
    field({ label: t("episode.found_where"), name: "found_where", testid: "back-where", required: false, maxlength: 200 }),
    choice(t("episode.how_found_label"), "how_found", HOW_FOUND, "back-how"),
    choice(t("episode.returned_by_label"), "returned_by", RETURNED_BY, "back-by"),
    reported ? yesNo(t("episode.safe_and_well"), "safe_and_well_check", "back-safe-well") : null,
    episode.missing_from === "care" ? choice(t("episode.absence_label"), "absence", ABSENCE, "back-absence") : null,
    h(
      "button",
      { type: "submit", class: "button button-primary button-big", testid: "back-save" },
      reported ? t("episode.back_save") : t("episode.found_save"),
    ),
  );
  sendForm(
    form,
    (f) => {
      const safe = valueOr(f, "safe_and_well_check");
      return post(`/api/episodes/${encodeURIComponent(episode.id)}/${reported ? "return" : "close-unreported"}`, {
        returned_at: when(f, "returned_at"),
        found_where: f.elements.found_where.value.trim(),
        how_found: valueOr(f, "how_found"),
        returned_by: valueOr(f, "returned_by"),
        safe_and_well_check: safe === null ? null : safe === "yes",
        absence: episode.missing_from === "care" ? valueOr(f, "absence") : null,
      });
    },
    (changed) => redraw(changed, "record-heading", t("episode.back_now", { name: episode.young_person_name })),
  );
  return section(
    "step-back",
    reported ? t("episode.step_back", { name: episode.young_person_name }) : t("episode.step_found", { name: episode.young_person_name }),
    h("p", { text: reported ? t("episode.back_hint") : t("episode.found_hint") }),
    wishes(episode),
    form,
  );
}

// -- the record ------------------------------------------------------------------------------

function recordDetails(episode) {
  const yes = (value) => (value === null ? t("episode.not_known") : value ? t("episode.yes") : t("episode.no"));
  const rows = [
    [t("episode.last_seen"), plainWhen(episode.started_at)],
    [t("episode.last_seen_where"), episode.last_seen_where],
    [t("episode.missing_from"), episode.missing_from === "home" ? t("episode.from_home") : t("episode.from_care")],
    [t("episode.circumstances"), episode.circumstances],
    [t("episode.reported_at"), episode.reported_at ? plainWhen(episode.reported_at) : t("episode.not_reported")],
    [t("episode.cad"), episode.cad_number],
    [t("episode.police_grade"), gradeWords(episode.police_risk_grade)],
    [t("episode.our_grade"), gradeWords(episode.suggested_risk_grade)],
    [t("episode.actions_taken"), episode.actions_taken],
    [t("episode.returned_at"), episode.returned_at ? plainWhen(episode.returned_at) : ""],
    [t("episode.found_where"), episode.found_where],
    [t("episode.how_found_label"), wordsOf(HOW_FOUND, episode.how_found)],
    [t("episode.returned_by_label"), wordsOf(RETURNED_BY, episode.returned_by)],
    [t("episode.absence_label"), wordsOf(ABSENCE, episode.absence)],
    [t("episode.safe_and_well"), episode.state === "reported" || episode.state === "returned" ? yes(episode.safe_and_well_check) : ""],
    [t("episode.follow_up"), episode.follow_up],
  ].filter(([, value]) => value);
  return h(
    "dl",
    { class: "details", testid: "episode-record" },
    rows.map(([term, value]) => h("div", { class: "detail" }, h("dt", { text: term }), h("dd", { dir: "auto", text: value }))),
  );
}

function followUpForm(episode, redraw) {
  const form = h(
    "form",
    { testid: "follow-up-form", novalidate: true },
    formAlert("follow-up-error"),
    field({ label: t("episode.actions_taken"), name: "actions_taken", testid: "follow-up-actions", required: false, multiline: true, maxlength: 2000 }),
    field({ label: t("episode.follow_up"), name: "follow_up", testid: "follow-up-text", required: false, multiline: true, maxlength: 2000 }),
    episode.missing_from === "care" ? choice(t("episode.absence_label"), "absence", ABSENCE, "follow-up-absence") : null,
    h("button", { type: "submit", class: "button button-primary", testid: "follow-up-save" }, t("common.save")),
  );
  form.elements.actions_taken.value = episode.actions_taken;
  form.elements.follow_up.value = episode.follow_up;
  if (form.elements.absence) form.elements.absence.value = episode.absence || "";
  sendForm(
    form,
    (f) =>
      putJson(`/api/episodes/${encodeURIComponent(episode.id)}/follow-up`, {
        actions_taken: f.elements.actions_taken.value.trim(),
        follow_up: f.elements.follow_up.value.trim(),
        absence: f.elements.absence ? valueOr(f, "absence") : null,
      }),
    (changed) => redraw(changed, "follow-up-heading", t("episode.saved")),
  );
  return section("follow-up-heading", t("episode.follow_up_title"), form);
}

function timeline(episode) {
  return section(
    "timeline-heading",
    t("episode.timeline"),
    h(
      "ol",
      { class: "events", testid: "timeline" },
      episode.timeline.map((entry) =>
        h(
          "li",
          { testid: "timeline-entry" },
          h("span", { class: "event-time", text: plainWhen(entry.at) }),
          " ",
          h("span", { dir: "auto", text: t("episode.by", { text: entry.text, name: entry.by }) }),
        ),
      ),
    ),
  );
}

// -- the screen ------------------------------------------------------------------------------

async function optional(path, fallback) {
  try {
    return await get(path);
  } catch {
    return fallback;
  }
}

function title(episode) {
  const name = episode.young_person_name;
  if (episode.state === "open") return t("episode.title_open", { name });
  if (episode.state === "reported") return t("episode.title_reported", { name });
  return t("episode.title_back", { name });
}

function draw(view, episode, extras, context, focus = null, said = "") {
  const can = new Set(episode.can);
  const open = episode.state === "open" || episode.state === "reported";
  const redraw = (changed, target, words) => {
    if (!context.isCurrent()) return;
    draw(view, changed, extras, context, target, words);
  };
  const yp = encodeURIComponent(episode.young_person_id);
  fill(
    view,
    heading(title(episode), "episode-title"),
    h("p", { class: "badge", testid: "episode-state", text: stateWords(episode.state) }),
    said ? h("p", { class: "notice", role: "status", testid: "episode-flash", text: said }) : null,
    open ? tryThem(episode, extras.phone) : null,
    open ? tryPeople(episode, extras.people) : null,
    can.has("search") ? searchChecklist({
      path: `/api/episodes/${encodeURIComponent(episode.id)}/places`,
      placePath: (id) => `/api/episodes/${encodeURIComponent(episode.id)}/places/${encodeURIComponent(id)}`,
      isCurrent: context.isCurrent,
      places: episode.places,
    }) : null,
    can.has("report") ? fifteenMinutes() : null,
    can.has("assess_risk") ? riskStep(episode, redraw) : null,
    open ? callPolice() : null,
    can.has("report") ? reportStep(episode, redraw) : null,
    can.has("record_return") || can.has("close_unreported") ? backStep(episode, redraw) : null,
    section("record-heading", t("episode.record"), open ? null : wishes(episode), recordDetails(episode)),
    !open && can.has("edit_follow_up") ? followUpForm(episode, redraw) : null,
    timeline(episode),
    h("p", {}, h("a", { href: `#/young-people/${yp}/episodes`, testid: "link-history" }, t("episode.all_times", { name: episode.young_person_name }))),
  );
  if (said) announce(said);
  if (focus) {
    const target = view.querySelector(`#${CSS.escape(focus)}`) ?? view.querySelector(`[data-testid="${CSS.escape(focus)}"]`);
    target?.setAttribute("tabindex", "-1");
    target?.focus();
  }
}

export async function render(view, context) {
  const { params, isCurrent } = context;
  put(view, loading());
  let episode;
  try {
    episode = await get(`/api/episodes/${encodeURIComponent(params[0])}`);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(view, heading(t("common.not_found"), "episode-title"), problemBox(error));
    return;
  }
  const base = `/api/young-people/${encodeURIComponent(episode.young_person_id)}`;
  const [agreed, people] = await Promise.all([optional(`${base}/plan/agreed`, null), optional(`${base}/contacts`, [])]);
  if (!isCurrent()) return;
  const phone = agreed?.agreed?.content?.about_me?.phone ?? "";
  const reachable = (people ?? []).filter((person) => ["not_invited", "invited", "active"].includes(person.state));
  draw(view, episode, { phone, people: reachable }, context);
}
