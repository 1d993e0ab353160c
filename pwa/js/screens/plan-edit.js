// Changing one part of the plan: #/plan/edit/<section> (young person) and
// #/young-people/<id>/plan/edit/<section> (carer, social worker). Saving starts new
// changes (a draft) if there were none; everyone signs them again.
import { get, putJson } from "../api.js";
import { t } from "../i18n.js";
import {
  clearErrors,
  field,
  fill,
  formAlert,
  h,
  heading,
  nextId,
  put,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";
import {
  ABOUT_FIELDS,
  AUDIENCES,
  COMING_BACK_FIELDS,
  EDITABLE,
  LIMITS,
  PLACE_LISTS,
  SHARE_PARTS,
  WORRY_FIELDS,
  loadForScreen,
  mayEdit,
  notFound,
  phoneText,
  photoAlt,
  photoSrc,
  privateText,
  sectionTitle,
  setFlash,
  signAgainWarning,
  whose,
  words,
} from "./plan-parts.js";

// iPhones save HEIC; some browsers give such a file no type, so its name decides.
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
const PHOTO_NAMES = /\.(jpe?g|png|webp|heic|heif)$/i;
// [key of the young person's words, key of the adults' words]
const ABOUT_HINTS = {
  phone: ["plan_edit.phone_hint", "plan_edit.phone_hint_of"],
  build: ["plan_edit.build_hint", "plan_edit.build_hint"],
};
const PHOTO_MAX_BYTES = 15_000_000; // as the camera saved it; the server says the same
const PHOTO_LONGEST_SIDE = 1600; // the server keeps 800: twice that is plenty to send
const MAX_MINUTES = 7 * 24 * 60;

/** field() with a starting value (a textarea's value is not an attribute). */
function filled(options, value) {
  const wrap = field({ required: false, ...options });
  wrap.querySelector("input, textarea").value = value ?? "";
  return wrap;
}

function submitRow(label) {
  return h(
    "div",
    { class: "button-row" },
    h("button", { type: "submit", class: "button button-primary", testid: "save-section" }, label),
  );
}

// The server checks every part too; its messages for lists are technical, so they
// are put in plain words here (the inputs' own limits mean they rarely show).
function plainProblem(error) {
  const errors = (error.errors ?? []).map((e) => {
    const text = String(e.message ?? "");
    if (!text.includes("`")) return e;
    const long = /length <= (\d+)/.exec(text);
    let message = t("plan_edit.check_this");
    if (long) message = t("plan_edit.too_long", { count: Number(long[1]) });
    else if (/field `name`/.test(text)) message = t("plan_edit.name_each_place");
    else if (/`int`/.test(text)) message = t("plan_edit.whole_minutes", { max: MAX_MINUTES });
    else if (/length <= |max_length/.test(text)) message = t("plan_edit.too_many");
    return { ...e, message };
  });
  return { ...error, errors };
}

function valueOf(form, name) {
  return form.querySelector(`[name="${CSS.escape(name)}"]`)?.value.trim() ?? "";
}

// ---- About me, what worries me, notes: plain text fields ----

function aboutForm(content, who) {
  const about = content.about_me ?? {};
  // A field the server doesn't send (an older plan) is still offered; a null one is
  // private to this reader and left out, so saving can't wipe it.
  const shown = ABOUT_FIELDS.filter(([key]) => about[key] !== null);
  return {
    intro: who.forYoungPerson ? t("plan_edit.about_intro") : t("plan_edit.about_intro_of"),
    fields: shown.map((row) => {
      const [key] = row;
      const long = key === "health_needs" || key === "medication";
      return filled(
        {
          label: words(row, who),
          name: key,
          testid: `about-${key}`,
          hint: ABOUT_HINTS[key] ? t(ABOUT_HINTS[key][who.forYoungPerson ? 0 : 1]) : undefined,
          type: key === "phone" ? "tel" : "text",
          autocomplete: key === "phone" ? "tel" : "off",
          maxlength: long ? LIMITS.text : key === "phone" ? 30 : LIMITS.line,
          multiline: long,
        },
        key === "phone" ? phoneText(about[key]) : about[key],
      );
    }),
    hiddenNote:
      about.health_needs === null
        ? h("p", { class: "hint", text: t("plan_edit.health_private", { reason: privateText(who) }) })
        : null,
    body: (form) => Object.fromEntries(shown.map(([key]) => [key, valueOf(form, key)])),
  };
}

function worriesForm(content, who) {
  const worries = content.worries ?? {};
  return {
    intro: who.forYoungPerson
      ? t("plan_edit.worries_intro")
      : t("plan_edit.worries_intro_of", { name: who.name }),
    fields: WORRY_FIELDS.map(([key, label]) =>
      filled(
        { label: t(label), name: key, testid: `worries-${key}`, maxlength: LIMITS.text, multiline: true },
        worries[key],
      ),
    ),
    body: (form) => Object.fromEntries(WORRY_FIELDS.map(([key]) => [key, valueOf(form, key)])),
  };
}

function comingBackForm(content, who) {
  const wishes = content.coming_back ?? {};
  return {
    intro: who.forYoungPerson ? t("plan_edit.coming_back_intro") : t("plan_edit.coming_back_intro_of", { name: who.name }),
    fields: COMING_BACK_FIELDS.map(([key, label]) =>
      filled(
        { label: t(label), name: key, testid: `coming-back-${key}`, maxlength: LIMITS.text, multiline: true },
        wishes[key],
      ),
    ),
    body: (form) => Object.fromEntries(COMING_BACK_FIELDS.map(([key]) => [key, valueOf(form, key)])),
  };
}

function notesForm(content, who) {
  return {
    intro: t("plan_edit.notes_intro", { name: who.name }),
    fields: [
      filled(
        {
          label: t("plan_edit.notes"),
          name: "text",
          testid: "notes-text",
          maxlength: LIMITS.notes,
          multiline: true,
        },
        content.professional_notes?.text,
      ),
    ],
    body: (form) => ({ text: valueOf(form, "text") }),
  };
}

// ---- Lists of rows: places, carer's steps ----

/**
 * A list the person can add rows to and take rows away from. `makeRow(values)`
 * returns the row's fields; inputs are named "<list>.<n>.<field>" so an error can
 * go next to the one that needs fixing.
 */
function rowsEditor({ list, legend, hint, rows, max, rowName, addLabel, makeRow, testid }) {
  const items = h("ol", { class: "rows", testid: `${testid}-rows` });
  const addButton = h(
    "button",
    { type: "button", class: "button button-secondary", testid: `${testid}-add` },
    addLabel,
  );
  const group = h(
    "fieldset",
    { class: "group", "data-errors-for": list, testid },
    h("legend", { text: legend }),
    hint ? h("p", { class: "hint", text: hint }) : null,
    h("p", { class: "field-error", hidden: true, id: nextId(`${list}-error`) }),
    items,
    addButton,
  );

  function renumber() {
    [...items.children].forEach((item, index) => {
      item.querySelector("legend").textContent = t(rowName.legend, { number: index + 1 });
      for (const input of item.querySelectorAll("[data-part]")) {
        input.name = `${list}.${index}.${input.dataset.part}`;
      }
      item
        .querySelector("[data-remove]")
        .setAttribute("aria-label", t(rowName.remove, { number: index + 1 }));
    });
    addButton.disabled = items.children.length >= max;
    addButton.hidden = items.children.length >= max;
  }

  function addRow(values = {}, focus = false) {
    const remove = h(
      "button",
      { type: "button", class: "button button-small", "data-remove": true, testid: `${testid}-remove` },
      t("common.remove"),
    );
    const item = h(
      "li",
      { class: "row", testid: `${testid}-row` },
      h("fieldset", { class: "row-fields" }, h("legend", { class: "row-legend" }), makeRow(values), remove),
    );
    remove.addEventListener("click", () => {
      const next = item.nextElementSibling ?? item.previousElementSibling;
      item.remove();
      renumber();
      (next?.querySelector("input") ?? addButton).focus();
    });
    items.append(item);
    renumber();
    if (focus) item.querySelector("input")?.focus();
  }

  addButton.addEventListener("click", () => addRow({}, true));
  for (const row of rows) addRow(row);
  return group;
}

function rowValues(group) {
  return [...group.querySelectorAll(":scope > .rows > li")].map((item) => {
    const values = {};
    for (const input of item.querySelectorAll("[data-part]")) values[input.dataset.part] = input.value.trim();
    return {
      values,
      names: Object.fromEntries(
        [...item.querySelectorAll("[data-part]")].map((i) => [i.dataset.part, i.name]),
      ),
    };
  });
}

function partField(options, value, part) {
  const wrap = filled(options, value);
  wrap.querySelector("input, textarea").dataset.part = part;
  return wrap;
}

function placesForm(content, who) {
  const places = content.places ?? { might_go: [], safe: [] };
  const groups = PLACE_LISTS.map((row) => {
    const [list] = row;
    return rowsEditor({
      list,
      legend: words(row, who),
      hint:
        list === "might_go"
          ? who.forYoungPerson
            ? t("plan_edit.might_go_hint")
            : t("plan_edit.might_go_hint_of")
          : who.forYoungPerson
            ? t("plan_edit.safe_hint")
            : t("plan_edit.safe_hint_of"),
      rows: places[list] ?? [],
      max: LIMITS.places,
      rowName: { legend: "plan_edit.place_number", remove: "plan_edit.remove_place" },
      addLabel: list === "might_go" ? t("plan_edit.add_might_go") : t("plan_edit.add_safe"),
      testid: `places-${list}`,
      makeRow: (values) => [
        partField(
          {
            label: t("plan_edit.place_name"),
            name: `${list}.x.name`,
            maxlength: LIMITS.line,
            testid: "place-name",
          },
          values.name,
          "name",
        ),
        partField(
          {
            label: t("plan_edit.place_where"),
            name: `${list}.x.where`,
            maxlength: LIMITS.line,
            testid: "place-where",
          },
          values.where,
          "where",
        ),
        partField(
          {
            label: t("plan_edit.place_notes"),
            name: `${list}.x.notes`,
            maxlength: LIMITS.line,
            testid: "place-notes",
          },
          values.notes,
          "notes",
        ),
      ],
    });
  });
  return {
    intro: who.forYoungPerson ? t("plan_edit.places_intro") : t("plan_edit.places_intro_of"),
    fields: groups,
    check: (form) => {
      const problems = [];
      for (const group of groups) {
        for (const { values, names } of rowValues(group)) {
          const anything = values.name || values.where || values.notes;
          if (anything && !values.name)
            problems.push({ field: names.name, message: t("plan_edit.name_this_place") });
        }
      }
      return problems;
    },
    body: () =>
      Object.fromEntries(
        groups.map((group, i) => [
          PLACE_LISTS[i][0],
          rowValues(group)
            .map(({ values }) => values)
            .filter((v) => v.name)
            .map(({ name, where, notes }) => ({ name, where, notes })),
        ]),
      ),
  };
}

function stepsForm(content, who) {
  const group = rowsEditor({
    list: "steps",
    legend: t("plan_edit.steps"),
    hint: who.forYoungPerson ? t("plan_edit.steps_hint") : t("plan_edit.steps_hint_of", { name: who.name }),
    rows: content.carer_steps?.steps ?? [],
    max: LIMITS.steps,
    rowName: { legend: "plan_edit.step_number", remove: "plan_edit.remove_step" },
    addLabel: t("plan_edit.add_step"),
    testid: "steps",
    makeRow: (values) => [
      partField(
        {
          label: t("plan_edit.step_minutes"),
          name: "steps.x.after_minutes",
          type: "number",
          inputmode: "numeric",
          min: 0,
          max: MAX_MINUTES,
          step: 1,
          testid: "step-minutes",
          class: "input-short",
        },
        values.after_minutes ?? "",
        "after_minutes",
      ),
      partField(
        {
          label: t("plan_edit.step_action"),
          name: "steps.x.action",
          maxlength: LIMITS.line,
          testid: "step-action",
        },
        values.action,
        "action",
      ),
    ],
  });
  return {
    intro: null,
    fields: [group],
    check: () => {
      const problems = [];
      for (const { values, names } of rowValues(group)) {
        if (!values.after_minutes && !values.action) continue;
        const minutes = Number(values.after_minutes);
        if (
          values.after_minutes === "" ||
          !Number.isInteger(minutes) ||
          minutes < 0 ||
          minutes > MAX_MINUTES
        ) {
          problems.push({
            field: names.after_minutes,
            message: t("plan_edit.write_whole_minutes", { max: MAX_MINUTES }),
          });
        }
        if (!values.action) problems.push({ field: names.action, message: t("plan_edit.write_action") });
      }
      return problems;
    },
    body: () => ({
      steps: rowValues(group)
        .map(({ values }) => values)
        .filter((v) => v.after_minutes !== "" || v.action)
        .map((v) => ({ after_minutes: Number(v.after_minutes), action: v.action })),
    }),
  };
}

// ---- Who can see what ----

function sharingForm(content, who) {
  const sharing = content.sharing ?? {};
  const groups = SHARE_PARTS.map((row) => {
    const [part] = row;
    return h(
      "fieldset",
      { class: "group", "data-errors-for": part, testid: `share-${part}` },
      h("legend", { text: words(row, who) }),
      h("p", { class: "field-error", hidden: true }),
      h(
        "div",
        { class: "checks" },
        AUDIENCES.map((audience) => {
          const id = nextId(`${part}-${audience[0]}`);
          const box = h("input", {
            type: "checkbox",
            id,
            name: `${part}.${audience[0]}`,
            value: audience[0],
            testid: `share-${part}-${audience[0]}`,
          });
          box.checked = (sharing[part] ?? []).includes(audience[0]);
          return h("div", { class: "check" }, box, h("label", { for: id, text: words(audience, who) }));
        }),
      ),
    );
  });
  const explain = who.forYoungPerson
    ? [t("plan_edit.sharing_1"), t("plan_edit.sharing_2"), t("plan_edit.sharing_3")]
    : [t("plan_edit.sharing_1_of", { name: who.name }), t("plan_edit.sharing_2_of")];
  return {
    intro: h(
      "div",
      { class: "explain", testid: "sharing-explain" },
      explain.map((text) => h("p", { text })),
    ),
    fields: groups,
    body: (form) =>
      Object.fromEntries(
        SHARE_PARTS.map(([part]) => [
          part,
          AUDIENCES.map(([key]) => key).filter(
            (key) => form.querySelector(`[name="${part}.${key}"]`)?.checked,
          ),
        ]),
      ),
  };
}

// ---- Photo ----

function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener("load", () => resolve(String(reader.result).split(",", 2)[1] ?? ""));
    reader.addEventListener("error", () => reject(reader.error));
    reader.readAsDataURL(file);
  });
}

