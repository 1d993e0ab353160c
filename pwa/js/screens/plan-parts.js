// The Missing Safety Plan, part by part: titles and labels in the young person's
// words or the adults', and read-only views of each part. Shared by the plan, edit,
// sign and history screens. Section names match docs/api.md.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { fill, h, heading, loading, plainDate, plainList, plainWhen, problemBox, put } from "../ui.js";

// Reading order on every screen.
export const SECTIONS = [
  "about_me",
  "photo",
  "worries",
  "places",
  "trio",
  "carer_steps",
  "coming_back",
  "sharing",
  "professional_notes",
];
export const EDITABLE = SECTIONS.filter((s) => s !== "trio");

// [key of the young person's words, key of the adults' words (with {name})]
const TITLES = {
  about_me: ["plan.section.about_me", "plan.section.about_me_of"],
  photo: ["plan.section.photo", "plan.section.photo_of"],
  worries: ["plan.section.worries", "plan.section.worries_of"],
  places: ["plan.section.places", "plan.section.places_of"],
  trio: ["plan.section.trio", "plan.section.trio_of"],
  carer_steps: ["plan.section.carer_steps", "plan.section.carer_steps_of"],
  coming_back: ["plan.section.coming_back", "plan.section.coming_back_of"],
  sharing: ["plan.section.sharing", "plan.section.sharing_of"],
  professional_notes: ["plan.section.professional_notes", "plan.section.professional_notes_of"],
};

// [field, key of the young person's words, key of the adults' words]
export const ABOUT_FIELDS = [
  ["name_i_like", "plan.about.name_i_like", "plan.about.name_i_like_of"],
  ["phone", "plan.about.phone", "plan.about.phone_of"],
  ["height", "plan.about.height", "plan.about.height_of"],
  ["build", "plan.about.build", "plan.about.build_of"],
  ["hair", "plan.about.hair", "plan.about.hair_of"],
  ["usually_wear", "plan.about.usually_wear", "plan.about.usually_wear_of"],
  ["marks", "plan.about.marks", "plan.about.marks"],
  ["health_needs", "plan.about.health_needs", "plan.about.health_needs"],
  ["medication", "plan.about.medication", "plan.about.medication_of"],
];
// The young person's own words, for everyone: it is their plan.
export const WORRY_FIELDS = [
  ["what_worries_me", "plan.worries.what_worries_me"],
  ["what_sets_it_off", "plan.worries.what_sets_it_off"],
  ["what_helps_me_feel_safe", "plan.worries.what_helps_me_feel_safe"],
];
// "When I come back": the young person's own words, for everyone.
export const COMING_BACK_FIELDS = [
  ["what_helps", "plan.coming_back.what_helps"],
  ["please_dont", "plan.coming_back.please_dont"],
];
export const PLACE_LISTS = [
  ["might_go", "plan.places.might_go", "plan.places.might_go_of"],
  ["safe", "plan.places.safe", "plan.places.safe"],
];
export const SHARE_PARTS = [
  ["about_me", "plan.share.about_me", "plan.share.about_me_of"],
  ["photo", "plan.share.photo", "plan.share.photo_of"],
  ["health", "plan.share.health", "plan.share.health_of"],
  ["worries", "plan.share.worries", "plan.share.worries_of"],
  ["places", "plan.share.places", "plan.share.places"],
  ["trio", "plan.share.trio", "plan.share.trio_of"],
  ["coming_back", "plan.share.coming_back", "plan.share.coming_back_of"],
];
// Who a part can be shared with. Not a school: Homeward has no way to send a school
// anything, so the choice would be a promise nobody keeps (a plan that chose it before
// still loads; "school" is left out of what it says, as nothing reaches one).
export const AUDIENCES = [
  ["carer", "plan.audience.carer", "plan.audience.carer_of"],
  ["police", "plan.audience.police", "plan.audience.police_of"],
  ["trusted_contacts", "plan.audience.trusted_contacts", "plan.audience.trusted_contacts_of"],
];

