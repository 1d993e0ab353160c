// A trusted contact's side. They have no account: #/contact/<CODE> (the invite link)
// says in plain words what it means and lets them agree; #/contact is their page,
// where they see the alerts sent to them, turn notifications on or off, or stop
// being one of the young person's people. Their phone holds only the contact cookie
// the server set. An alert itself is #/contact/alerts/<id> (alert-answer.js).
import { del, get, post } from "../api.js";
import { forgetLocalSubscription, subscribeThisPhone } from "../push.js";
import { announce, fill, h, heading, loading, problemBox, put } from "../ui.js";
import { contactAlerts } from "./alert-lists.js";

// A message carried from the invite screen to the contact's page.
let flash = "";

async function turnOn() {
  const subscription = await subscribeThisPhone();
  await post("/api/contact/push-subscription", subscription, { signInNeeded: false });
}

async function turnOff() {
  await del("/api/contact/push-subscription", { signInNeeded: false });
  await forgetLocalSubscription();
}

function explain(youngPerson) {
  return `${youngPerson} may send you an alert if they need help. You can say you've got it, call ${youngPerson}, or say you can't right now. You can stop at any time, and ${youngPerson} will see that.`;
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
      heading(error.status === 404 ? "This invite doesn't work" : "Homeward", "contact-invite-title"),
      error.status === 404
        ? h("p", {
            class: "problem",
            role: "alert",
            testid: "contact-run-out",
            text: "This invite has run out or been used. Ask for a new one.",
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
    "I agree",
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
              text: "This invite has run out or been used. Ask for a new one.",
            })
          : problemBox(error),
      );
      return;
    }
    flash = `Thank you. You're one of ${name}'s people. Now turn on notifications, so you know when ${name} needs you.`;
    // The code is used up: the contact's own page replaces it in the history.
    go("#/contact", { replace: true });
  });
  fill(
    view,
    heading(`Hi ${invite.contact_name}`, "contact-greeting"),
    h("p", { text: `${name} would like you to be one of their people on Homeward.` }),
    h("p", { class: "explain", testid: "contact-explain", text: explain(name) }),
    h("p", { text: "You don't need an account or a password. This phone will remember you." }),
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
    on ? "Turn off notifications" : "Turn on notifications",
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
    flash = on ? "Notifications are off." : "Notifications are on.";
    rerender();
  });
  return h(
    "section",
    { "aria-labelledby": "notifications-heading" },
    h("h2", { id: "notifications-heading", text: "Notifications" }),
    h(
      "p",
      { testid: "contact-notifications" },
      h("strong", { text: on ? "On. " : "Off. " }),
      on
        ? `Your phone will tell you when ${me.young_person_name} needs you. The message won't say who or where.`
        : `Turn them on so you know when ${me.young_person_name} needs you. The message won't say who or where.`,
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
    `Stop being one of ${name}'s people`,
  );
  start.addEventListener("click", () => {
    const question = h("p", {
      tabindex: "-1",
      class: "confirm-question",
      text: `Are you sure? ${name} will see that you've stopped.`,
    });
    const yes = h(
      "button",
      { type: "button", class: "button button-danger", testid: "step-down-yes" },
      "Yes, stop",
    );
    const no = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "step-down-no" },
      "No, keep going",
    );
    area.replaceChildren(
      h(
        "div",
        { class: "confirm", role: "group", "aria-label": "Stop?" },
        question,
        h("div", { class: "button-row" }, yes, no),
      ),
    );
    question.focus();
    no.addEventListener("click", () => {
      area.replaceChildren();
      start.focus();
    });
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      try {
        await post("/api/contact/step-down", undefined, { signInNeeded: false });
      } catch (error) {
        yes.disabled = false;
        area.replaceChildren(problemBox(error, "step-down-problem"));
        return;
      }
      await forgetLocalSubscription();
      fill(
        view,
        heading("You've stopped", "contact-stepped-down"),
        h("p", {
          testid: "contact-stepped-down-text",
          text: `You're no longer one of ${name}'s people, and you won't get alerts. ${name} will see that. Thank you for being there.`,
        }),
      );
      view.querySelector("h1").focus();
    });
  });
  return h(
    "section",
    { "aria-labelledby": "step-down-heading" },
    h("h2", { id: "step-down-heading", text: "If you can't do this any more" }),
    h("p", { text: `You can stop at any time. ${name} will see that you've stopped.` }),
    start,
    area,
  );
}

async function contactHome(view, ctx) {
  const { isCurrent } = ctx;
  put(view, loading());
  let me;
  try {
    me = await get("/api/contact/me", { signInNeeded: false });
  } catch (error) {
    if (!isCurrent()) return;
    if (error.status === 401) {
      fill(
        view,
        heading("Homeward", "contact-none"),
        h("p", { text: "This phone isn't set up as anyone's trusted person." }),
        h("p", { text: "If someone sent you an invite link, open it again." }),
        h("p", {}, h("a", { href: "#/signin", testid: "link-signin" }, "Sign in to Homeward")),
      );
    } else {
      fill(view, heading("Homeward"), problemBox(error, "screen-problem"));
    }
    return;
  }
  if (!isCurrent()) return;
  const alerts = await contactAlerts(me, isCurrent);
  if (!isCurrent()) return;
  const message = flash;
  flash = "";
  const rerender = () => {
    fill(view);
    contactHome(view, ctx).then(() => view.querySelector("h1")?.focus());
  };
  fill(
    view,
    heading(`You're one of ${me.young_person_name}'s people`, "contact-home-title"),
    message ? h("p", { class: "notice", role: "status", testid: "contact-flash", text: message }) : null,
    h("p", { text: `Hi ${me.name}. ${explain(me.young_person_name)}` }),
    alerts,
    notificationsSection(me, rerender),
    stepDownSection(me, view),
  );
  if (message) announce(message);
}

export async function render(view, ctx) {
  const [code] = ctx.params;
  if (code) await inviteScreen(view, code, ctx);
  else await contactHome(view, ctx);
}
