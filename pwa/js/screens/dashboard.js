// The social worker's dashboard (a manager sees the actions they own): due and overdue
// actions, most urgent first; alerts sent to them; their caseload with open episodes,
// plans to review or sign, and each young person's episode history. An action is
// closed here: marked done with a note, or a strategy meeting recorded.
import { get, post } from "../api.js";
import { t } from "../i18n.js";
import {
  clearErrors,
  field,
  fill,
  formAlert,
  h,
  heading,
  loading,
  plainDate,
  plainList,
  plainWhen,
  problemBox,
  put,
  showApiError,
  whileBusy,
} from "../ui.js";
import { alertsSentToMe } from "./alert-lists.js";
import { rightsDashboardSection } from "./rights.js";

const KINDS = {
  strategy_meeting: "dashboard.kind.strategy_meeting",
  inform_senior_manager: "dashboard.kind.inform_senior_manager",
  further_strategy_meeting: "dashboard.kind.further_strategy_meeting",
  repeat_strategy_meeting: "dashboard.kind.repeat_strategy_meeting",
  high_risk_strategy_meeting: "dashboard.kind.high_risk_strategy_meeting",
  offer_interview: "dashboard.kind.offer_interview",
  hold_interview: "dashboard.kind.hold_interview",
  review_plan: "dashboard.kind.review_plan",
};
const SIGNERS = {
  young_person: "dashboard.signer.young_person",
  carer: "dashboard.signer.carer",
  social_worker: "dashboard.signer.social_worker",
};

function kindWords(kind) {
  return Object.hasOwn(KINDS, kind) ? t(KINDS[kind]) : kind;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function actionUrl(action, suffix) {
  return `/api/young-people/${encodeURIComponent(action.young_person_id)}/actions/${encodeURIComponent(action.id)}/${suffix}`;
}

function closeForm(action, refresh) {
  const meeting = action.can.includes("record_meeting");
  const form = h(
    "form",
    { novalidate: true, testid: meeting ? "meeting-form" : "done-form", hidden: true },
    formAlert("action-error"),
    meeting
      ? [
          field({
            label: t("dashboard.meeting_held_on"),
            name: "held_on",
            type: "date",
            max: today(),
            value: today(),
            testid: "meeting-held-on",
          }),
          field({
            label: t("dashboard.meeting_attended"),
            name: "attended",
            hint: t("dashboard.meeting_attended_hint"),
            testid: "meeting-attended",
            autocomplete: "off",
          }),
          field({
            label: t("dashboard.meeting_decisions"),
            name: "decisions",
            multiline: true,
            testid: "meeting-decisions",
          }),
        ]
      : field({ label: t("dashboard.done_note"), name: "note", multiline: true, testid: "done-note" }),
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "action-save" },
      meeting ? t("dashboard.save_meeting") : t("dashboard.save_done"),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = (name) => form.elements[name].value;
    const [suffix, body] = meeting
      ? ["meeting", { held_on: value("held_on"), attended: value("attended"), decisions: value("decisions") }]
      : ["done", { note: value("note") }];
    try {
      await whileBusy(form, () => post(actionUrl(action, suffix), body));
      refresh(t("dashboard.closed", { what: kindWords(action.kind), name: action.preferred_name }));
    } catch (error) {
      if (error.status !== 401) showApiError(form, error);
    }
  });
  return form;
}

function actionItem(action, refresh) {
  const overdue = action.state === "overdue";
  const when = plainWhen(action.deadline, { style: "on" });
  const item = h(
    "li",
    { class: overdue ? "card card-overdue" : "card", testid: "action", "data-kind": action.kind },
    h("p", {}, h("strong", { testid: "action-what", text: kindWords(action.kind) })),
    h(
      "p",
      {},
      h(
        "a",
        { href: `#/young-people/${encodeURIComponent(action.young_person_id)}`, testid: "action-person" },
        action.preferred_name,
      ),
    ),
    // Overdue is said in words and marked with a border, not shown by colour alone.
    overdue
      ? h(
          "p",
          { testid: "action-due" },
          h("strong", { class: "badge badge-overdue", testid: "action-overdue", text: t("dashboard.overdue") }),
          " ",
          t("dashboard.was_due", { when }),
        )
      : h("p", { testid: "action-due", text: t("dashboard.due", { when }) }),
    action.owner ? h("p", { class: "card-detail", text: t("dashboard.owner", { name: action.owner }) }) : null,
  );
  if (action.can.length) {
    const form = closeForm(action, refresh);
    const meeting = action.can.includes("record_meeting");
    const open = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "action-open", "aria-expanded": "false" },
      meeting ? t("dashboard.record_meeting") : t("dashboard.mark_done"),
    );
    open.addEventListener("click", () => {
      const showing = form.hidden;
      form.hidden = !showing;
      open.setAttribute("aria-expanded", String(showing));
      if (showing) form.querySelector("input, textarea")?.focus();
    });
    put(item, open, form);
  }
  return item;
}