// The parts of the plan as "Jade changed ..." names them, by the server's section key.
const CHANGED_SECTION = {
  about_me: "plan.changed_section.about_me",
  worries: "plan.changed_section.worries",
  places: "plan.changed_section.places",
  carer_steps: "plan.changed_section.carer_steps",
  coming_back: "plan.changed_section.coming_back",
  sharing: "plan.changed_section.sharing",
  professional_notes: "plan.changed_section.professional_notes",
  trio: "plan.changed_section.trio",
  photo_id: "plan.changed_section.photo_id",
};
// The same, as an adult reads them ("Jade's photo").
const CHANGED_SECTION_OF = {
  about_me: "plan.changed_section_of.about_me",
  worries: "plan.changed_section_of.worries",
  places: "plan.changed_section_of.places",
  carer_steps: "plan.changed_section_of.carer_steps",
  coming_back: "plan.changed_section_of.coming_back",
  sharing: "plan.changed_section_of.sharing",
  professional_notes: "plan.changed_section_of.professional_notes",
  trio: "plan.changed_section_of.trio",
  photo_id: "plan.changed_section_of.photo_id",
};

export const LIMITS = { line: 200, text: 2000, notes: 5000, places: 10, steps: 12 };

/** The young person whose plan this is, and who is looking. */
export function whose({ me, params }) {
  const forYoungPerson = me.user.role === "young_person";
  const id = forYoungPerson ? me.young_person_id : params[0];
  const planHash = forYoungPerson ? "#/plan" : `#/young-people/${encodeURIComponent(id)}/plan`;
  // Linked only when the plan's `can` has "change_people".
  const peopleHash = forYoungPerson ? "#/people" : `#/young-people/${encodeURIComponent(id)}/people`;
  return {
    id,
    rest: forYoungPerson ? params : params.slice(1),
    forYoungPerson,
    role: me.user.role,
    name: forYoungPerson ? me.user.display_name : "",
    api: `/api/young-people/${encodeURIComponent(id)}`,
    planHash,
    peopleHash,
    homeHash: forYoungPerson ? "#/home" : `#/young-people/${encodeURIComponent(id)}`,
  };
}

/** Adults need the young person's name; the server answers 404 to a stranger. */
export async function loadName(who) {
  if (who.forYoungPerson) return;
  const person = await get(who.api);
  who.name = person.preferred_name;
}

/**
 * Show "loading", fetch the young person's name (for adults) and then `path`; on failure
 * fill the screen: "not found" for a stranger (404/403), `whenOffline` with no network,
 * else the problem under `errorTitle`. Returns the reply (true with no path), or
 * undefined when the screen has been filled or left.
 */
export async function loadForScreen(view, who, isCurrent, { path = null, errorTitle, whenOffline = null }) {
  put(view, loading());
  try {
    await loadName(who);
    return path ? await get(path) : true;
  } catch (error) {
    if (!isCurrent() || error.status === 401) return undefined;
    if (error.status === 404 || error.status === 403) notFound(view);
    else if (error.status === 0 && whenOffline) await whenOffline();
    else fill(view, heading(errorTitle), problemBox(error));
    return undefined;
  }
}

export function notFound(view) {
  fill(
    view,
    heading(t("common.not_found"), "not-found"),
    h("p", { text: t("plan.not_found") }),
    h("p", {}, h("a", { href: "#/home" }, t("common.back_home"))),
  );
}

export function sectionTitle(section, who) {
  const [mine, theirs] = TITLES[section];
  return who.forYoungPerson ? t(mine) : t(theirs, { name: who.name });
}

export const words = (row, who) => t(who.forYoungPerson ? row[1] : (row[2] ?? row[1]));

export function privateText(who) {
  return who.forYoungPerson ? t("plan.private_yours") : t("plan.private", { name: who.name });
}

function privateNote(who) {
  return h("p", { class: "private-note", testid: "section-private", text: privateText(who) });
}

function empty(text = t("plan.nothing_written")) {
  return h("p", { class: "empty-note", text });
}

function detailsList(rows, testid) {
  return h(
    "dl",
    { class: "details", testid },
    rows.map(([term, value]) =>
      h(
        "div",
        { class: "detail" },
        h("dt", { text: term }),
        value instanceof Node
          ? h("dd", {}, value)
          : h("dd", {
              class: value ? null : "empty-note",
              dir: value ? "auto" : null,
              text: value || t("plan.not_filled_in"),
            }),
      ),
    ),
  );
}

