// The Missing Safety Plan, part by part: titles and labels in the young person's
// words or the adults', and read-only views of each part. Shared by the plan, edit,
// sign and history screens. Section names match docs/api.md.
import { get } from "../api.js";
import { fill, h, heading, loading, plainDate, plainList, plainWhen, problemBox, put } from "../ui.js";

// Reading order on every screen.
export const SECTIONS = [
  "about_me",
  "photo",
  "worries",
  "places",
  "trio",
  "carer_steps",
  "sharing",
  "professional_notes",
];
export const EDITABLE = SECTIONS.filter((s) => s !== "trio");

const TITLES = {
  about_me: ["About me", (n) => `About ${n}`],
  photo: ["My photo", (n) => `Photo of ${n}`],
  worries: ["What worries me", (n) => `What worries ${n}`],
  places: ["Places I might go, and safe places", (n) => `Places ${n} might go, and safe places`],
  trio: ["My people", (n) => `${n}'s people`],
  carer_steps: ["What my carer will do if I'm not back", (n) => `What the carer will do if ${n} is not back`],
  sharing: ["Who can see what", (n) => `Who can see what (${n}'s choice)`],
  professional_notes: ["Notes from my carer and social worker", () => "Notes from professionals"],
};

// [field, young person's words, adults' words]
export const ABOUT_FIELDS = [
  ["name_i_like", "The name I like", "Name they like"],
  ["phone", "My phone number", "Their phone number"],
  ["height", "How tall I am", "Height"],
  ["build", "My build", "Build"],
  ["hair", "My hair", "Hair"],
  ["usually_wear", "What I usually wear", "Usually wears"],
  ["marks", "Marks, scars or tattoos", "Marks, scars or tattoos"],
  ["health_needs", "Health needs", "Health needs"],
  ["medication", "Medicines I take", "Medication"],
];
// The young person's own words, for everyone: it is their plan.
export const WORRY_FIELDS = [
  ["what_worries_me", "What worries me"],
  ["what_sets_it_off", "What can set it off"],
  ["what_helps_me_feel_safe", "What helps me feel safe"],
];
export const PLACE_LISTS = [
  ["might_go", "Places I might go", "Places they might go"],
  ["safe", "Safe places", "Safe places"],
];
export const SHARE_PARTS = [
  ["about_me", "What I look like (about me)", "Description (about me)"],
  ["photo", "My photo", "Photo"],
  ["health", "My health needs and medicines", "Health needs and medication"],
  ["worries", "What worries me", "What worries them"],
  ["places", "Places", "Places"],
  ["trio", "My people", "Trusted people"],
];
export const AUDIENCES = [
  ["carer", "My carer", "Carer"],
  ["school", "My school", "School"],
  ["police", "The police", "Police"],
  ["trusted_contacts", "My people", "Trusted people"],
];

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
    heading("Not found", "not-found"),
    h("p", { text: "We couldn't find that plan. The young person may not be on your caseload." }),
    h("p", {}, h("a", { href: "#/home" }, "Back to home")),
  );
}

export function sectionTitle(section, who) {
  const [mine, theirs] = TITLES[section];
  return who.forYoungPerson ? mine : theirs(who.name);
}

export const words = (row, who) => (who.forYoungPerson ? row[1] : (row[2] ?? row[1]));

export function privateText(who) {
  return who.forYoungPerson
    ? "You have chosen to keep this private."
    : `${who.name} has chosen to keep this private.`;
}

function privateNote(who) {
  return h("p", { class: "private-note", testid: "section-private", text: privateText(who) });
}

function empty(text = "Nothing written yet.") {
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
          : h("dd", { class: value ? null : "empty-note", text: value || "Not filled in yet" }),
      ),
    ),
  );
}

function placeText(place) {
  return [place.where, place.notes].filter(Boolean).join(". ");
}

function placesList(places, testid) {
  if (!places?.length) return empty("None yet.");
  return h(
    "ul",
    { class: "plain-list", testid },
    places.map((place) =>
      h(
        "li",
        { testid: "place" },
        h("strong", { text: place.name || "A place" }),
        placeText(place) ? h("span", { text: ` – ${placeText(place)}` }) : null,
      ),
    ),
  );
}

export function stepText(step) {
  const minutes = Number(step.after_minutes);
  const when =
    minutes === 0
      ? "Straight away"
      : minutes % 60 === 0
        ? `After ${minutes / 60} ${minutes === 60 ? "hour" : "hours"}`
        : `After ${minutes} minutes`;
  return [when, step.action];
}

function stepsList(steps) {
  if (!steps?.length) return empty("No steps yet.");
  return h(
    "ol",
    { class: "steps-list", testid: "carer-steps" },
    steps.map((step) => {
      const [when, action] = stepText(step);
      return h("li", { testid: "carer-step" }, h("strong", { text: `${when}: ` }), action);
    }),
  );
}

export function audienceWords(list, who) {
  const names = AUDIENCES.filter(([key]) => list?.includes(key)).map((row) => words(row, who));
  if (!names.length) return who.forYoungPerson ? "Only your social worker" : "Only the social worker";
  const lower = names.map((n, i) => (i === 0 ? n : n.charAt(0).toLowerCase() + n.slice(1)));
  return plainList(lower);
}

