// Privacy notices in plain words and in layers: the main points first, "Tell me more"
// after. Three of them, each open to anyone (read it before joining):
//   #/privacy           for young people (linked from the foot of every young-person
//                       screen and from sign-in)
//   #/privacy/contacts  for trusted people (also on their invite, before they say yes)
//   #/privacy/adults    for carers and professionals (also on their invite, before they
//                       join)
// The short notices shown at the moment a young person shares more (a location with an
// alert, who does their chat) are `momentNotice`.
import { t } from "../i18n.js";
import { h, heading, nextId, put } from "../ui.js";

const NOTICES = {
  young_person: {
    title: "privacy.title",
    points: ["privacy.point_1", "privacy.point_2", "privacy.point_3", "privacy.point_4", "privacy.point_5"],
    more: ["privacy.more_1", "privacy.more_2", "privacy.more_3", "privacy.more_4"],
  },
  contact: {
    title: "privacy.contact.title",
    points: [
      "privacy.contact.point_1",
      "privacy.contact.point_2",
      "privacy.contact.point_3",
      "privacy.contact.point_4",
      "privacy.contact.point_5",
    ],
    more: ["privacy.contact.more_1", "privacy.contact.more_2", "privacy.contact.more_3", "privacy.contact.more_4"],
  },
  adult: {
    title: "privacy.adult.title",
    points: [
      "privacy.adult.point_1",
      "privacy.adult.point_2",
      "privacy.adult.point_3",
      "privacy.adult.point_4",
      "privacy.adult.point_5",
    ],
    more: ["privacy.adult.more_1", "privacy.adult.more_2", "privacy.adult.more_3", "privacy.adult.more_4"],
  },
};
const PATHS = { contacts: "contact", adults: "adult" };
// The short notices at the moment a young person shares more.
const MOMENTS = {
  location: {
    title: "privacy.location.title",
    points: ["privacy.location.point_1", "privacy.location.point_2", "privacy.location.point_3"],
  },
  chat: {
    title: "privacy.chat.title",
    points: ["privacy.chat.point_1", "privacy.chat.point_2", "privacy.chat.point_3"],
  },
};

/**
 * One notice as a section: its main points, then "Tell me more". Untitled on its own
 * screen (the screen's h1 is its title).
 */
export function layeredNotice(kind, { titled = true } = {}) {
  const notice = NOTICES[kind];
  const id = nextId(`privacy-${kind}`);
  return h(
    "section",
    { class: "privacy-notice", "aria-labelledby": id, testid: `privacy-notice-${kind}` },
    h("h2", { id, text: titled ? t(notice.title) : t("privacy.key_points") }),
    titled ? h("p", { class: "hint", text: t("privacy.key_points") }) : null,
    h(
      "ul",
      { testid: "privacy-points" },
      notice.points.map((key) => h("li", { text: t(key) })),
    ),
    h(
      "details",
      { testid: "privacy-more" },
      h("summary", { text: t("privacy.more") }),
      notice.more.map((key) => h("p", { text: t(key) })),
    ),
  );
}

/**
 * A short notice at the moment a young person is about to share more: what, who sees
 * it, how long; with a link to the whole notice. `kind`: "location" or "chat".
 */
export function momentNotice(kind, testid = `privacy-moment-${kind}`) {
  return h(
    "div",
    { class: "notice privacy-moment", testid },
    h("p", {}, h("strong", { text: t(MOMENTS[kind].title) })),
    h(
      "ul",
      {},
      MOMENTS[kind].points.map((key) => h("li", { text: t(key) })),
    ),
    h("p", {}, privacyLink()),
  );
}

export async function render(view, { params }) {
  const kind = PATHS[params[0]] ?? "young_person";
  put(
    view,
    heading(t(NOTICES[kind].title)),
    layeredNotice(kind, { titled: false }),
    h(
      "section",
      { "aria-labelledby": "privacy-others" },
      h("h2", { id: "privacy-others", text: t("privacy.others") }),
      h(
        "ul",
        {},
        Object.entries(PATHS)
          .filter(([, other]) => other !== kind)
          .map(([path, other]) =>
            h("li", {}, h("a", { href: `#/privacy/${path}`, testid: `link-privacy-${other}` }, t(NOTICES[other].title))),
          ),
        kind === "young_person"
          ? null
          : h("li", {}, h("a", { href: "#/privacy", testid: "link-privacy-young_person" }, t("privacy.title"))),
      ),
    ),
  );
}

/** A link to the young person's notice, for the foot of their screens and for sign-in. */
export function privacyLink() {
  return h("a", { href: "#/privacy", testid: "link-privacy" }, t("privacy.link"));
}

/** A link to one of the other notices (kind: "contacts" or "adults"). */
export function noticeLink(path) {
  const kind = PATHS[path];
  return h("a", { href: `#/privacy/${path}`, testid: `link-privacy-${kind}` }, t(NOTICES[kind].title));
}
