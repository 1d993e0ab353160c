// A trusted contact's side. They have no account: #/contact/<CODE> (the invite link)
// says in plain words what it means and lets them agree; #/contact is their page,
// where they see the alerts sent to them, turn notifications on or off, or stop
// being one of the young person's people. Their phone holds only the contact cookie
// the server set. An alert itself is #/contact/alerts/<id> (alert-answer.js).
import { del, get, post } from "../api.js";
import { t } from "../i18n.js";
import {
  joinedInThisLanguage,
  languageChooser,
  languageMark,
  languageSection,
  settleLanguage,
} from "../language-choice.js";
import { forgetLocalSubscription, subscribeThisPhone } from "../push.js";
import { announce, confirmIn, fill, h, heading, loading, problemBox, put } from "../ui.js";
import { contactAlerts } from "./alert-lists.js";
import { layeredNotice, noticeLink } from "./privacy.js";
import { forgetSection } from "./rights.js";
import { searchChecklist } from "./search-places.js";

// A message carried from the invite screen to the contact's page: {key, params}, put
// in words when shown (the contact's language may be settled in between).
let flash = null;

async function turnOn() {
  const subscription = await subscribeThisPhone();
  await post("/api/contact/push-subscription", subscription, { signInNeeded: false });
}

async function turnOff() {
  await del("/api/contact/push-subscription", { signInNeeded: false });
  await forgetLocalSubscription();
}

function explain(youngPerson) {
  return t("contact.explain", { name: youngPerson });
}

async function inviteScreen(view, code, { go, isCurrent }) {
  put(view, loading());
  let invite;
  try {
    invite = await post("/api/contact-invites/lookup", { code }, { signInNeeded: false });
  } catch (error) {
    if (!isCurrent()) return;
    fill(
      view,
      heading(error.status === 404 ? t("contact.invite_broken") : "Homeward", "contact-invite-title"),
      languageChooser(),
      error.status === 404
        ? h("p", {
            class: "problem",
            role: "alert",
            testid: "contact-run-out",
            text: t("join.run_out"),
          })
        : problemBox(error),
    );
    return;
  }
  if (!isCurrent()) return;
  const name = invite.young_person_name;
  const result = h("div", { testid: "contact-agree-result" });
  const agree = h(
    "button",
    { type: "button", class: "button button-primary button-big", testid: "contact-agree" },
    t("contact.agree"),
  );
  agree.addEventListener("click", async () => {
    agree.disabled = true;
    result.replaceChildren();
    try {
      // They keep the language of the page they said yes on.
      const language = document.documentElement.lang || undefined;
      await post("/api/contact-invites/accept", { code, language }, { signInNeeded: false });
    } catch (error) {
      agree.disabled = false;
      result.replaceChildren(
        error.status === 404
          ? h("p", {
              class: "problem",
              role: "alert",
              text: t("join.run_out"),
            })
          : problemBox(error),
      );
      return;
    }
    joinedInThisLanguage();
    flash = { key: "contact.agreed", params: { name } };
    // The code is used up: the contact's own page replaces it in the history.
    go("#/contact", { replace: true });
  });
  fill(
    view,
    heading(t("home.greeting", { name: invite.contact_name }), "contact-greeting"),
    languageChooser(),
    h("p", { text: t("contact.would_like", { name }) }),
    h("p", { class: "explain", testid: "contact-explain", text: explain(name) }),
    h("p", { text: t("contact.no_account") }),
    // What Homeward keeps about them, before they say yes.
    layeredNotice("contact"),
    agree,
    result,
  );
}

function notificationsSection(me, rerender) {
  const problem = h("div", { testid: "notifications-problem" });
  const on = me.notifications;
  const button = h(
    "button",
    {
      type: "button",
      class: on ? "button button-secondary" : "button button-primary button-big",
      testid: on ? "notifications-off" : "notifications-on",
    },
    on ? t("contact.notifications_turn_off") : t("contact.notifications_turn_on"),
  );
  button.addEventListener("click", async () => {
    button.disabled = true;
    problem.replaceChildren();
    try {
      if (on) await turnOff();
      else await turnOn();
    } catch (error) {
      button.disabled = false;
      if (error.status === 401) {
        rerender();
        return;
      }
      problem.replaceChildren(problemBox(error, "notifications-error"));
      return;
    }
    flash = { key: on ? "contact.notifications_now_off" : "contact.notifications_now_on", params: {} };
    rerender();
  });
  return h(
    "section",
    { "aria-labelledby": "notifications-heading" },
    h("h2", { id: "notifications-heading", text: t("contact.notifications") }),
    h(
      "p",
      { testid: "contact-notifications" },
      h("strong", { text: on ? t("common.on_sentence") : t("common.off_sentence") }),
      " ",
      on
        ? t("contact.notifications_on", { name: me.young_person_name })
        : t("contact.notifications_off", { name: me.young_person_name }),
    ),
    button,
    problem,
  );
}

