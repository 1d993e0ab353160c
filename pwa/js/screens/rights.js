// Rights requests (issue 15), as each person meets them:
//   correctionSection: on the young person's #/my-info, ask for something held about
//     them to be put right, and see what they asked and the answer, in plain words;
//   forgetSection: on a trusted contact's #/contact page, ask to be forgotten;
//   rightsDashboardSection: on the social worker's #/dashboard, each request with its
//     deadline (overdue said in words), answered done, refused or given more time.
// The deadline and what each may do come from the server (`due_at`, `overdue`, `can`).
import { get, post } from "../api.js";
import { t } from "../i18n.js";
import {
  announce,
  clearErrors,
  confirmIn,
  field,
  formAlert,
  h,
  nextId,
  plainWhen,
  problemBox,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";

const WAITING = new Set(["open", "extended"]);

function when(value) {
  return plainWhen(value, { style: "on" });
}

function section(id, title, ...children) {
  return h("section", { "aria-labelledby": id }, h("h2", { id, text: title }), ...children);
}

// -- the young person ----------------------------------------------------------------

function youngPersonState(request) {
  if (request.overdue) return t("rights.state.overdue", { when: when(request.due_at) });
  if (request.state === "open") return t("rights.state.open", { when: when(request.due_at) });
  if (request.state === "extended") return t("rights.state.extended", { when: when(request.due_at) });
  return request.state === "done" ? t("rights.state.done") : t("rights.state.refused");
}

function myRequest(request) {
  return h(
    "li",
    { class: request.overdue ? "card card-overdue" : "card", testid: "my-request" },
    h("p", { testid: "my-request-what", text: t("rights.you_said", { what: request.what_is_wrong }) }),
    h("p", {}, h("strong", { testid: "my-request-state", text: youngPersonState(request) })),
    request.reason
      ? h("p", { testid: "my-request-reason", text: t("rights.worker_said", { reason: request.reason }) })
      : null,
  );
}

export async function correctionSection(me, isCurrent) {
  const url = `/api/young-people/${encodeURIComponent(me.young_person_id)}/rights-requests`;
  const list = h("div", { testid: "my-requests" });
  const status = h("p", { role: "status", testid: "correction-status" });
  const show = async () => {
    const requests = await get(url);
    if (!isCurrent()) return;
    list.replaceChildren(
      requests.length
        ? h(
            "div",
            {},
            h("h3", { text: t("rights.yours_heading") }),
            h("ul", { class: "cards" }, requests.map(myRequest)),
          )
        : "",
    );
  };
  const form = h(
    "form",
    { novalidate: true, testid: "correction-form" },
    formAlert("correction-error"),
    field({
      label: t("rights.what_is_wrong"),
      name: "what_is_wrong",
      hint: t("rights.what_is_wrong_hint"),
      multiline: true,
      maxlength: 1000,
      testid: "correction-what",
    }),
    field({
      label: t("rights.should_say"),
      name: "should_say",
      multiline: true,
      required: false,
      maxlength: 1000,
      testid: "correction-should-say",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "correction-send" }, t("rights.send")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    status.textContent = "";
    const what = form.elements.what_is_wrong.value.trim();
    if (!what) {
      showFormProblem(form, t("common.check_details"), "", [{ field: "what_is_wrong", message: t("rights.enter_what") }]);
      return;
    }
    try {
      const sent = await whileBusy(form, () =>
        post(url, { what_is_wrong: what, should_say: form.elements.should_say.value.trim() }),
      );
      form.reset();
      status.textContent = t("rights.sent", { when: when(sent.due_at) });
      await show();
    } catch (error) {
      if (error.status !== 401) showApiError(form, error);
    }
  });
  try {
    await show();
  } catch (error) {
    list.replaceChildren(problemBox(error, "my-requests-problem"));
  }
  return section(
    nextId("correction-heading"),
    t("rights.ask_heading"),
    h("p", { text: t("rights.ask_intro") }),
    form,
    status,
    list,
  );
}

// -- a trusted contact -----------------------------------------------------------------

function contactState(request, name) {
  const params = { name, when: when(request.due_at) };
  if (request.overdue) return t("rights.contact_state.overdue", params);
  if (request.state === "open") return t("rights.contact_state.open", params);
  if (request.state === "extended") return t("rights.contact_state.extended", params);
  return t("rights.contact_state.refused");
}

export async function forgetSection(me) {
  const name = me.young_person_name;
  const area = h("div", { testid: "forget-area" });
  const id = nextId("forget-heading");
  let requests = [];
  try {
    requests = await get("/api/contact/rights-requests", { signInNeeded: false });
  } catch (error) {
    area.replaceChildren(problemBox(error, "forget-problem"));
  }
  const waiting = requests.find((r) => WAITING.has(r.state));
  const latest = waiting ?? requests[0];
  const said = latest
    ? h(
        "div",
        { testid: "forget-request" },
        h("p", {}, h("strong", { testid: "forget-state", text: contactState(latest, name) })),
        latest.reason
          ? h("p", { testid: "forget-reason", text: t("rights.contact_reason", { name, reason: latest.reason }) })
          : null,
      )
    : null;
  const start = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "forget-me" },
    t("rights.forget_button"),
  );
  start.addEventListener("click", () =>
    confirmIn(area, start, {
      label: t("rights.forget_button"),
      question: t("rights.forget_question", { name }),
      yes: t("rights.forget_yes"),
      no: t("rights.forget_no"),
      testid: "forget-me",
      problem: "forget-problem",
      signInNeeded: false,
      act: async () => {
        const request = await post("/api/contact/forget-me", undefined, { signInNeeded: false });
        const words = contactState(request, name);
        area.replaceChildren(
          h("p", { class: "notice", testid: "forget-request" }, h("strong", { testid: "forget-state", text: words })),
        );
        start.hidden = true;
        announce(words);
      },
    }),
  );
  start.hidden = Boolean(waiting);
  return section(id, t("rights.forget_heading"), h("p", { text: t("rights.forget_intro", { name }) }), said, start, area);
}

