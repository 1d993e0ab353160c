// An admin keeps the council's settings: how long an alert waits at each step, who is
// on duty, office hours and bank holidays, when a missing episode calls for action, and
// how long personal information is kept.
// The server checks every part and names each field that needs fixing; inputs are named
// as the API's fields ("thresholds.repeat_episodes", "rota.1.phone") so its messages
// land next to them.
import { get, putJson } from "../api.js";
import {
  announce,
  clearErrors,
  fill,
  formAlert,
  h,
  heading,
  loading,
  nextId,
  plainList,
  problemBox,
  put,
  showApiError,
  whileBusy,
} from "../ui.js";

const DAYS = [
  ["mon", "Monday"],
  ["tue", "Tuesday"],
  ["wed", "Wednesday"],
  ["thu", "Thursday"],
  ["fri", "Friday"],
  ["sat", "Saturday"],
  ["sun", "Sunday"],
];

const NATIONS = [
  ["england", "England"],
  ["wales", "Wales"],
  ["scotland", "Scotland"],
  ["northern_ireland", "Northern Ireland"],
];

const COVERS = [
  ["out_of_hours", "Out of hours"],
  ["office_hours", "In office hours"],
  ["always", "At any time"],
  ["shift", "Chosen days and times"],
];

// [field, label, hint]: the hints quote the guidance the defaults come from.
const ESCALATION = [
  [
    "trio_minutes",
    "Minutes the young person's people have to answer, before their carer is alerted",
    "Their trusted trio is alerted first.",
  ],
  ["carer_minutes", "Minutes their carer has to answer, before the social worker on duty is alerted", ""],
  [
    "duty_minutes",
    "Minutes the social worker on duty has to answer",
    "After this, the young person is told plainly to call 999 if they are in danger, or 101.",
  ],
];

const THRESHOLDS = [
  [
    "strategy_meeting_after_hours",
    "Hours missing before a strategy meeting is needed",
    "Guidance: a strategy meeting when a child is “missing for more than 24 hours”.",
  ],
  [
    "senior_manager_after_hours",
    "Hours missing before a senior manager is told",
    "Guidance: “When a child has been missing for a period of 48 hours the social worker should inform " +
      "the relevant senior manager.”",
  ],
  [
    "further_meeting_after_days",
    "Days not found before a further strategy meeting",
    "Guidance: “A further strategy meeting should be convened if child has not been located within 7 days.”",
  ],
  [
    "repeat_episodes",
    "Going missing again: how many times call for a strategy meeting",
    "Guidance: “Three episodes of missing within a 90 day period should trigger a multi-agency strategy meeting.”",
  ],
  [
    "repeat_window_days",
    "Going missing again: within how many days",
    "Guidance: 90 days. Some councils use 3 times in 30 days.",
  ],
  [
    "strategy_meeting_within_working_days",
    "Working days to hold the strategy meeting in",
    "Guidance: “Hold strategy meeting within 3 working days”. Weekends and bank holidays do not count.",
  ],
  [
    "rhi_offer_within_hours",
    "Hours after they come back to offer a return home interview",
    "Guidance: “RHI to be offered within 24hrs”.",
  ],
  [
    "rhi_held_within_hours",
    "Hours after they come back to hold the return home interview",
    "Guidance: “within 72 hours of the child's return”.",
  ],
];

// How long personal information is kept before `homeward retention` deletes it (daily).
const RETENTION = [
  [
    "alert_location_hours",
    "Hours after an alert ends before its location and phone number are deleted",
    "Default 72 hours: the return home interview is held within 72 hours. From 1 to 720.",
  ],
  [
    "stepped_down_contact_days",
    "Days after a trusted person steps down before their details are erased",
    "Default 30 days. A placeholder stays in the plan and alerts. From 1 to 365.",
  ],
  [
    "feedback_answers_days",
    "Days after a month's police-feedback links run out before its answers are kept only as counts",
    "Default 90 days. The figures stay the same. From 1 to 365.",
  ],
  [
    "looked_after_until_age",
    "A young person who was looked after: keep their record until this birthday",
    "The law: until their 75th birthday (Care Planning, Placement and Case Review Regulations 2010, " +
      "regulation 50). From 75 to 100.",
  ],
  [
    "other_until_age",
    "Any other young person: keep their record until this birthday",
    "Default 25, as councils' retention schedules commonly keep children's social care records. From 18 to 75.",
  ],
];

