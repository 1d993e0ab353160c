// The plan's versions, newest first, and what changed in each one compared with the
// one before, in plain words.
import { get } from "../api.js";
import { t } from "../i18n.js";
import {
  fill,
  h,
  heading,
  loading,
  nextId,
  plainDate,
  plainWhen,
  problemBox,
} from "../ui.js";
import {
  ABOUT_FIELDS,
  PLACE_LISTS,
  SHARE_PARTS,
  COMING_BACK_FIELDS,
  WORRY_FIELDS,
  audienceWords,
  loadForScreen,
  sectionTitle,
  stepText,
  whose,
  words,
} from "./plan-parts.js";

function title(who) {
  return who.forYoungPerson ? t("history.title") : t("history.title_of", { name: who.name });
}

function statusWords(version, who) {
  const forYoungPerson = {
    agreed: "history.status.agreed",
    superseded: "history.status.superseded",
    draft: "history.status.draft",
  };
  const forAdults = {
    agreed: "history.status.agreed_of",
    superseded: "history.status.superseded_of",
    draft: "history.status.draft_of",
  };
  const key = (who.forYoungPerson ? forYoungPerson : forAdults)[version.status];
  return key ? t(key) : version.status;
}

function findRow(rows, key) {
  return rows.find((row) => row[0] === key);
}

function changeLabel(change, who) {
  const { section, field } = change;
  const row =
    (section === "about_me" && findRow(ABOUT_FIELDS, field)) ||
    (section === "worries" && findRow(WORRY_FIELDS, field)) ||
    (section === "coming_back" && findRow(COMING_BACK_FIELDS, field)) ||
    (section === "places" && findRow(PLACE_LISTS, field));
  if (row) return words(row, who);
  if (section === "sharing") {
    const part = findRow(SHARE_PARTS, field);
    const quoted = part ? t("alert_answer.quoted", { words: words(part, who).toLowerCase() }) : field;
    return t("history.who_can_see", { part: quoted });
  }
  if (section === "photo_id") return sectionTitle("photo", who);
  if (["carer_steps", "professional_notes", "trio"].includes(section)) return sectionTitle(section, who);
  return [section, field].filter(Boolean).join(" ").replaceAll("_", " ");
}

function valueText(change, value, who) {
  const { section } = change;
  if (section === "sharing") return audienceWords(value ?? [], who);
  if (value === null || value === undefined || value === "") return "";
  if (Array.isArray(value)) {
    if (!value.length) return "";
    if (section === "places") {
      return value.map((p) => [p.name, p.where].filter(Boolean).join(", ")).join("; ");
    }
    if (section === "carer_steps") return value.map((step) => stepText(step).join(": ")).join("; ");
    if (section === "trio") return value.map((person) => person.name).join(", ");
    return value.map(String).join(", ");
  }
  return String(value);
}

function changeItem(change, who) {
  const label = changeLabel(change, who);
  const item = h(
    "li",
    {
      class: "change-item",
      testid: "change-item",
      "data-change": [change.section, change.field].filter(Boolean).join("."),
    },
    h("p", {}, h("strong", { text: label })),
  );
  if (change.section === "photo_id") {
    item.append(h("p", { text: change.before ? t("history.photo_changed") : t("history.photo_added") }));
    return item;
  }
  const before = valueText(change, change.before, who);
  const after = valueText(change, change.after, who);
  if (!before)
    item.append(
      h(
        "p",
        { testid: "change-added" },
        h("span", { class: "change-word", text: t("history.added") }),
        " ",
        h("bdi", { text: after }),
      ),
    );
  else if (!after)
    item.append(
      h(
        "p",
        { testid: "change-removed" },
        h("span", { class: "change-word", text: t("history.taken_out") }),
        " ",
        h("bdi", { text: before }),
      ),
    );
  else {
    item.append(
      h(
        "p",
        { testid: "change-before" },
        h("span", { class: "change-word", text: t("history.before") }),
        " ",
        h("bdi", { text: before }),
      ),
      h(
        "p",
        { testid: "change-after" },
        h("span", { class: "change-word", text: t("history.now") }),
        " ",
        h("bdi", { text: after }),
      ),
    );
  }
  return item;
}

function changesPanel(changes, who) {
  if (!changes.length) return h("p", { text: t("history.nothing_changed") });
  return h(
    "ul",
    { class: "change-list", testid: "what-changed" },
    changes.map((change) => changeItem(change, who)),
  );
}

function versionItem(version, who, isCurrent) {
  const panelId = nextId("changes");
  const panel = h("div", { id: panelId, class: "change-panel", testid: "change-panel", hidden: true });
  const when = version.agreed_at
    ? t("history.agreed_on", { date: plainDate(version.agreed_at) })
    : t("history.last_changed", { when: plainWhen(version.updated_at, { style: "sentence" }) });
  const item = h(
    "li",
    { class: "card", testid: "version", "data-number": String(version.number) },
    h("h2", { class: "card-heading", text: t("history.version", { number: version.number }) }),
    h("p", { testid: "version-status", text: statusWords(version, who) }),
    h("p", { class: "card-detail", text: when }),
  );
  if (version.number <= 1) {
    item.append(h("p", { class: "card-detail", text: t("history.first") }));
    return item;
  }
  const toggle = h(
    "button",
    {
      type: "button",
      class: "button button-secondary",
      testid: "show-changes",
      "aria-expanded": "false",
      "aria-controls": panelId,
    },
    t("history.what_changed"),
  );
  let loaded = false;
  toggle.addEventListener("click", async () => {
    const open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    panel.hidden = open;
    if (open || loaded) return;
    panel.replaceChildren(loading());
    try {
      const changes = await get(
        `${who.api}/plan/compare?first=${version.number - 1}&second=${version.number}`,
      );
      if (!isCurrent()) return;
      loaded = true;
      panel.replaceChildren(
        h("p", { class: "hint", text: t("history.compared", { number: version.number - 1 }) }),
        changesPanel(changes, who),
      );
    } catch (error) {
      if (error.status !== 401) panel.replaceChildren(problemBox(error));
    }
  });
  item.append(toggle, panel);
  return item;
}

export async function render(view, { params, me, isCurrent }) {
  const who = whose({ me, params });
  const versions = await loadForScreen(view, who, isCurrent, {
    path: `${who.api}/plan/versions`,
    errorTitle: title(who),
  });
  if (versions === undefined) return;
  if (!isCurrent()) return;
  fill(
    view,
    heading(title(who)),
    h("p", {
      text: who.forYoungPerson ? t("history.intro") : t("history.intro_of"),
    }),
    versions.length
      ? h(
          "ol",
          { class: "cards versions", testid: "versions" },
          versions.map((version) => versionItem(version, who, isCurrent)),
        )
      : h("p", { testid: "versions", text: t("history.none") }),
    h(
      "p",
      {},
      h(
        "a",
        { href: who.planHash, testid: "link-plan" },
        who.forYoungPerson ? t("plan.back_yours") : t("plan.back"),
      ),
    ),
  );
}