// -- the social worker -----------------------------------------------------------------

const KINDS = { correction: "rights.kind.correction", forget_me: "rights.kind.forget_me" };
const ANSWERED_STATE = { done: "rights.answered_state.done", refused: "rights.answered_state.refused" };

function kindWords(kind) {
  return Object.hasOwn(KINDS, kind) ? t(KINDS[kind]) : kind;
}

function answerForm(item, refresh) {
  const request = item.request;
  const group = nextId("outcome");
  const outcomes = [["done", t("rights.outcome.done")], ["refused", t("rights.outcome.refused")]];
  if (request.can.includes("extend")) {
    outcomes.push(["extended:1", t("rights.outcome.extend_1")], ["extended:2", t("rights.outcome.extend_2")]);
  }
  const form = h(
    "form",
    { novalidate: true, testid: "rights-answer-form", hidden: true },
    formAlert("rights-answer-error"),
    h(
      "fieldset",
      { "data-errors-for": "outcome" },
      h("legend", { text: t("rights.outcome_legend") }),
      h("p", { class: "field-error", hidden: true }),
      h(
        "div",
        { class: "checks checks-stacked" },
        outcomes.map(([value, words]) => {
          const id = `${group}-${value.replace(":", "-")}`;
          return h(
            "div",
            { class: "check" },
            h("input", { type: "radio", id, name: "outcome", value, testid: `rights-outcome-${value.replace(":", "-")}` }),
            h("label", { for: id, text: words }),
          );
        }),
      ),
    ),
    request.kind === "forget_me" ? h("p", { class: "hint", text: t("rights.forget_done_warning") }) : null,
    field({
      label: t("rights.reason_label"),
      name: "reason",
      hint: t("rights.reason_hint"),
      multiline: true,
      required: false,
      maxlength: 1000,
      testid: "rights-reason",
    }),
    h("button", { type: "submit", class: "button button-primary", testid: "rights-answer-save" }, t("rights.save_answer")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const picked = form.querySelector("input[name='outcome']:checked")?.value;
    if (!picked) {
      showFormProblem(form, t("common.check_details"), "", [{ field: "outcome", message: t("rights.pick_outcome") }]);
      return;
    }
    const [outcome, months] = picked.split(":");
    const body = { outcome, reason: form.elements.reason.value.trim() };
    if (months) body.months = Number(months);
    const url = `/api/young-people/${encodeURIComponent(request.young_person_id)}/rights-requests/${encodeURIComponent(request.id)}/answer`;
    try {
      await whileBusy(form, () => post(url, body));
      refresh(t("rights.answered", { what: kindWords(request.kind), name: item.young_person_name }));
    } catch (error) {
      if (error.status !== 401) showApiError(form, error);
    }
  });
  return form;
}