/** A labelled control with a hint and an error slot, as ui.field() lays them out. */
function labelled(label, control, hint = "") {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) {
    control.setAttribute("aria-describedby", hintId);
    control.dataset.hintId = hintId;
  }
  return h(
    "div",
    { class: "field" },
    h("label", { for: control.id, text: label }),
    hint ? h("p", { class: "hint", id: hintId, text: hint }) : null,
    h("p", {
      class: "field-error",
      id: `${control.id}-error`,
      testid: `${control.dataset.testid}-error`,
      hidden: true,
    }),
    control,
  );
}

function numberField(name, label, hint, value, testid) {
  const input = h("input", {
    id: nextId(name),
    name,
    type: "number",
    inputmode: "numeric",
    class: "input-short",
    testid,
    value: String(value),
  });
  return labelled(label, input, hint);
}

function timeInput(name, value, testid) {
  return h("input", { id: nextId(name), name, type: "time", class: "input-short", testid, value });
}

function select(name, options, value, testid) {
  const control = h(
    "select",
    { id: nextId(name), name, testid },
    options.map(([code, text]) => h("option", { value: code, text })),
  );
  control.value = value;
  return control;
}

/** Tick boxes for days; the group takes the field's error (ui.js data-errors-for). */
function dayTicks(field, legend, chosen, testid) {
  const group = h(
    "fieldset",
    { class: "group", "data-errors-for": field, testid },
    h("legend", { class: "row-legend", text: legend }),
    h("p", { class: "field-error", hidden: true, testid: `${testid}-error` }),
    h(
      "div",
      { class: "checks" },
      DAYS.map(([code, name]) => {
        const id = nextId(`${testid}-${code}`);
        const box = h("input", {
          type: "checkbox",
          id,
          value: code,
          "data-day": code,
          testid: `${testid}-${code}`,
        });
        box.checked = chosen.includes(code);
        return h("div", { class: "check" }, box, h("label", { for: id, text: name }));
      }),
    ),
  );
  return group;
}

const ticked = (group) =>
  [...group.querySelectorAll("[data-day]")].filter((box) => box.checked).map((box) => box.value);

// ---- the duty rota ----

function rotaRow(entry, settings) {
  const choices = settings.choices.map((person) => [person.id, person.name]);
  if (entry.social_worker_id && !choices.some(([id]) => id === entry.social_worker_id)) {
    // Still on the rota but no longer able to be: saving asks for someone else.
    choices.push([entry.social_worker_id, `${entry.name || "Someone"} (no longer an active social worker)`]);
  }
  const people = [["", "Choose a social worker"], ...choices];
  const who = select("social_worker_id", people, entry.social_worker_id ?? "", "rota-person");
  const when = select("cover", COVERS, entry.cover ?? "out_of_hours", "rota-cover");
  const days = dayTicks("days", "The days the shift starts on", entry.days ?? [], "rota-days");
  const starts = timeInput("starts", entry.starts || "17:00", "rota-starts");
  const ends = timeInput("ends", entry.ends || "09:00", "rota-ends");
  const shift = h(
    "div",
    { class: "shift", testid: "rota-shift" },
    days,
    labelled("From", starts),
    labelled("Until", ends, "A shift may run past midnight into the next day."),
  );
  const phone = h("input", {
    id: nextId("phone"),
    name: "phone",
    type: "tel",
    autocomplete: "off",
    testid: "rota-phone",
    value: entry.phone ?? "",
  });
  // Each part is named "rota.<n>.<part>" when the rows are numbered (rotaSection).
  const parts = { social_worker_id: who, cover: when, days, starts, ends, phone };
  for (const [part, control] of Object.entries(parts)) control.dataset.part = part;
  const showShift = () => {
    shift.hidden = when.value !== "shift";
  };
  when.addEventListener("change", showShift);
  showShift();
  return [
    labelled("Social worker", who),
    labelled("When they are on duty", when, "Out of hours is evenings, nights, weekends and bank holidays."),
    shift,
    labelled("Phone they are on duty with (optional)", phone, "Only administrators see it."),
  ];
}