function stepDownSection(me, view) {
  const name = me.young_person_name;
  const area = h("div", { testid: "step-down-area" });
  const start = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "step-down" },
    t("contact.step_down", { name }),
  );
  start.addEventListener("click", () =>
    confirmIn(area, start, {
      label: t("contact.step_down_label"),
      question: t("contact.step_down_question", { name }),
      yes: t("contact.step_down_yes"),
      no: t("contact.step_down_no"),
      testid: "step-down",
      signInNeeded: false,
      act: async () => {
        await post("/api/contact/step-down", undefined, { signInNeeded: false });
        await forgetLocalSubscription();
        fill(
          view,
          heading(t("contact.stepped_down"), "contact-stepped-down"),
          h("p", {
            testid: "contact-stepped-down-text",
            text: t("contact.stepped_down_text", { name }),
          }),
        );
        view.querySelector("h1").focus();
      },
    }),
  );
  return h(
    "section",
    { "aria-labelledby": "step-down-heading" },
    h("h2", { id: "step-down-heading", text: t("contact.step_down_heading") }),
    h("p", { text: t("contact.step_down_hint", { name }) }),
    start,
    area,
  );
}

/** Someone is worried about the young person: the places to look, to claim and tick. */
function helpLook(search, isCurrent) {
  const id = encodeURIComponent(search.id);
  return h(
    "div",
    { class: "alert-area", testid: "help-look" },
    h("p", { class: "notice notice-warning", text: t("search.help_look", { name: search.young_person_name }) }),
    searchChecklist({
      path: `/api/contact/episodes/${id}/places`,
      placePath: (place) => `/api/contact/episodes/${id}/places/${encodeURIComponent(place)}`,
      isCurrent,
      signInNeeded: false,
      places: search.places,
    }),
  );
}

async function contactHome(view, ctx) {
  const { isCurrent } = ctx;
  put(view, loading());
  let me;
  const mark = languageMark();
  try {
    me = await get("/api/contact/me", { signInNeeded: false });
  } catch (error) {
    if (!isCurrent()) return;
    if (error.status === 401) {
      fill(
        view,
        heading("Homeward", "contact-none"),
        h("p", { text: t("contact.none") }),
        h("p", { text: t("contact.none_hint") }),
        h("p", {}, h("a", { href: "#/signin", testid: "link-signin" }, t("signin.title"))),
      );
    } else {
      fill(view, heading("Homeward"), problemBox(error, "screen-problem"));
    }
    return;
  }
  if (!isCurrent()) return;
  await settleLanguage(me.language, "contact", mark);
  const [alerts, searches, forget] = await Promise.all([
    contactAlerts(me, isCurrent),
    get("/api/contact/episodes", { signInNeeded: false }).catch(() => []),
    forgetSection(me),
  ]);
  if (!isCurrent()) return;
  const message = flash ? t(flash.key, flash.params) : "";
  flash = null;
  const rerender = () => {
    fill(view);
    contactHome(view, ctx).then(() => view.querySelector("h1")?.focus());
  };
  fill(
    view,
    heading(t("contact.title", { name: me.young_person_name }), "contact-home-title"),
    message ? h("p", { class: "notice", role: "status", testid: "contact-flash", text: message }) : null,
    h("p", { text: t("contact.hello", { name: me.name, explain: explain(me.young_person_name) }) }),
    searches.map((search) => helpLook(search, isCurrent)),
    alerts,
    notificationsSection(me, rerender),
    languageSection({ whose: "contact" }),
    stepDownSection(me, view),
    forget,
    h("p", { class: "aside" }, noticeLink("contacts")),
  );
  if (message) announce(message);
}

export async function render(view, ctx) {
  const [code] = ctx.params;
  if (code) await inviteScreen(view, code, ctx);
  else await contactHome(view, ctx);
}