function placeText(place) {
  return [place.where, place.notes].filter(Boolean).join(". ");
}

function placesList(places, testid) {
  if (!places?.length) return empty(t("plan.none_yet"));
  return h(
    "ul",
    { class: "plain-list", testid },
    places.map((place) =>
      h(
        "li",
        { testid: "place" },
        h("strong", {}, place.name ? h("bdi", { text: place.name }) : t("plan.a_place")),
        placeText(place) ? [" – ", h("bdi", { text: placeText(place) })] : null,
      ),
    ),
  );
}

export function stepText(step) {
  const minutes = Number(step.after_minutes);
  const when =
    minutes === 0
      ? t("plan.step.straight_away")
      : minutes % 60 === 0
        ? t("plan.step.after_hours", { count: minutes / 60 })
        : t("plan.step.after_minutes", { count: minutes });
  return [when, step.action];
}

function stepsList(steps) {
  if (!steps?.length) return empty(t("plan.no_steps"));
  return h(
    "ol",
    { class: "steps-list", testid: "carer-steps" },
    steps.map((step) => {
      const [when, action] = stepText(step);
      return h(
        "li",
        { testid: "carer-step" },
        h("strong", { text: t("common.label", { label: when }) }),
        " ",
        h("bdi", { text: action }),
      );
    }),
  );
}

export function audienceWords(list, who) {
  const names = AUDIENCES.filter(([key]) => list?.includes(key)).map((row) => words(row, who));
  if (!names.length)
    return who.forYoungPerson ? t("plan.only_your_social_worker") : t("plan.only_social_worker");
  const lower = names.map((n, i) => (i === 0 ? n : n.charAt(0).toLowerCase() + n.slice(1)));
  return plainList(lower);
}

function telHref(phone) {
  return `tel:${String(phone).replace(/[^\d+]/g, "")}`;
}

/**
 * "+442079460018" shown the way people write it: "020 7946 0018", "0161 496 0000",
 * "07911 654321", "0300 123 4567" (Ofcom's groupings by the number's first digits).
 */