function rotaSection(settings) {
  const items = h("ol", { class: "rows", testid: "rota-rows" });
  const add = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "rota-add" },
    "Add a social worker",
  );
  const section = h(
    "fieldset",
    { class: "group", "data-errors-for": "rota", testid: "rota" },
    h("legend", { text: "Social workers on duty" }),
    h("p", {
      class: "hint",
      text:
        "When a young person's people and their carer have not answered an alert, " +
        "it goes to the social worker on duty.",
    }),
    h("p", {
      class: "hint",
      text:
        "The guidance asks for “out of hours services staffed by workers who know/are known by " +
        "young people and carers”.",
    }),
    h("p", {
      testid: "on-duty-now",
      text: settings.on_duty_now.length
        ? `On duty now: ${plainList(settings.on_duty_now.map((person) => person.name))}.`
        : "Nobody is on duty: add a social worker.",
    }),
    h("p", { class: "field-error", hidden: true }),
    items,
    settings.choices.length ? add : h("p", { text: "The council has no active social workers yet." }),
  );

  function renumber() {
    [...items.children].forEach((item, index) => {
      item.querySelector(".row-fields > legend").textContent = `Social worker on the rota ${index + 1}`;
      for (const part of item.querySelectorAll("[data-part]")) {
        const name = `rota.${index}.${part.dataset.part}`;
        if (part.tagName === "FIELDSET") part.dataset.errorsFor = name;
        else part.name = name;
      }
      const remove = item.querySelector("[data-remove]");
      remove.setAttribute("aria-label", `Remove social worker ${index + 1} from the rota`);
    });
    add.hidden = items.children.length >= 20;
  }

  function addRow(entry, focus = false) {
    const remove = h(
      "button",
      { type: "button", class: "button button-small", "data-remove": true, testid: "rota-remove" },
      "Remove",
    );
    const item = h(
      "li",
      { class: "row", testid: "rota-row" },
      h("fieldset", { class: "row-fields" }, h("legend", { class: "row-legend" }), rotaRow(entry, settings), remove),
    );
    remove.addEventListener("click", () => {
      const next = item.nextElementSibling ?? item.previousElementSibling;
      item.remove();
      renumber();
      (next?.querySelector("select") ?? add).focus();
    });
    items.append(item);
    renumber();
    if (focus) item.querySelector("select")?.focus();
  }

  add.addEventListener("click", () => addRow({}, true));
  for (const entry of settings.rota) addRow(entry);
  return section;
}

function rotaValues(form) {
  return [...form.querySelectorAll("[data-testid='rota-row']")].map((item) => {
    const value = (part) => item.querySelector(`[data-part='${part}']`).value.trim();
    const cover = value("cover");
    const shift = cover === "shift";
    return {
      social_worker_id: value("social_worker_id") || null,
      cover,
      phone: value("phone"),
      days: shift ? ticked(item.querySelector("fieldset[data-part='days']")) : [],
      starts: shift ? value("starts") : "",
      ends: shift ? value("ends") : "",
    };
  });
}

// ---- the form ----

function numbers(form, section, fields) {
  return Object.fromEntries(
    fields.map(([name]) => {
      const raw = form.elements[`${section}.${name}`].value.trim();
      // Not a whole number: -1, which the server refuses naming the field.
      return [name, /^\d+$/.test(raw) ? Number(raw) : -1];
    }),
  );
}

function body(form) {
  return {
    escalation: numbers(form, "escalation", ESCALATION),
    office_hours: {
      days: ticked(form.querySelector("[data-errors-for='office_hours.days']")),
      opens: form.elements["office_hours.opens"].value,
      closes: form.elements["office_hours.closes"].value,
    },
    nation: form.elements.nation.value,
    thresholds: numbers(form, "thresholds", THRESHOLDS),
    retention: numbers(form, "retention", RETENTION),
    rota: rotaValues(form),
  };
}