function telHref(phone) {
  return `tel:${String(phone).replace(/[^\d+]/g, "")}`;
}

/** "+442079460018" shown the way people write it: "020 7946 0018". */
export function phoneText(phone) {
  const digits = String(phone ?? "");
  const uk = /^\+44(\d{10})$/.exec(digits);
  if (!uk) return digits;
  const national = `0${uk[1]}`;
  if (/^0[12]0/.test(national)) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  if (/^07/.test(national)) return `${national.slice(0, 5)} ${national.slice(5)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}

function trioList(trio, who) {
  if (!trio?.length) return empty(who.forYoungPerson ? "You haven't added anyone yet." : "Nobody added yet.");
  return h(
    "ul",
    { class: "cards", testid: "plan-trio" },
    trio.map((person) =>
      h(
        "li",
        { class: "card", testid: "plan-person" },
        h("p", { class: "card-title" }, h("strong", { text: person.name })),
        person.how_they_know_me ? h("p", { class: "card-detail", text: person.how_they_know_me }) : null,
        person.phone
          ? h("p", {}, h("a", { href: telHref(person.phone), text: phoneText(person.phone) }))
          : null,
        person.email ? h("p", { class: "card-detail", text: person.email }) : null,
        person.what_they_will_do ? h("p", { text: person.what_they_will_do }) : null,
      ),
    ),
  );
}

export function photoSrc(who, photoId) {
  return `${who.api}/plan/photos/${encodeURIComponent(photoId)}`;
}

export function photoAlt(who) {
  return who.forYoungPerson ? "Your photo" : `Photo of ${who.name}`;
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
  return empty("No photo yet.");
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
            return [words(row, who), h("a", { href: telHref(v), text: phoneText(v) })];
          }
          return [words(row, who), v];
        }),
        "about-me",
      );
    case "worries":
      return detailsList(
        WORRY_FIELDS.map(([key, label]) => [label, value[key]]),
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
    case "trio":
      return trioList(value, who);
    case "sharing":
      return detailsList(
        SHARE_PARTS.map((row) => [words(row, who), audienceWords(value[row[0]], who)]),
        "sharing",
      );
    case "professional_notes":
      return value.text
        ? h("p", { class: "notes", testid: "professional-notes", text: value.text })
        : empty("No notes yet.");
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
      "aria-label": `Change ${sectionTitle(section, who).toLowerCase()}`,
    },
    "Change",
  );
}

function peopleLink(who) {
  return h(
    "a",
    { href: who.peopleHash, class: "button button-small", testid: "edit-trio" },
    who.forYoungPerson ? "Change my people" : `Change ${who.name}'s people`,
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
export function signerWords(role, who) {
  if (who.forYoungPerson) {
    return { young_person: "you", carer: "your carer", social_worker: "your social worker" }[role] ?? role;
  }
  if (role === who.role) return "you";
  return { young_person: who.name, carer: "the carer", social_worker: "the social worker" }[role] ?? role;
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
      h("strong", { text: s.role === roleOf(who) ? `${s.name} (you)` : s.name }),
      ` signed ${whenPhrase(s.signed_at)}`,
    ),
  );
  const still = version.still_to_sign.map((role) => signerWords(role, who));
  return h(
    "div",
    { class: "signing", testid: "signing-status" },
    signed.length
      ? h("ul", { class: "plain-list", testid: "signatures" }, signed)
      : h("p", { testid: "signatures", text: "Nobody has signed these changes yet." }),
    still.length
      ? h(
          "p",
          { testid: "still-to-sign" },
          h("strong", { text: "Still to sign: " }),
          `${capital(plainList(still))}.`,
        )
      : null,
  );
}

/** "today at 2:05 pm", "yesterday at 9:30 am" or "on Monday 3 March 2025 at 2:05 pm". */
export function whenPhrase(value) {
  const text = plainWhen(value);
  if (/^(Today|Yesterday) /.test(text)) return text.charAt(0).toLowerCase() + text.slice(1);
  return `on ${text}`;
}

function roleOf(who) {
  return who.forYoungPerson ? "young_person" : who.role;
}

export function agreedText(version, who) {
  const when = version.agreed_at ? ` on ${plainDate(version.agreed_at)}` : "";
  return who.forYoungPerson
    ? `Your plan is agreed. Everyone signed it${when}.`
    : `This plan is agreed. Everyone signed it${when}.`;
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
        `${c.role === roleOf(who) && who.forYoungPerson ? "You" : c.name} changed ${c.section}`,
        h("span", { class: "when", text: ` – ${plainWhen(c.at)}` }),
      ),
    );
  const more = changes.length - shown;
  return h(
    "div",
    { class: "changes" },
    h("p", { class: "list-title", text: "Changes so far" }),
    h("ul", { class: "plain-list", testid: "changes" }, items),
    more > 0 ? h("p", { class: "hint", text: `And ${more} more.` }) : null,
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
