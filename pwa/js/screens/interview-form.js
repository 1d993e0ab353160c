// The social worker's side of a return interview: offer it, record parental consent
// (a child missing from home under 16), and write it up on the form in seed 003
// Appendix 8, in the guidance's own words (rhi-terms.js). Once written up, the report
// and the risks it found. Professionals only: English, like the other professional screens.
import { post, putJson } from "../api.js";
import { clearErrors, field, formAlert, h, nextId, plainWhen, showApiError, whileBusy } from "../ui.js";
import {
  ASSESSMENT_FIELD,
  DECLINE_REASON,
  DETAIL_KIND,
  EPISODE_FIELD,
  FOLLOW_UP_SUPPORT,
  INTERVIEWER,
  HIGH_RISK_CATEGORY,
  HOW_TRAVELLED,
  NOT_HELD_REASON,
  PARENTAL_CONSENT,
  PULL_FACTOR,
  PUSH_FACTOR,
  QUESTION,
  REFERRAL,
  REPEAT_RISK,
  SHARING_FIELD,
  WHAT_WOULD_HELP,
  WHERE_WENT,
  WHO_WITH,
} from "./rhi-terms.js";

const DETAIL_GROUPS = [
  ["Missing episode details", EPISODE_FIELD],
  ["Assessment", ASSESSMENT_FIELD],
  ["Sharing of information and confidentiality", SHARING_FIELD],
];
const ALL_DETAILS = { ...EPISODE_FIELD, ...ASSESSMENT_FIELD, ...SHARING_FIELD };

/** One of Appendix 8's other boxes, as its kind asks: yes/no, a date, or words. */
function detailInput(code, label) {
  const name = `detail_${code}`;
  const kind = DETAIL_KIND[code];
  if (kind === "yes_no") {
    return select(name, label, { Y: "Yes", N: "No" }, { empty: "Not answered", testid: `detail-${code}` });
  }
  const type = kind === "date" ? "date" : kind === "datetime" ? "datetime-local" : "text";
  return field({ label, name, type, testid: `detail-${code}`, required: false, multiline: type === "text", maxlength: 4000 });
}

const TICK_LISTS = [
  ["push_factors", "Push factors of going missing", PUSH_FACTOR, "push_other"],
  ["pull_factors", "Pull factors of going missing", PULL_FACTOR, "pull_other"],
  ["high_risk", "High risk categories (ticked: Y)", HIGH_RISK_CATEGORY, null],
  ["where_went", "Where they went", WHERE_WENT, "where_text"],
  ["who_with", "Who they were with", WHO_WITH, "who_with_text"],
  ["how_travelled", "How they travelled", HOW_TRAVELLED, "how_text"],
  ["what_would_help", "What would help", WHAT_WOULD_HELP, "what_would_help_text"],
  ["follow_up", "Follow-up support", FOLLOW_UP_SUPPORT, null],
  ["referrals", "Referrals", REFERRAL, null],
];

function ticks(name, legend, terms, chosen = []) {
  const group = nextId(name);
  return h(
    "fieldset",
    { "data-errors-for": name, "data-list": name, testid: `form-${name}` },
    h("legend", { text: legend }),
    h("p", { class: "field-error", hidden: true }),
    h(
      "div",
      { class: "checks checks-stacked" },
      Object.entries(terms).map(([code, words]) =>
        h(
          "div",
          { class: "check" },
          h("input", { type: "checkbox", id: `${group}-${code}`, value: code, checked: chosen.includes(code), testid: `${name}-${code}` }),
          h("label", { for: `${group}-${code}`, text: words }),
        ),
      ),
    ),
  );
}

function select(name, label, terms, { empty = "", testid, required = false } = {}) {
  const id = nextId(name);
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, text: label }),
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    h(
      "select",
      { id, name, testid, required },
      empty !== null ? h("option", { value: "", text: empty }) : null,
      Object.entries(terms).map(([code, words]) => h("option", { value: code, text: words })),
    ),
  );
}

