// A return interview as a carer or social worker sees it: when it is due, whether it is
// late, who the young person chose or why they said no. A carer reads only the parts
// the young person shared with them, and adds what they know when the young person
// said no. The social worker's form (offer, consent, the write-up) is interview-form.js.
import { get, putJson } from "../api.js";
import { t } from "../i18n.js";
import { clearErrors, field, fill, formAlert, h, heading, loading, plainWhen, problemBox, put, showApiError, whileBusy } from "../ui.js";
import { socialWorkerParts } from "./interview-form.js";
import { DECLINE_REASON, HOW_TRAVELLED, INTERVIEWER, SHAREABLE_PART, WHAT_WOULD_HELP, WHERE_WENT, WHO_WITH, FOLLOW_UP_SUPPORT } from "./rhi-plain.js";

const STATES = {
  open: "interview.state.open",
  offered: "interview.state.offered",
  accepted: "interview.state.accepted",
  declined: "interview.state.declined",
  held: "interview.state.held",
};

function stateLine(item) {
  const late = [];
  if (item.timing.offer_late) late.push(t("interview.offer_late"));
  if (item.timing.held_late) late.push(t("interview.held_late"));
  return [t(STATES[item.state]), ...late].join(" · ");
}

/** The young person's interviews, on their record (for the carer and social worker). */
export function interviewsSection(result) {
  if (!result || result.error) return null;
  const items = result.data;
  return h(
    "section",
    { "aria-labelledby": "interviews-heading", testid: "interviews" },
    h("h2", { id: "interviews-heading", text: t("interview.section") }),
    items.length
      ? h(
          "ul",
          { class: "plain-list" },
          items.map((item) =>
            h(
              "li",
              { testid: "interview-item" },
              h(
                "a",
                { href: `#/interviews/${item.id}`, testid: "interview-link" },
                t("interview.returned", { when: plainWhen(item.timing.returned_at, { style: "on" }) }),
              ),
              " – ",
              h("span", { text: stateLine(item) }),
            ),
          ),
        )
      : h("p", { text: t("interview.none") }),
  );
}

function timingList(interview) {
  const timing = interview.timing;
  const row = (label, value, testid) => [h("dt", { text: label }), h("dd", { testid, text: value })];
  return h(
    "dl",
    { class: "facts", testid: "interview-timing" },
    row(t("interview.returned_label"), plainWhen(timing.returned_at), "interview-returned"),
    row(
      t("interview.offer_by"),
      timing.offered_at
        ? t("interview.offered_on", { when: plainWhen(timing.offered_at, { style: "on" }) })
        : plainWhen(timing.offer_due_at),
      "interview-offer",
    ),
    row(
      t("interview.held_by"),
      timing.held_at
        ? t("interview.held_on", { when: plainWhen(timing.held_at, { style: "on" }) })
        : plainWhen(timing.held_due_at),
      "interview-held",
    ),
  );
}

function choiceLine(interview) {
  const choice = interview.choice;
  if (interview.state === "declined") {
    const reason = DECLINE_REASON[interview.declined_reason];
    return t("interview.said_no", { why: reason ? t(reason) : "" });
  }
  if (!choice.kind) return null;
  const who =
    choice.interviewer?.name ?? (choice.trusted_adult || t(INTERVIEWER[choice.kind]));
  return t("interview.chose", { who });
}

