// Who looks after a young person, for their social worker: carers (placements) and
// social workers (allocations). A placement can move to another carer of the council
// or end; an allocation can be handed over, and ended only while another social
// worker stays on (the server refuses otherwise). Ended ones stay listed.
import { get, post } from "../api.js";
import {
  announce,
  clearErrors,
  fill,
  formAlert,
  h,
  loading,
  nextId,
  plainDate,
  problemBox,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";

const KINDS = {
  placements: {
    heading: "Carers",
    testid: "placement",
    people: "/api/council/carers",
    field: "carer_id",
    none: (name) =>
      `Nobody looks after ${name} on Homeward now. Invite a carer, or place ${name} with one below.`,
    move: "Move to another carer",
    add: "Place with a carer",
    label: "New carer",
    chooseFirst: "Choose the carer who looks after them now.",
    nobodyToChoose: "There is no other carer at your council on Homeward. Invite one instead.",
    submit: (row) => (row ? "Move to this carer" : "Place with this carer"),
    end: "End this placement",
    canEnd: () => true,
    question: (who, name) =>
      `End ${who}'s placement? From now on ${who} won't see anything about ${name}, not even old alerts.`,
    done: (row, to, name) =>
      row ? `${row.name} no longer looks after ${name}. ${to} does now.` : `${to} looks after ${name} now.`,
    ended: (who, name) => `${who} no longer looks after ${name}.`,
  },
  allocations: {
    heading: "Social workers",
    testid: "allocation",
    people: "/api/council/social-workers",
    field: "social_worker_id",
    none: (name) => `${name} has no social worker.`,
    move: "Hand over to another social worker",
    add: null,
    label: "New social worker",
    chooseFirst: "Choose the social worker who takes over.",
    nobodyToChoose: "There is no other social worker at your council on Homeward.",
    submit: () => "Hand over",
    end: "End this allocation",
    // The last social worker can only be handed over: a young person always has one.
    canEnd: (active) => active.length > 1,
    question: (who, name) =>
      `End ${who}'s allocation? From now on ${who} won't see anything about ${name}.`,
    done: (row, to, name) => `${to} is ${name}'s social worker now.`,
    ended: (who, name) => `${who} is no longer ${name}'s social worker.`,
  },
};

function button(words, testid, style = "button-secondary") {
  return h("button", { type: "button", class: `button ${style}`, testid }, words);
}

function chooser(kind, row, active, { base, person, onDone, close }) {
  const spec = KINDS[kind];
  const id = nextId(spec.field);
  const select = h(
    "select",
    { id, name: spec.field, testid: `${spec.testid}-choose`, required: true },
    h("option", { value: "", text: "Loading names…" }),
  );
  const submit = h(
    "button",
    { type: "submit", class: "button button-primary", testid: `${spec.testid}-choose-submit` },
    spec.submit(row),
  );
  const cancel = button("Cancel", `${spec.testid}-choose-cancel`);
  const form = h(
    "form",
    { class: "person-form", testid: `${spec.testid}-chooser`, novalidate: true },
    formAlert(`${spec.testid}-problem`),
    h(
      "div",
      { class: "field" },
      h("label", { for: id, text: spec.label }),
      h("p", {
        class: "field-error",
        id: `${id}-error`,
        testid: `${spec.testid}-choose-error`,
        hidden: true,
      }),
      select,
    ),
    h("div", { class: "button-row" }, submit, cancel),
  );
  cancel.addEventListener("click", close);
  get(spec.people)
    .then((people) => {
      const taken = new Set(active.map((r) => r.user_id));
      const choices = people.filter((p) => !taken.has(p.id));
      fill(
        select,
        h("option", { value: "", text: choices.length ? "Choose someone" : spec.nobodyToChoose }),
        choices.map((p) => h("option", { value: p.id, text: p.name })),
      );
    })
    .catch((error) => {
      if (error.status !== 401) form.prepend(problemBox(error));
    });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (!select.value) {
      showFormProblem(form, "Please choose someone.", "", [{ field: spec.field, message: spec.chooseFirst }]);
      return;
    }
    const to = select.selectedOptions[0].textContent;
    await whileBusy(form, async () => {
      try {
        const body = { [spec.field]: select.value, instead_of: row ? row.id : null };
        const made = await post(`${base}/${kind}`, body);
        onDone(spec.done(row, to, person.preferred_name), { kind, made, replaced: row });
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function confirmEnd(kind, row, { base, person, onDone, close }) {
  const spec = KINDS[kind];
  const question = h("p", {
    class: "confirm-question",
    tabindex: "-1",
    text: spec.question(row.name, person.preferred_name),
  });
  const yes = button("Yes, end it", `${spec.testid}-end-yes`, "button-danger");
  const no = button("No, keep it", `${spec.testid}-end-no`);
  const problem = h("div");
  no.addEventListener("click", close);
  yes.addEventListener("click", async () => {
    yes.disabled = true;
    try {
      await post(`${base}/${kind}/${encodeURIComponent(row.id)}/end`);
      onDone(spec.ended(row.name, person.preferred_name), { kind, ended: row });
    } catch (error) {
      yes.disabled = false;
      if (error.status !== 401) fill(problem, problemBox(error, `${spec.testid}-end-problem`));
    }
  });
  return {
    box: h(
      "div",
      { class: "confirm", role: "group", "aria-label": spec.end },
      question,
      h("div", { class: "button-row" }, yes, no),
      problem,
    ),
    question,
  };
}

function kindSection(kind, rows, context) {
  const spec = KINDS[kind];
  const active = rows.filter((r) => r.active);
  const ended = rows.filter((r) => !r.active);
  const name = context.person.preferred_name;

  function card(row) {
    const slot = h("div");
    const item = h(
      "li",
      { class: "card", testid: spec.testid, "data-name": row.name },
      h("p", { class: "card-title" }, h("strong", { text: row.name })),
      h("p", { class: "card-detail", text: `Since ${plainDate(row.started_at)}` }),
    );
    const move = button(spec.move, `${spec.testid}-move`);
    const end = spec.canEnd(active) ? button(spec.end, `${spec.testid}-end`) : null;
    const close = (back) => () => {
      fill(slot);
      back.focus();
    };
    move.addEventListener("click", () => {
      const form = chooser(kind, row, active, { ...context, close: close(move) });
      fill(slot, form);
      form.querySelector("select").focus();
    });
    end?.addEventListener("click", () => {
      const { box, question } = confirmEnd(kind, row, { ...context, close: close(end) });
      fill(slot, box);
      question.focus();
    });
    item.append(h("div", { class: "button-row" }, move, end), slot);
    return item;
  }

  let addArea = null;
  if (!active.length && spec.add) {
    const slot = h("div");
    const add = button(spec.add, `${spec.testid}-add`);
    add.addEventListener("click", () => {
      const form = chooser(kind, null, active, {
        ...context,
        close: () => {
          fill(slot);
          add.focus();
        },
      });
      fill(slot, form);
      form.querySelector("select").focus();
    });
    addArea = h("div", {}, h("p", { testid: `${spec.testid}-none`, text: spec.none(name) }), add, slot);
  }

  const headingId = nextId(`${spec.testid}-heading`);
  return h(
    "div",
    { role: "group", "aria-labelledby": headingId },
    h("h3", { id: headingId, text: spec.heading }),
    active.length ? h("ul", { class: "cards", testid: `${spec.testid}s` }, active.map(card)) : addArea,
    ended.length
      ? [
          h("p", { class: "hint", text: "Before:" }),
          h(
            "ul",
            { class: "plain-list", testid: `${spec.testid}s-ended` },
            ended.map((row) =>
              h("li", {
                testid: `${spec.testid}-ended`,
                "data-name": row.name,
                text: `${row.name}, ${plainDate(row.started_at)} to ${plainDate(row.ended_at)}`,
              }),
            ),
          ),
        ]
      : null,
  );
}

/**
 * The "Who looks after <name>" section. `onChanged(words, change)` is called after a
 * move or an end, so the screen can draw itself again and say what happened.
 */
export function careTeam(person, notice, onChanged) {
  const base = `/api/young-people/${encodeURIComponent(person.id)}`;
  const body = h("div", {}, loading());
  const status = notice
    ? h("p", { class: "notice", role: "status", tabindex: "-1", testid: "care-team-notice", text: notice })
    : null;
  const section = h(
    "section",
    { "aria-labelledby": "care-team-heading", testid: "care-team" },
    h("h2", { id: "care-team-heading", text: `Who looks after ${person.preferred_name}` }),
    status,
    body,
  );
  Promise.all([get(`${base}/placements`), get(`${base}/allocations`)])
    .then(([placements, allocations]) => {
      const context = { base, person, onDone: onChanged };
      fill(
        body,
        kindSection("placements", placements, context),
        kindSection("allocations", allocations, context),
      );
    })
    .catch((error) => {
      if (error.status !== 401) fill(body, problemBox(error));
    });
  if (status) {
    setTimeout(() => status.focus(), 0);
    announce(notice);
  }
  return section;
}