function requestItem(item, refresh) {
  const request = item.request;
  const name = item.young_person_name;
  const waiting = WAITING.has(request.state);
  const asker =
    request.asker === "young_person"
      ? t("rights.asked_by_young_person", { name })
      : t("rights.asked_by_contact", { contact: request.asker_name || t("rights.a_trusted_person"), name });
  const due = when(request.due_at);
  const card = h(
    "li",
    { class: request.overdue ? "card card-overdue" : "card", testid: "rights-request", "data-kind": request.kind },
    h("p", {}, h("strong", { testid: "rights-request-what", text: kindWords(request.kind) })),
    h(
      "p",
      {},
      h("a", { href: `#/young-people/${encodeURIComponent(request.young_person_id)}` }, name),
      " · ",
      h("span", { testid: "rights-request-asker", text: asker }),
    ),
    h("p", { class: "card-detail", text: t("rights.received", { when: when(request.received_at) }) }),
    request.what_is_wrong ? h("p", { text: t("rights.what_is_wrong_said", { what: request.what_is_wrong }) }) : null,
    request.should_say ? h("p", { text: t("rights.should_say_said", { what: request.should_say }) }) : null,
    waiting
      ? request.overdue
        ? h(
            "p",
            { testid: "rights-request-due" },
            h("strong", { class: "badge badge-overdue", testid: "rights-request-overdue", text: t("dashboard.overdue") }),
            " ",
            t("dashboard.was_due", { when: due }),
          )
        : h("p", { testid: "rights-request-due", text: t("rights.due", { when: due }) })
      : h("p", {}, h("strong", { testid: "rights-request-state", text: t(ANSWERED_STATE[request.state]) })),
    request.reason ? h("p", { testid: "rights-request-reason", text: t("rights.reason_said", { reason: request.reason }) }) : null,
  );
  if (request.can.includes("answer")) {
    const form = answerForm(item, refresh);
    const open = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "rights-answer", "aria-expanded": "false" },
      t("rights.answer"),
    );
    open.addEventListener("click", () => {
      const showing = form.hidden;
      form.hidden = !showing;
      open.setAttribute("aria-expanded", String(showing));
      if (showing) form.querySelector("input")?.focus();
    });
    card.append(open, form);
  }
  return card;
}

export async function rightsDashboardSection(refresh) {
  const id = nextId("rights-heading");
  let items;
  try {
    items = await get("/api/rights-requests");
  } catch (error) {
    return section(id, t("rights.dashboard_heading"), problemBox(error, "rights-problem"));
  }
  return section(
    id,
    t("rights.dashboard_heading"),
    h("p", { class: "hint", text: t("rights.dashboard_intro") }),
    items.length
      ? h("ul", { class: "cards", testid: "rights-requests" }, items.map((item) => requestItem(item, refresh)))
      : h("p", { testid: "rights-requests", text: t("rights.none") }),
  );
}