function carerNoteForm(interview, rerender) {
  const note = field({
    label: t("interview.carer_note_label"),
    hint: t("interview.carer_note_hint"),
    name: "text",
    testid: "carer-note",
    multiline: true,
    maxlength: 4000,
    value: interview.carer_note ?? "",
  });
  note.querySelector("textarea").value = interview.carer_note ?? "";
  const form = h(
    "form",
    { testid: "carer-note-form", novalidate: true },
    formAlert(),
    note,
    h("button", { type: "submit", class: "button button-primary", testid: "carer-note-save" }, t("interview.carer_note_save")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    await whileBusy(form, async () => {
      try {
        await putJson(`/api/interviews/${encodeURIComponent(interview.id)}/carer-note`, {
          text: note.querySelector("textarea").value,
        });
        await rerender(t("interview.carer_note_saved"));
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

const SHARED_LISTS = [
  ["where_went", WHERE_WENT, "interview.shared.where_went"],
  ["who_with", WHO_WITH, "interview.shared.who_with"],
  ["how_travelled", HOW_TRAVELLED, "interview.shared.how_travelled"],
  ["what_would_help", WHAT_WOULD_HELP, "interview.shared.what_would_help"],
  ["follow_up", FOLLOW_UP_SUPPORT, "interview.shared.follow_up"],
];

/** What the young person shared with their carer, in the same plain words. */
function carerReport(report) {
  const form = report.form;
  return h(
    "section",
    { "aria-labelledby": "shared-heading", testid: "carer-report" },
    h("h2", { id: "shared-heading", text: t("interview.shared_heading") }),
    h("p", {
      text: t("interview.shared_parts", {
        parts: report.shared_parts.map((part) => t(SHAREABLE_PART[part])).join(", "),
      }),
    }),
    SHARED_LISTS.map(([name, words, label]) =>
      form[name]?.length
        ? [h("h3", { text: t(label) }), h("ul", {}, form[name].map((code) => h("li", { text: t(words[code]) })))]
        : null,
    ),
    Object.values(form.answers ?? {}).length
      ? [h("h3", { text: t("interview.shared.said") }), h("ul", {}, Object.values(form.answers).map((text) => h("li", {}, h("bdi", { text }))))]
      : null,
  );
}

export async function render(view, context, notice = "") {
  const { params, me, isCurrent } = context;
  const [id] = params;
  put(view, heading(t("interview.title_plain"), "interview-title"), loading());
  let interview;
  try {
    interview = await get(`/api/interviews/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(view, heading(t("interview.title_plain"), "interview-title"), problemBox(error));
    return;
  }
  const can = new Set(interview.can);
  let report = null;
  if (can.has("read_report") && me.user.role === "carer") {
    try {
      report = await get(`/api/interviews/${encodeURIComponent(id)}/report`);
    } catch (error) {
      if (error.status === 401) return;
    }
  }
  if (!isCurrent()) return;
  const rerender = async (words) => {
    view.replaceChildren();
    await render(view, context, words);
    view.querySelector("[data-testid='interview-notice']")?.focus();
  };
  fill(
    view,
    heading(t("interview.title", { name: interview.young_person_name }), "interview-title"),
    notice ? h("p", { class: "notice", role: "status", tabindex: "-1", testid: "interview-notice", text: notice }) : null,
    h("p", { class: "status-line", testid: "interview-state", text: stateLine(interview) }),
    timingList(interview),
    choiceLine(interview) ? h("p", { testid: "interview-choice", text: choiceLine(interview) }) : null,
    interview.carer_note && !can.has("add_carer_note")
      ? h("p", { testid: "interview-carer-note" }, h("bdi", { text: interview.carer_note }))
      : null,
    can.has("add_carer_note")
      ? h(
          "section",
          { "aria-labelledby": "carer-note-heading" },
          h("h2", { id: "carer-note-heading", text: t("interview.carer_note_heading") }),
          carerNoteForm(interview, rerender),
        )
      : null,
    report ? carerReport(report) : null,
    me.user.role === "carer" && !report && interview.state === "held"
      ? h("p", { testid: "interview-not-shared", text: t("interview.not_shared") })
      : null,
    me.user.role === "social_worker" ? socialWorkerParts(interview, rerender) : null,
    h("p", {}, h("a", { href: `#/episodes/${interview.episode_id}`, testid: "link-episode" }, t("interview.episode_link"))),
    h(
      "p",
      {},
      h("a", { href: `#/young-people/${interview.young_person_id}`, testid: "link-record" }, t("interview.back_to_record", { name: interview.young_person_name })),
    ),
  );
}
