// On a young person's record, for their social worker only (`edit_details` in the
// record's `can`): what the council counts and returns to the DfE. Sex and ethnicity
// use the DfE's codes; the figures show them only as suppressed counts.
import { get, putJson } from "../api.js";
import { t } from "../i18n.js";
import { announce, clearErrors, field, formAlert, h, nextId, problemBox, showApiError, whileBusy } from "../ui.js";

// [code, catalogue key]: the keys are written out so the catalogue test can find them.
const SEXES = [
  ["F", "details.sex_code.f"],
  ["M", "details.sex_code.m"],
  ["U", "details.sex_code.u"],
];
const ETHNICITIES = [
  ["WBRI", "details.ethnic.wbri"],
  ["WIRI", "details.ethnic.wiri"],
  ["WOTH", "details.ethnic.woth"],
  ["WIRT", "details.ethnic.wirt"],
  ["WROM", "details.ethnic.wrom"],
  ["MWBC", "details.ethnic.mwbc"],
  ["MWBA", "details.ethnic.mwba"],
  ["MWAS", "details.ethnic.mwas"],
  ["MOTH", "details.ethnic.moth"],
  ["AIND", "details.ethnic.aind"],
  ["APKN", "details.ethnic.apkn"],
  ["ABAN", "details.ethnic.aban"],
  ["AOTH", "details.ethnic.aoth"],
  ["BCRB", "details.ethnic.bcrb"],
  ["BAFR", "details.ethnic.bafr"],
  ["BOTH", "details.ethnic.both"],
  ["CHNE", "details.ethnic.chne"],
  ["OOTH", "details.ethnic.ooth"],
  ["REFU", "details.ethnic.refu"],
  ["NOBT", "details.ethnic.nobt"],
];

function choice(name, label, codes, value) {
  const id = nextId(name);
  const select = h(
    "select",
    { id, name, testid: `details-${name}` },
    h("option", { value: "", text: t("details.not_recorded") }),
    codes.map(([code, key]) => h("option", { value: code, text: t(key) })),
  );
  select.value = value ?? "";
  return h(
    "div",
    { class: "field" },
    h("label", { for: id, text: label }),
    h("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    select,
  );
}

function tick(name, label, checked) {
  const id = nextId(name);
  const box = h("input", { type: "checkbox", id, name, testid: `details-${name}` });
  box.checked = Boolean(checked);
  return h("div", { class: "check" }, box, h("label", { for: id, text: label }));
}

function form(base, details) {
  const code = field({
    label: t("details.child_code"),
    name: "child_code",
    hint: t("details.child_code_hint"),
    testid: "details-child_code",
    required: false,
    maxlength: "10",
    autocomplete: "off",
  });
  code.querySelector("input").value = details.child_code ?? "";
  // For the police form (Philomena Protocol): who they are and where they live.
  const legalName = field({
    label: t("details.legal_name"),
    name: "legal_name",
    hint: t("details.legal_name_hint"),
    testid: "details-legal_name",
    required: false,
    maxlength: "120",
    autocomplete: "off",
  });
  legalName.querySelector("input").value = details.legal_name ?? "";
  const address = field({
    label: t("details.placement_address"),
    name: "placement_address",
    hint: t("details.placement_address_hint"),
    testid: "details-placement_address",
    required: false,
    maxlength: "300",
    autocomplete: "off",
  });
  address.querySelector("input").value = details.placement_address ?? "";
  const saved = h("p", { role: "status", testid: "details-saved" });
  const element = h(
    "form",
    { testid: "details-form", novalidate: true },
    formAlert("details-error"),
    legalName,
    address,
    choice("sex", t("details.sex"), SEXES, details.sex),
    choice("ethnicity", t("details.ethnicity"), ETHNICITIES, details.ethnicity),
    code,
    tick("looked_after", t("details.looked_after"), details.looked_after),
    tick("placed_out_of_area", t("details.placed_out_of_area"), details.placed_out_of_area),
    h("button", { type: "submit", class: "button button-primary", testid: "details-save" }, t("details.save")),
    saved,
  );
  element.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(element);
    saved.textContent = "";
    const value = (name) => element.elements[name].value.trim() || null;
    const body = {
      sex: value("sex"),
      ethnicity: value("ethnicity"),
      child_code: value("child_code"),
      looked_after: element.elements.looked_after.checked,
      placed_out_of_area: element.elements.placed_out_of_area.checked,
      // "" clears what was kept.
      legal_name: element.elements.legal_name.value.trim(),
      placement_address: element.elements.placement_address.value.trim(),
    };
    await whileBusy(element, async () => {
      try {
        await putJson(`${base}/details`, body);
        saved.textContent = t("details.saved");
        announce(t("details.saved"));
      } catch (error) {
        if (error.status !== 401) showApiError(element, error);
      }
    });
  });
  return element;
}

export async function detailsSection(person) {
  const base = `/api/young-people/${encodeURIComponent(person.id)}`;
  let content;
  try {
    content = form(base, await get(`${base}/details`));
  } catch (error) {
    content = problemBox(error);
  }
  return h(
    "section",
    { "aria-labelledby": "details-heading", testid: "record-details" },
    h("h2", { id: "details-heading", text: t("details.title") }),
    h("p", { text: t("details.intro", { name: person.preferred_name }) }),
    content,
  );
}