/** Field errors for rota rows with nobody chosen: the server would only say "not a uuid". */
function unchosen(rota) {
  return rota.flatMap((entry, index) =>
    entry.social_worker_id ? [] : [{ field: `rota.${index}.social_worker_id`, message: "Choose a social worker." }],
  );
}

function settingsForm(settings, onSaved) {
  const canChange = settings.can.includes("change");
  const opens = timeInput("office_hours.opens", settings.office_hours.opens, "office-opens");
  const closes = timeInput("office_hours.closes", settings.office_hours.closes, "office-closes");
  const saved = h("p", { role: "status", testid: "settings-saved" });
  const form = h(
    "form",
    { novalidate: true, testid: "council-settings-form" },
    formAlert("settings-error"),
    h(
      "fieldset",
      {},
      h("legend", { text: "When nobody answers an alert" }),
      ESCALATION.map(([name, label, hint]) =>
        numberField(`escalation.${name}`, label, hint, settings.escalation[name], `escalation-${name}`),
      ),
    ),
    rotaSection(settings),
    h(
      "fieldset",
      {},
      h("legend", { text: "Office hours" }),
      h("p", {
        class: "hint",
        text: `UK time (${settings.office_hours.time_zone}). Working days are office days that are not bank holidays.`,
      }),
      dayTicks("office_hours.days", "Office days", settings.office_hours.days, "office-days"),
      labelled("Office opens", opens),
      labelled("Office closes", closes),
      labelled(
        "Bank holidays of",
        select("nation", NATIONS, settings.nation, "nation"),
        "Scotland and Northern Ireland have bank holidays of their own.",
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", { text: "When a young person is missing" }),
      h("p", {
        class: "hint",
        text: "What calls for action, and how soon. Social workers see these as due actions with deadlines.",
      }),
      THRESHOLDS.map(([name, label, hint]) =>
        numberField(`thresholds.${name}`, label, hint, settings.thresholds[name], `threshold-${name}`),
      ),
    ),
    h(
      "fieldset",
      { testid: "retention" },
      h("legend", { text: "How long we keep information" }),
      h("p", {
        class: "hint",
        text:
          "Homeward deletes what is due once a day and records how much, never whose. " +
          "It does not yet delete young people's records at these birthdays: your records manager does.",
      }),
      RETENTION.map(([name, label, hint]) =>
        numberField(`retention.${name}`, label, hint, settings.retention[name], `retention-${name}`),
      ),
    ),
    canChange
      ? h("button", { type: "submit", class: "button button-primary", testid: "settings-save" }, "Save settings")
      : null,
    saved,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    saved.textContent = "";
    const sent = body(form);
    const missing = unchosen(sent.rota);
    if (missing.length) {
      showApiError(form, { title: "Please check what you entered", errors: missing });
      return;
    }
    await whileBusy(form, async () => {
      try {
        onSaved(await putJson("/api/council/settings", sent));
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

export async function render(view, { isCurrent }) {
  const placeholder = loading();
  const area = h("div", { testid: "council-settings" });
  put(
    view,
    heading("Council settings"),
    h("p", {
      text:
        "Alerts, the duty rota, office hours, what calls for action when a young person is missing, " +
        "and how long information is kept.",
    }),
    h("p", {}, h("a", { href: "#/home", testid: "back-to-accounts" }, "Back to accounts")),
    area,
  );
  area.append(placeholder);
  const show = (settings, justSaved = false) => {
    fill(area, settingsForm(settings, (fresh) => show(fresh, true)));
    if (justSaved) {
      const saved = area.querySelector("[data-testid='settings-saved']");
      saved.textContent = "Settings saved.";
      saved.setAttribute("tabindex", "-1");
      saved.focus();
      announce("Settings saved.");
    }
  };
  try {
    const settings = await get("/api/council/settings");
    if (!isCurrent()) return;
    show(settings);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(area, problemBox(error));
  }
}
