// "I'm worried about Jade": where a carer (or social worker) starts. It says what
// happens next in plain words and asks only when and where they were last seen;
// starting opens an episode (the social worker is told) and the step-by-step guide.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { personAndEpisodes } from "./episodes.js";
import { clearErrors, field, fill, formAlert, h, heading, showApiError, whileBusy } from "../ui.js";

function localNow() {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

function missingFrom(role) {
  const id = "missing-from";
  const option = (value, key) =>
    h(
      "div",
      { class: "check" },
      h("input", {
        type: "radio",
        id: `${id}-${value}`,
        name: "missing_from",
        value,
        checked: value === (role === "carer" ? "care" : "home") ? true : null,
        testid: `${id}-${value}`,
      }),
      h("label", { for: `${id}-${value}`, text: t(key) }),
    );
  return h(
    "fieldset",
    { class: "checks checks-stacked", "data-errors-for": "missing_from" },
    h("legend", { text: t("worried.missing_from") }),
    h("p", { class: "field-error", hidden: true }),
    option("care", "episode.from_care"),
    option("home", "episode.from_home"),
  );
}

export async function render(view, { params, me, go, isCurrent }) {
  const [id] = params;
  const found = await personAndEpisodes(view, id, isCurrent);
  if (!found) return;
  const { person, history } = found;
  const open = history.find((episode) => episode.state === "open" || episode.state === "reported");
  if (open) {
    go(`#/episodes/${encodeURIComponent(open.id)}`, { replace: true });
    return;
  }
  const name = person.preferred_name;
  const form = h(
    "form",
    { testid: "worried-form", novalidate: true },
    formAlert("worried-error"),
    field({
      label: t("worried.last_seen_at", { name }),
      name: "last_seen_at",
      type: "datetime-local",
      testid: "worried-when",
      value: localNow(),
      max: localNow(),
    }),
    field({
      label: t("worried.last_seen_where"),
      name: "last_seen_where",
      testid: "worried-where",
      required: false,
      maxlength: 200,
      hint: t("worried.where_hint"),
    }),
    field({
      label: t("worried.circumstances"),
      name: "circumstances",
      testid: "worried-circumstances",
      required: false,
      multiline: true,
      maxlength: 2000,
    }),
    field({
      label: t("worried.description"),
      name: "description",
      testid: "worried-description",
      required: false,
      multiline: true,
      maxlength: 2000,
    }),
    missingFrom(me.user.role),
    h(
      "button",
      { type: "submit", class: "button button-primary button-big", testid: "worried-start" },
      t("worried.start"),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = form.elements.last_seen_at.value;
    try {
      const episode = await whileBusy(form, () =>
        post(`/api/young-people/${encodeURIComponent(id)}/episodes`, {
          last_seen_at: (value ? new Date(value) : new Date()).toISOString(),
          last_seen_where: form.elements.last_seen_where.value.trim(),
          circumstances: form.elements.circumstances.value.trim(),
          description: form.elements.description.value.trim(),
          missing_from: form.querySelector("input[name=missing_from]:checked")?.value ?? "care",
        }),
      );
      go(`#/episodes/${encodeURIComponent(episode.id)}`);
    } catch (error) {
      if (error.status === 401) return;
      showApiError(form, error);
    }
  });
  fill(
    view,
    heading(t("worried.title", { name }), "worried-title"),
    h("p", { class: "danger-line", text: t("worried.danger") }),
    h("p", {}, h("a", { href: "tel:999", class: "button button-danger", testid: "worried-999" }, t("common.call_999"))),
    h("p", { text: t("worried.intro", { name }) }),
    form,
  );
}