function doneItem(action) {
  return h(
    "li",
    { class: "card", testid: "done-action", "data-kind": action.kind },
    h("p", {}, h("strong", { text: kindWords(action.kind) }), " ", action.preferred_name),
    h("p", {
      class: "card-detail",
      text: action.done_by
        ? t("dashboard.done_by", { name: action.done_by, when: plainWhen(action.done_at, { style: "on" }) })
        : t("dashboard.done_when", { when: plainWhen(action.done_at, { style: "on" }) }),
    }),
    action.meeting
      ? h("p", {
          text: t("dashboard.meeting_summary", {
            date: plainDate(action.meeting.held_on),
            attended: action.meeting.attended,
          }),
        })
      : null,
    action.done_note ? h("p", { text: action.done_note }) : null,
  );
}

function episodeHref(episode) {
  return `#/episodes/${encodeURIComponent(episode.id)}`;
}

function episodeLine(episode) {
  const from = plainWhen(episode.started_at, { style: "on" });
  if (!episode.ended_at) return t("dashboard.episode_open", { when: from });
  const key = episode.state === "closed_unreported" ? "dashboard.episode_unreported" : "dashboard.episode_back";
  return t(key, { from, back: plainWhen(episode.ended_at, { style: "on" }) });
}

function personItem(person) {
  const plan = person.plan;
  const signers = plan ? plan.waiting_for.map((role) => (Object.hasOwn(SIGNERS, role) ? t(SIGNERS[role]) : role)) : [];
  return h(
    "li",
    { class: person.open_episode ? "card card-overdue" : "card", testid: "caseload-person" },
    h(
      "a",
      { href: `#/young-people/${encodeURIComponent(person.id)}`, class: "card-link" },
      person.preferred_name,
    ),
    person.open_episode
      ? h(
          "p",
          { testid: "open-episode" },
          h("strong", { class: "badge badge-overdue", text: t("dashboard.missing") }),
          " ",
          h("a", { href: episodeHref(person.open_episode) }, episodeLine(person.open_episode)),
        )
      : null,
    plan && plan.review_due_at
      ? h(
          "p",
          { testid: "plan-review" },
          h(
            "a",
            { href: `#/young-people/${encodeURIComponent(person.id)}/plan` },
            t("dashboard.plan_review", { when: plainDate(plan.review_due_at) }),
          ),
        )
      : null,
    signers.length
      ? h("p", { testid: "plan-signatures", text: t("dashboard.plan_signatures", { who: plainList(signers) }) })
      : null,
    person.episodes.length
      ? h(
          "details",
          { testid: "episode-history" },
          h("summary", { text: t("dashboard.history", { count: person.episodes.length }) }),
          h(
            "ul",
            {},
            person.episodes.map((episode) => h("li", {}, h("a", { href: episodeHref(episode) }, episodeLine(episode)))),
          ),
        )
      : h("p", { class: "card-detail", text: t("dashboard.no_episodes") }),
  );
}

function section(id, title, ...children) {
  return h("section", { "aria-labelledby": id }, h("h2", { id, text: title }), ...children);
}

export async function render(view, { isCurrent, me }) {
  const placeholder = loading();
  const status = h("p", { role: "status", testid: "dashboard-status" });
  put(view, heading(t("dashboard.title")), status, placeholder);
  const alerts = me.user.role === "social_worker" ? alertsSentToMe(isCurrent) : null;
  let board;
  try {
    board = await get("/api/actions/dashboard");
  } catch (error) {
    if (isCurrent() && error.status !== 401) placeholder.replaceWith(problemBox(error));
    return;
  }
  if (!isCurrent()) return;
  const refresh = async (said) => {
    fill(view);
    await render(view, { isCurrent, me });
    const shown = view.querySelector("[data-testid='dashboard-status']");
    if (shown) shown.textContent = said;
    view.querySelector("h1")?.focus();
  };
  const overdue = board.actions.filter((a) => a.state === "overdue").length;
  placeholder.replaceWith(
    section(
      "actions-heading",
      t("dashboard.actions"),
      board.actions.length
        ? [
            h("p", {
              testid: "actions-summary",
              text: overdue
                ? t("dashboard.summary_overdue", { count: board.actions.length, overdue })
                : t("dashboard.summary", { count: board.actions.length }),
            }),
            h(
              "ul",
              { class: "cards", testid: "actions" },
              board.actions.map((action) => actionItem(action, refresh)),
            ),
          ]
        : h("p", { testid: "actions", text: t("dashboard.no_actions") }),
    ),
  );
  const sentToMe = alerts ? await alerts : null;
  // Requests about people's information, with their legal deadlines (issue 15).
  const rights = me.user.role === "social_worker" ? await rightsDashboardSection(refresh) : null;
  if (!isCurrent()) return;
  if (sentToMe?.urgent) view.querySelector("h1").after(sentToMe.urgent);
  put(
    view,
    sentToMe?.section,
    rights,
    me.user.role === "social_worker"
      ? section(
          "caseload-heading",
          t("dashboard.caseload"),
          board.caseload.length
            ? h("ul", { class: "cards", testid: "caseload-people" }, board.caseload.map(personItem))
            : h("p", { testid: "caseload-people", text: t("dashboard.no_caseload") }),
        )
      : null,
    board.done.length
      ? section(
          "done-heading",
          t("dashboard.done_recently"),
          h("ul", { class: "cards", testid: "done-actions" }, board.done.map(doneItem)),
        )
      : null,
  );
}