export function phoneText(phone) {
  const digits = String(phone ?? "");
  const uk = /^\+44(\d{9,10})$/.exec(digits);
  if (!uk) return digits;
  const n = `0${uk[1]}`;
  if (n.length !== 11) return n;
  if (/^02/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (/^01\d1|^011|^0[389]/.test(n)) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
  return `${n.slice(0, 5)} ${n.slice(5)}`;
}

function trioList(trio, who) {
  if (!trio?.length) return empty(who.forYoungPerson ? t("people.none_yours") : t("people.none"));
  return h(
    "ul",
    { class: "cards", testid: "plan-trio" },
    trio.map((person) =>
      h(
        "li",
        { class: "card", testid: "plan-person" },
        h("p", { class: "card-title", dir: "auto" }, h("strong", { text: person.name })),
        person.state === "stepped_down"
          ? h("p", {
              class: "card-detail",
              testid: "plan-person-stepped-down",
              text: who.forYoungPerson
                ? t("people.stepped_down_yours", { name: person.name })
                : t("people.stepped_down", { name: person.name, young_person: who.name }),
            })
          : null,
        person.how_they_know_me
          ? h("p", { class: "card-detail", dir: "auto", text: person.how_they_know_me })
          : null,
        person.phone
          ? h("p", {}, h("a", { href: telHref(person.phone), dir: "ltr", text: phoneText(person.phone) }))
          : null,
        person.email ? h("p", { class: "card-detail", dir: "ltr", text: person.email }) : null,
        person.what_they_will_do ? h("p", { dir: "auto", text: person.what_they_will_do }) : null,
      ),
    ),
  );
}

export function photoSrc(who, photoId) {
  return `${who.api}/plan/photos/${encodeURIComponent(photoId)}`;
}

export function photoAlt(who) {
  return who.forYoungPerson ? t("plan.photo_alt_yours") : t("plan.section.photo_of", { name: who.name });
}

function photoView(content, who, kept) {
  if (content.photo_id) {
    return h("img", {
      class: "plan-photo",
      src: photoSrc(who, content.photo_id),
      alt: photoAlt(who),
      testid: "plan-photo",
    });
  }
  if (kept.includes("photo")) return privateNote(who);
  return empty(t("plan.no_photo"));
}

/**
 * The readable body of one section of a version's content. `kept` is the version's
 * `kept_from_me`: the parts the young person keeps from this reader.
 */
export function sectionBody(section, content, who, kept = []) {
  if (section === "photo") return photoView(content, who, kept);
  const value = content[section];
  if (value === null || value === undefined) {
    return section === "trio" ? trioList([], who) : privateNote(who);
  }
  switch (section) {
    case "about_me":
      return detailsList(
        ABOUT_FIELDS.filter(([key]) => key in value).map((row) => {
          const v = value[row[0]];
          if (v === null) return [words(row, who), privateNote(who)];
          if (row[0] === "phone" && v) {
            return [words(row, who), h("a", { href: telHref(v), dir: "ltr", text: phoneText(v) })];
          }
          return [words(row, who), v];
        }),
        "about-me",
      );
    case "worries":
      return detailsList(
        WORRY_FIELDS.map(([key, label]) => [t(label), value[key]]),
        "worries",
      );
    case "places":
      return h(
        "div",
        { testid: "places" },
        PLACE_LISTS.map((row) => [
          h("p", { class: "list-title", text: words(row, who) }),
          placesList(value[row[0]], `places-${row[0]}`),
        ]),
      );
    case "carer_steps":
      return stepsList(value.steps);
    case "coming_back":
      return detailsList(
        COMING_BACK_FIELDS.map(([key, label]) => [t(label), value[key]]),
        "coming-back",
      );
    case "trio":
      return trioList(value, who);
    case "sharing":
      return detailsList(
        SHARE_PARTS.map((row) => [words(row, who), audienceWords(value[row[0]], who)]),
        "sharing",
      );
    case "professional_notes":
      return value.text
        ? h("p", { class: "notes", testid: "professional-notes", dir: "auto", text: value.text })
        : empty(t("plan.no_notes"));
    default:
      return empty();
  }
}

/** May this person change this section? The plan reply's `can` says (the server's rule). */
export function mayEdit(section, can) {
  return (can ?? []).includes(section === "photo" ? "add_photo" : `edit_${section}`);
}

function editLink(section, who) {
  return h(
    "a",
    {
      href: `${who.planHash}/edit/${section}`,
      class: "button button-small",
      testid: `edit-${section}`,
      "aria-label": t("plan.change_section", { section: sectionTitle(section, who).toLowerCase() }),
    },
    t("common.change"),
  );
}

function peopleLink(who) {
  return h(
    "a",
    { href: who.peopleHash, class: "button button-small", testid: "edit-trio" },
    who.forYoungPerson ? t("plan.change_my_people") : t("plan.change_people_of", { name: who.name }),
  );
}

/**
 * Every section of a version, readable, each with a heading at `level` and, given the
 * plan's `can`, a link to change each part this person may change. `idPrefix` keeps
 * ids unique when two versions are on one screen.
 */
export function versionSections(version, who, { level = 2, can = null, idPrefix = "plan" } = {}) {
  const content = version?.content ?? {};
  const kept = version?.kept_from_me ?? [];
  return SECTIONS.map((section) => {
    const id = `${idPrefix}-${section}`;
    let action = null;
    if (section === "trio" && can?.includes("change_people")) action = peopleLink(who);
    else if (mayEdit(section, can)) action = editLink(section, who);
    return h(
      "section",
      { class: "plan-section", "aria-labelledby": id, testid: `section-${section}` },
      h("div", { class: "section-head" }, h(`h${level}`, { id, text: sectionTitle(section, who) }), action),
      version ? sectionBody(section, content, who, kept) : empty(),
    );
  });
}

// Who signs, in the words of whoever is reading.
/** Who would have to sign again after a change now ("Priya Shah (the carer) and ..."),
 * as a warning shown before the edit is made; null when nobody would. */
export function signAgainWarning(plan, who) {
  const people = (plan.sign_again ?? []).map((person) =>
    person.role === "young_person" ? person.name : `${person.name} (${signerWords(person.role, who)})`,
  );
  if (!people.length) return null;
  const key = plan.draft
    ? who.forYoungPerson
      ? "plan_edit.sign_again_draft_yours"
      : "plan_edit.sign_again_draft"
    : who.forYoungPerson
      ? "plan_edit.sign_again_agreed_yours"
      : "plan_edit.sign_again_agreed";
  return h("p", {
    class: "notice",
    role: "note",
    testid: "sign-again-warning",
    text: t(key, { names: plainList(people) }),
  });
}

export function signerWords(role, who) {
  if (who.forYoungPerson) {
    const key = {
      young_person: "plan.signer.you",
      carer: "plan.signer.your_carer",
      social_worker: "plan.signer.your_social_worker",
    }[role];
    return key ? t(key) : role;
  }
  if (role === who.role) return t("plan.signer.you");
  if (role === "young_person") return who.name;
  const key = { carer: "plan.signer.the_carer", social_worker: "plan.signer.the_social_worker" }[role];
  return key ? t(key) : role;
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Who has signed this version and who still needs to, in plain words. */
export function signingStatus(version, who) {
  const signed = version.signatures.map((s) =>
    h(
      "li",
      { testid: "signed-by" },
      h("strong", { text: s.role === roleOf(who) ? t("plan.signer_you", { name: s.name }) : s.name }),
      " ",
      t("plan.signed_when", { when: whenPhrase(s.signed_at) }),
    ),
  );
  const still = version.still_to_sign.map((role) => signerWords(role, who));
  return h(
    "div",
    { class: "signing", testid: "signing-status" },
    signed.length
      ? h("ul", { class: "plain-list", testid: "signatures" }, signed)
      : h("p", { testid: "signatures", text: t("plan.nobody_signed") }),
    still.length
      ? h(
          "p",
          { testid: "still-to-sign" },
          h("strong", { text: t("plan.still_to_sign") }),
          " ",
          t("common.sentence", { text: capital(plainList(still)) }),
        )
      : null,
  );
}

/** "today at 2:05 pm", "yesterday at 9:30 am" or "on Monday 3 March 2025 at 2:05 pm". */
export function whenPhrase(value) {
  return plainWhen(value, { style: "on" });
}

function roleOf(who) {
  return who.forYoungPerson ? "young_person" : who.role;
}

export function agreedText(version, who) {
  if (version.agreed_at) {
    const date = plainDate(version.agreed_at);
    return who.forYoungPerson ? t("plan.agreed_yours_on", { date }) : t("plan.agreed_on", { date });
  }
  return who.forYoungPerson ? t("plan.agreed_yours") : t("plan.agreed");
}

function changeWords(change, who) {
  // The young person reads "my photo"; an adult reads "Sam Okafor changed Jade's photo",
  // or, when Jade changed it herself, the server's "Jade changed their photo".
  const key = (who.forYoungPerson ? CHANGED_SECTION : CHANGED_SECTION_OF)[change.section_key];
  let section = change.section;
  if (key && (who.forYoungPerson || (who.name && change.role !== "young_person"))) {
    section = t(key, { name: who.name });
  }
  return change.role === roleOf(who) && who.forYoungPerson
    ? t("plan.you_changed", { section })
    : t("plan.someone_changed", { name: change.name, section });
}

/** "Jade changed what worries me, today at 2:05 pm", newest first, a few at most. */
export function changesList(version, who, shown = 5) {
  const changes = version.changes ?? [];
  if (!changes.length) return null;
  const items = changes
    .slice(0, shown)
    .map((c) =>
      h(
        "li",
        { testid: "change" },
        changeWords(c, who),
        h("span", { class: "when", text: ` – ${plainWhen(c.at)}` }),
      ),
    );
  const more = changes.length - shown;
  return h(
    "div",
    { class: "changes" },
    h("p", { class: "list-title", text: t("plan.changes_so_far") }),
    h("ul", { class: "plain-list", testid: "changes" }, items),
    more > 0 ? h("p", { class: "hint", text: t("plan.and_more", { count: more }) }) : null,
  );
}

// A message carried to the next screen (e.g. "Saved" after an edit form).
let flash = null;

export function setFlash(text, testid = "plan-flash") {
  flash = { text, testid };
}

export function takeFlash() {
  const taken = flash;
  flash = null;
  return taken ? h("p", { class: "notice", role: "status", testid: taken.testid, text: taken.text }) : null;
}