/**
 * The photo made small on the phone before it is sent (a 10 MB camera JPEG becomes a few
 * hundred KB: quicker and cheaper on a young person's data). Drawing it on a canvas also
 * leaves its hidden details behind. A photo this browser cannot draw (HEIC outside
 * Safari) is sent as it is; the server converts it.
 */
async function smallPhoto(file) {
  if (typeof createImageBitmap !== "function") return file;
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  const scale = Math.min(1, PHOTO_LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close?.();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  return blob ?? file;
}

function photoForm(content, who) {
  const current = content.photo_id
    ? h("img", {
        class: "plan-photo",
        src: photoSrc(who, content.photo_id),
        alt: photoAlt(who),
        testid: "current-photo",
      })
    : h("p", { class: "empty-note", text: t("plan.no_photo") });
  const input = field({
    label: who.forYoungPerson
      ? t("plan_edit.photo_choose")
      : t("plan_edit.photo_choose_of", { name: who.name }),
    name: "photo",
    type: "file",
    accept: [...PHOTO_TYPES, ".heic", ".heif"].join(","),
    testid: "photo-file",
    hint: t("plan_edit.photo_hint"),
  });
  return {
    intro: who.forYoungPerson ? t("plan_edit.photo_intro") : t("plan_edit.photo_intro_of"),
    fields: [
      h(
        "div",
        { class: "photo-now" },
        h("p", { class: "list-title", text: t("plan_edit.photo_now") }),
        current,
      ),
      input,
    ],
    check: (form) => {
      const file = form.elements.photo.files[0];
      if (!file) return [{ field: "photo", message: t("plan_edit.photo_first") }];
      if (!PHOTO_TYPES.includes(file.type) && !PHOTO_NAMES.test(file.name))
        return [{ field: "photo", message: t("plan_edit.photo_type") }];
      if (file.size > PHOTO_MAX_BYTES) return [{ field: "photo", message: t("plan_edit.photo_too_big") }];
      return [];
    },
    body: async (form) => ({ photo: await readAsBase64(await smallPhoto(form.elements.photo.files[0])) }),
    path: "photo",
    submit: t("plan_edit.save_photo"),
  };
}

const FORMS = {
  about_me: aboutForm,
  worries: worriesForm,
  places: placesForm,
  carer_steps: stepsForm,
  coming_back: comingBackForm,
  sharing: sharingForm,
  professional_notes: notesForm,
  photo: photoForm,
};

function whyNot(section, who) {
  if (section === "professional_notes") {
    return t("plan_edit.notes_not_yours");
  }
  if (section === "sharing") return t("plan_edit.sharing_not_yours", { name: who.name });
  return privateText(who);
}

export async function render(view, { params, me, go, isCurrent }) {
  const who = whose({ me, params });
  const [section] = who.rest;
  if (!EDITABLE.includes(section)) {
    notFound(view);
    return;
  }
  const plan = await loadForScreen(view, who, isCurrent, {
    path: `${who.api}/plan`,
    errorTitle: t("plan_edit.change_the_plan"),
  });
  if (plan === undefined) return;
  if (!isCurrent()) return;
  const title = sectionTitle(section, who);
  const back = h(
    "p",
    {},
    h(
      "a",
      { href: who.planHash, testid: "link-plan" },
      who.forYoungPerson ? t("plan.back_yours") : t("plan.back"),
    ),
  );
  const content = (plan.draft ?? plan.agreed)?.content ?? {};
  if (!mayEdit(section, plan.can)) {
    fill(view, heading(title), h("p", { testid: "cannot-edit", text: whyNot(section, who) }), back);
    return;
  }

  const spec = FORMS[section](content, who);
  const form = h(
    "form",
    { novalidate: true, testid: `edit-${section}-form` },
    formAlert("edit-error"),
    spec.fields,
    spec.hiddenNote ?? null,
    submitRow(spec.submit ?? t("plan_edit.save")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const problems = spec.check ? spec.check(form) : [];
    if (problems.length) {
      showFormProblem(form, t("common.check_details"), "", problems);
      return;
    }
    let saved;
    try {
      await whileBusy(form, async () => {
        const body = await spec.body(form);
        const path = spec.path === "photo" ? `${who.api}/plan/photo` : `${who.api}/plan/sections/${section}`;
        saved = await putJson(path, body);
      });
    } catch (error) {
      if (isCurrent() && error.status !== 401) showApiError(form, plainProblem(error));
      return;
    }
    if (saved?.unchanged) setFlash(t("plan_edit.no_changes"));
    else setFlash(who.forYoungPerson ? t("plan_edit.saved_yours") : t("plan_edit.saved"));
    go(who.planHash);
  });

  fill(
    view,
    heading(t("plan_edit.title", { section: title })),
    typeof spec.intro === "string" ? h("p", { text: spec.intro }) : spec.intro,
    signAgainWarning(plan, who),
    form,
    back,
  );
}