function localNow() {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function offerButton(interview, rerender) {
  const form = h(
    "form",
    { testid: "offer-form" },
    formAlert(),
    h("p", { text: `Offer by ${plainWhen(interview.timing.offer_due_at)} (24 hours after the return).` }),
    h("button", { type: "submit", class: "button button-primary", testid: "offer-button" }, "Record the offer, made now"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await whileBusy(form, async () => {
      try {
        await post(`/api/interviews/${encodeURIComponent(interview.id)}/offer`);
        await rerender("The offer is recorded. The young person can now choose who they talk to.");
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

/** The young person's answer, given in person or on the phone (no app, say). */
function answerForm(interview, rerender) {
  const answers = { ...INTERVIEWER, declined: "Declined the interview" };
  const answer = select("answer", "Their answer", answers, { empty: "Choose…", testid: "answer-kind", required: true });
  const people = Object.fromEntries(interview.interviewers.map((person) => [person.id, person.name]));
  const who = select("interviewer_id", "Which independent interviewer", people, { empty: "None of them", testid: "answer-interviewer" });
  const trusted = field({ label: "The trusted adult they named", name: "trusted_adult", testid: "answer-trusted", required: false, maxlength: 200 });
  const reason = select("reason", "Why they declined (seed 002)", DECLINE_REASON, { empty: "They did not say", testid: "answer-reason" });
  const why = field({ label: "In their words", name: "why", testid: "answer-why", required: false, multiline: true, maxlength: 4000 });
  const form = h(
    "form",
    { testid: "answer-form", novalidate: true },
    formAlert(),
    answer,
    who,
    trusted,
    reason,
    why,
    h("button", { type: "submit", class: "button button-secondary", testid: "answer-save" }, "Save their answer"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const kind = answer.querySelector("select").value;
    const base = `/api/interviews/${encodeURIComponent(interview.id)}`;
    await whileBusy(form, async () => {
      try {
        if (kind === "declined") {
          await post(`${base}/decline`, {
            reason: reason.querySelector("select").value || "young_person_refused",
            why: why.querySelector("textarea").value,
          });
        } else {
          const body = { kind };
          if (kind === "independent_worker") body.interviewer_id = who.querySelector("select").value || null;
          if (kind === "someone_they_trust") body.trusted_adult = trusted.querySelector("input").value;
          await post(`${base}/choice`, body);
        }
        await rerender("Their answer is saved.");
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function consentForm(interview, rerender) {
  const state = select("state", "Parental consent", PARENTAL_CONSENT, { empty: "Not asked yet", testid: "consent-state", required: true });
  const why = field({ label: "Why (needed when refused or overridden)", name: "why", testid: "consent-why", required: false, multiline: true, maxlength: 4000 });
  if (interview.consent) state.querySelector("select").value = interview.consent;
  why.querySelector("textarea").value = interview.consent_why ?? "";
  const form = h(
    "form",
    { testid: "consent-form", novalidate: true },
    formAlert(),
    h("p", { text: "Missing from home and under 16: ask a parent before the interview (seed 002, 'Gaining parental consent')." }),
    state,
    why,
    h("button", { type: "submit", class: "button button-secondary", testid: "consent-save" }, "Save consent"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    await whileBusy(form, async () => {
      try {
        await putJson(`/api/interviews/${encodeURIComponent(interview.id)}/consent`, {
          state: state.querySelector("select").value,
          why: why.querySelector("textarea").value,
        });
        await rerender("Parental consent is saved.");
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function heldForm(interview, rerender) {
  const choice = interview.choice;
  const heldAt = field({ label: "Held on", name: "held_at", type: "datetime-local", testid: "held-at", value: localNow() });
  const heldBy = field({ label: "Held by (name)", name: "held_by", testid: "held-by", maxlength: 200 });
  heldBy.querySelector("input").value = choice.interviewer?.name ?? choice.trusted_adult ?? "";
  const where = field({ label: "Where it was held", name: "where", testid: "held-where", maxlength: 200 });
  const texts = {};
  const text = (name, label, testid = `form-${name}`) => {
    texts[name] = field({ label, name, testid, required: false, multiline: true, maxlength: 4000 });
    return texts[name];
  };
  const late = new Date() > new Date(interview.timing.held_due_at);
  const lateReason = select("late_reason", "Why it was not held within 72 hours", NOT_HELD_REASON, { empty: "Choose…", testid: "late-reason" });
  const answers = Object.entries(QUESTION).map(([code, words]) => {
    texts[`answer:${code}`] = field({ label: words, name: `answer_${code}`, required: false, multiline: true, maxlength: 4000 });
    return texts[`answer:${code}`];
  });
  const risk = h(
    "fieldset",
    { "data-errors-for": "risk_again", testid: "form-risk-again" },
    h("legend", { text: "Risk of going missing again" }),
    h(
      "div",
      { class: "checks" },
      Object.entries(REPEAT_RISK).map(([code, words]) =>
        h("div", { class: "check" }, h("input", { type: "radio", name: "risk_again", id: `risk-${code}`, value: code, testid: `risk-${code}` }), h("label", { for: `risk-${code}`, text: words })),
      ),
    ),
  );
  const form = h(
    "form",
    { testid: "held-form", novalidate: true },
    formAlert(),
    heldAt,
    heldBy,
    where,
    late ? [lateReason, text("late_why", "More about why it was late")] : null,
    h("details", {}, h("summary", { text: "Discussion with the young person" }), answers),
    DETAIL_GROUPS.map(([title, terms]) =>
      h("details", {}, h("summary", { text: title }), Object.entries(terms).map(([code, words]) => detailInput(code, words))),
    ),
    TICK_LISTS.map(([name, legend, terms, other]) => [ticks(name, legend, terms), other ? text(other, `${legend}: other, or more detail`) : null]),
    risk,
    text("analysis", "Analysis of information"),
    text("for_young_person", "A note for the young person (they read this, in plain words)"),
    h("button", { type: "submit", class: "button button-primary", testid: "held-save" }, "Save the interview"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = (name) => texts[name]?.querySelector("textarea")?.value ?? "";
    const body = { answers: {} };
    for (const code of Object.keys(QUESTION)) {
      const said = value(`answer:${code}`).trim();
      if (said) body.answers[code] = said;
    }
    for (const [name, , , other] of TICK_LISTS) {
      body[name] = [...form.querySelectorAll(`fieldset[data-list="${name}"] input:checked`)].map((input) => input.value);
      if (other) body[other] = value(other);
    }
    body.risk_again = form.querySelector("input[name='risk_again']:checked")?.value ?? null;
    body.details = {};
    for (const code of Object.keys(ALL_DETAILS)) {
      const input = form.querySelector(`[name="detail_${code}"]`);
      const said = input?.value.trim();
      if (said) body.details[code] = said;
    }
    body.analysis = value("analysis");
    body.for_young_person = value("for_young_person");
    const when = heldAt.querySelector("input").value;
    const payload = {
      held_at: when ? new Date(when).toISOString() : "",
      held_by: heldBy.querySelector("input").value,
      where: where.querySelector("input").value,
      form: body,
      interviewer_id: choice.interviewer?.id ?? null,
    };
    if (late) {
      payload.late_reason = lateReason.querySelector("select").value || null;
      payload.late_why = value("late_why");
    }
    await whileBusy(form, async () => {
      try {
        await putJson(`/api/interviews/${encodeURIComponent(interview.id)}/held`, payload);
        await rerender("The interview is saved. The young person can read a summary in plain words.");
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function wordsOf(key) {
  const [list, code] = key.split(".");
  return (list === "high_risk_category" ? HIGH_RISK_CATEGORY : REPEAT_RISK)[code] ?? code;
}

function report(interview) {
  const form = interview.form;
  if (!form) return null;
  const listed = (label, terms, codes, extra = "") =>
    codes.length || extra
      ? [h("h3", { text: label }), codes.length ? h("ul", {}, codes.map((code) => h("li", { text: terms[code] ?? code }))) : null, extra ? h("p", {}, h("bdi", { text: extra })) : null]
      : null;
  return h(
    "section",
    { "aria-labelledby": "report-heading", testid: "interview-report" },
    h("h2", { id: "report-heading", text: "The interviewer's report" }),
    h("p", { testid: "report-held", text: `Held by ${interview.held_by ?? ""} at ${interview.held_where ?? ""}.` }),
    h(
      "div",
      { class: "notice", testid: "risks-found" },
      h("p", {}, h("strong", { text: "Risks found" })),
      interview.risks_found.length ? h("ul", {}, interview.risks_found.map((key) => h("li", { text: (key.startsWith("repeat_risk") ? "Risk of going missing again: " : "") + wordsOf(key) }))) : h("p", { text: "None recorded." }),
    ),
    Object.keys(form.answers).length
      ? [h("h3", { text: "Discussion with the young person" }), h("dl", {}, Object.entries(form.answers).map(([code, said]) => [h("dt", { text: QUESTION[code] ?? code }), h("dd", {}, h("bdi", { text: said }))]))]
      : null,
    TICK_LISTS.map(([name, legend, terms, other]) => listed(legend, terms, form[name] ?? [], other ? form[other] : "")),
    form.where_went.length || form.where_text
      ? h(
          "p",
          {},
          h(
            "a",
            { href: `#/young-people/${interview.young_person_id}/plan/edit/places`, testid: "link-plan-places" },
            "Add the places they went to their safety plan",
          ),
        )
      : null,
    Object.keys(form.details ?? {}).length
      ? [h("h3", { text: "Other answers on the form" }), h("dl", { testid: "report-details" }, Object.entries(form.details).map(([code, said]) => [h("dt", { text: ALL_DETAILS[code] ?? code }), h("dd", {}, h("bdi", { text: said === "Y" ? "Yes" : said === "N" ? "No" : said }))]))]
      : null,
    form.analysis ? [h("h3", { text: "Analysis of information" }), h("p", {}, h("bdi", { text: form.analysis }))] : null,
    form.for_young_person ? [h("h3", { text: "Note for the young person" }), h("p", {}, h("bdi", { text: form.for_young_person }))] : null,
    interview.late_reason ? h("p", { text: `Late because: ${NOT_HELD_REASON[interview.late_reason] ?? interview.late_reason}. ${interview.late_why ?? ""}` }) : null,
  );
}

/** Everything only the social worker sees and does on the interview screen. */
export function socialWorkerParts(interview, rerender) {
  const can = new Set(interview.can);
  const declined = interview.state === "declined" && interview.declined_why
    ? h("p", { testid: "declined-why" }, `Their words: `, h("bdi", { text: interview.declined_why }))
    : null;
  const reason = interview.declined_reason ? h("p", { class: "hint", text: `Reason (seed 002): ${DECLINE_REASON[interview.declined_reason]}` }) : null;
  const needsConsent = interview.consent !== "not_needed" && can.has("record_consent");
  return [
    reason,
    declined,
    can.has("offer") ? h("section", { "aria-labelledby": "offer-heading" }, h("h2", { id: "offer-heading", text: "Offer" }), offerButton(interview, rerender)) : null,
    can.has("choose") ? h("section", { "aria-labelledby": "answer-heading" }, h("h2", { id: "answer-heading", text: "Record their answer" }), answerForm(interview, rerender)) : null,
    needsConsent ? h("section", { "aria-labelledby": "consent-heading" }, h("h2", { id: "consent-heading", text: "Parental consent" }), consentForm(interview, rerender)) : null,
    can.has("record") ? h("section", { "aria-labelledby": "held-heading" }, h("h2", { id: "held-heading", text: "Write up the interview" }), heldForm(interview, rerender)) : null,
    report(interview),
  ];
}
