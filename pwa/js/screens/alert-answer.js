// An alert, for the person it was sent to: a trusted contact (#/contact/alerts/<id>,
// contact cookie, no account) or a carer or duty social worker (#/alerts/<id>,
// signed in). Who needs them, the message, when, where (if the young person shared
// it), and "I've got this", call, text or "I can't right now". The young person's
// social worker can open #/alerts/<id> too, to read how it is going.
//
// No polling here: every read is written to the young person's record ("opened your
// alert"), so the page asks again only when the person taps "Check again".
import { get, post } from "../api.js";
import { dialable, kindWords, recipientWords, roleWordsForAdults, whenInSentence } from "../alerts.js";
import { t } from "../i18n.js";
import { settleLanguage } from "../language-choice.js";
import { announce, fill, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";
import { phoneText } from "./plan-parts.js";

/** How this screen talks to the server, for a contact or for a signed-in adult. */
function endpoints(alertId, forContact) {
  const id = encodeURIComponent(alertId);
  if (forContact) {
    const base = `/api/contact/alerts/${id}`;
    const options = { signInNeeded: false };
    return {
      // /api/contact/me also brings the CSRF token the answer buttons need.
      load: async () => {
        const [view, me] = await Promise.all([get(base, options), get("/api/contact/me", options)]);
        await settleLanguage(me?.language, "contact");
        return { view, status: null };
      },
      answer: async (what) => ({ view: await post(`${base}/${what}`, undefined, options), status: null }),
      home: "#/contact",
      homeWords: t("alert_answer.back_to_page"),
    };
  }
  const base = `/api/alerts/${id}`;
  const split = (reply) => ({ view: reply.recipient, status: reply.status });
  return {
    load: async () => split(await get(base)),
    answer: async (what) => split(await post(`${base}/${what}`)),
    home: "#/home",
    homeWords: t("common.back_home"),
  };
}

function title(view) {
  const name = view.young_person_name;
  if (view.state === "cancelled") return t("alert_answer.title_cancelled", { name });
  if (view.state === "acknowledged") return t("alert_answer.title_acknowledged", { name });
  return t("alert_answer.title", { name });
}

function situation(view) {
  const name = view.young_person_name;
  const mine = view.my_status === "acknowledged";
  if (view.state === "cancelled") {
    return h("p", {
      class: "notice",
      testid: "recipient-situation",
      text: t("alert_answer.situation_cancelled", { name }),
    });
  }
  if (view.state === "acknowledged" && !mine) {
    return h(
      "div",
      { class: "notice", testid: "recipient-situation" },
      h("p", {
        class: "notice-title",
        testid: "recipient-taken",
        text: t("alert.state.acknowledged_by", { name: view.acknowledged_by }),
      }),
      h("p", { text: t("alert_answer.situation_taken", { name }) }),
    );
  }
  if (view.state === "failed") {
    return h("p", {
      class: "notice notice-warning",
      testid: "recipient-situation",
      text: t("alert_answer.situation_failed", { name }),
    });
  }
  return null;
}

function message(view) {
  return h(
    "div",
    { class: "alert-message", testid: "recipient-message-box" },
    h("p", {
      class: "alert-message-words",
      testid: "recipient-message",
      text: t("alert_answer.quoted", { words: kindWords(view) }),
    }),
    h("p", {
      class: "card-detail",
      testid: "recipient-when",
      text: t("alert_status.sent", { when: plainWhen(view.created_at) }),
    }),
    view.sent_again_at
      ? h("p", {
          class: "card-detail",
          testid: "recipient-sent-again",
          text: t("alert_answer.sent_again", {
            name: view.young_person_name,
            when: whenInSentence(view.sent_again_at),
          }),
        })
      : null,
  );
}

function coordinates(location) {
  const fixed = (n) => Number(n).toFixed(5);
  return `${fixed(location.latitude)}, ${fixed(location.longitude)}`;
}

function mapLink(url) {
  return h(
    "p",
    { class: "map-link" },
    h(
      "a",
      {
        href: url,
        target: "_blank",
        rel: "noopener noreferrer",
        class: "button button-secondary",
        testid: "recipient-map",
      },
      t("alert_answer.open_map"),
      h("span", { class: "visually-hidden", text: ` ${t("common.new_tab")}` }),
    ),
  );
}

function whereSection(view) {
  const name = view.young_person_name;
  const place = view.location;
  return h(
    "section",
    { "aria-labelledby": "recipient-where-heading", testid: "recipient-location" },
    h("h2", { id: "recipient-where-heading", text: t("alert_answer.where_heading", { name }) }),
    place
      ? [
          h("p", { class: "hint", text: t("alert_answer.where_hint", { name }) }),
          h(
            "dl",
            { class: "details" },
            h(
              "div",
              { class: "detail" },
              h("dt", { text: t("alert_answer.plus_code") }),
              h("dd", { testid: "recipient-plus-code", dir: "ltr", text: place.plus_code }),
            ),
            h(
              "div",
              { class: "detail" },
              h("dt", { text: t("alert_answer.map_reference") }),
              h("dd", { testid: "recipient-coordinates", dir: "ltr", text: coordinates(place) }),
            ),
            Number.isFinite(place.accuracy_m)
              ? h(
                  "div",
                  { class: "detail" },
                  h("dt", { text: t("alert_answer.accurate_to") }),
                  h("dd", { text: t("alert_answer.metres", { count: Math.round(place.accuracy_m) }) }),
                )
              : null,
          ),
          // Only an https link from our own server's reply; it opens the map elsewhere.
          String(place.map_url).startsWith("https://") ? mapLink(place.map_url) : null,
        ]
      : h("p", { testid: "recipient-no-location", text: t("alert_answer.no_location", { name }) }),
  );
}

function callAndText(view) {
  const name = view.young_person_name;
  const phone = dialable(view.young_person_phone);
  if (!phone) {
    return h("p", { testid: "recipient-no-phone", text: t("alert_answer.no_phone", { name }) });
  }
  return [
    h(
      "p",
      { class: "call-number" },
      t("alert_answer.phone_of", { name }),
      " ",
      h("bdi", { dir: "ltr", text: phoneText(view.young_person_phone) }),
    ),
    h(
      "div",
      { class: "call-buttons" },
      h(
        "a",
        { href: `tel:${phone}`, class: "button button-call", testid: "recipient-call" },
        t("common.call_name", { name }),
      ),
      h(
        "a",
        { href: `sms:${phone}`, class: "button button-text", testid: "recipient-text" },
        t("common.text_name", { name }),
      ),
    ),
  ];
}

function answerWords(view) {
  const name = view.young_person_name;
  if (view.my_status === "acknowledged") {
    return t("alert_answer.answered_yes", { name });
  }
  if (view.my_status === "declined") {
    return view.state === "active" ? t("alert_answer.answered_no_active") : t("alert_answer.answered_no");
  }
  return "";
}

/** Everyone who was asked, for an adult (the young person sees the same on theirs). */
function othersSection(status) {
  if (!status?.recipients.length) return null;
  return h(
    "section",
    { "aria-labelledby": "recipient-others-heading" },
    h("h2", { id: "recipient-others-heading", text: t("alert_answer.who_was_asked") }),
    h(
      "ul",
      { class: "cards", testid: "recipient-others" },
      status.recipients.map((person) =>
        h(
          "li",
          { class: "card", testid: "recipient-other", "data-name": person.name },
          h(
            "p",
            {},
            h("strong", { text: person.name }),
            " ",
            t("common.in_brackets", { words: roleWordsForAdults(person.role) }),
          ),
          h("p", { testid: "recipient-other-status", text: recipientWords(person.status) }),
        ),
      ),
    ),
  );
}

// The server tells each step of the story for the reader ("Sent to Jade's people: Lou").
function eventsSection(status) {
  if (!status?.events.length) return null;
  return h(
    "section",
    { "aria-labelledby": "recipient-events-heading" },
    h("h2", { id: "recipient-events-heading", text: t("common.what_happened") }),
    h(
      "ol",
      { class: "events", testid: "recipient-events" },
      status.events.map((event) =>
        h(
          "li",
          {},
          h("span", { class: "event-time", text: plainWhen(event.at) }),
          h("bdi", { text: event.what }),
        ),
      ),
    ),
  );
}

/** For the young person's social worker or carer reading an alert not sent to them. */
function readOnly(view, status, backLink) {
  const stateText = {
    active: t("alert_answer.read_only_active"),
    acknowledged: t("alert_status.acknowledged_said", {
      name: status.acknowledged_by || t("alert_status.someone"),
    }),
    cancelled: t("alert_answer.read_only_cancelled"),
    failed:
      status.outcome === "nobody_reached"
        ? t("alert_answer.read_only_nobody_reached")
        : t("alert_answer.read_only_failed"),
  };
  fill(
    view,
    heading(t("alert_answer.an_alert"), "recipient-title"),
    h("p", { class: "notice", testid: "recipient-situation", text: stateText[status.state] ?? "" }),
    h(
      "div",
      { class: "alert-message" },
      h("p", {
        class: "alert-message-words",
        testid: "recipient-message",
        text: t("alert_answer.quoted", { words: kindWords(status) }),
      }),
      h("p", { class: "card-detail", text: t("alert_status.sent", { when: plainWhen(status.created_at) }) }),
    ),
    othersSection(status),
    eventsSection(status),
    backLink,
  );
}

export async function render(view, { params, me, isCurrent }) {
  const alertId = params[0];
  const forContact = !me;
  const api = endpoints(alertId, forContact);
  const backLink = h("p", {}, h("a", { href: api.home, testid: "link-home" }, api.homeWords));
  put(view, loading());

  let data;
  try {
    data = await api.load();
  } catch (error) {
    if (!isCurrent()) return;
    if (forContact && error.status === 401) {
      fill(
        view,
        heading("Homeward", "contact-none"),
        h("p", { text: t("contact.none") }),
        h("p", { text: t("contact.none_hint") }),
      );
      return;
    }
    if (error.status === 401) return;
    fill(
      view,
      heading(t("alert_answer.alert"), "recipient-title"),
      error.status === 404
        ? h("p", { testid: "recipient-missing", text: t("alert_answer.missing") })
        : problemBox(error, "screen-problem"),
      backLink,
    );
    return;
  }
  if (!isCurrent()) return;
  if (!data.view) {
    readOnly(view, data.status, backLink);
    return;
  }

  const answerArea = h("div", { testid: "recipient-answer-area" });
  const problemArea = h("div");

  function draw({ view: current, status }, { focus = null } = {}) {
    const name = current.young_person_name;
    const said = answerWords(current);
    // What this person may answer now comes from the server (its guards), not a copy here.
    const can = current.can ?? [];
    const buttons = [];
    if (can.includes("acknowledge")) {
      const yes = h(
        "button",
        { type: "button", class: "button button-primary button-big", testid: "recipient-acknowledge" },
        current.my_status === "declined" ? t("alert_answer.yes_after_all") : t("alert_answer.yes"),
      );
      yes.addEventListener("click", () => answer("acknowledge", yes));
      buttons.push(yes);
    }
    fill(
      answerArea,
      said ? h("p", { class: "notice alert-answered", tabindex: "-1", testid: "recipient-answer", text: said }) : null,
      buttons,
    );
    const decline =
      can.includes("decline")
        ? h(
            "button",
            { type: "button", class: "button button-secondary button-big", testid: "recipient-decline" },
            t("alert_answer.no"),
          )
        : null;
    decline?.addEventListener("click", () => answer("decline", decline));
    const refresh = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "recipient-refresh" },
      t("alert_answer.refresh"),
    );
    refresh.addEventListener("click", async () => {
      refresh.disabled = true;
      try {
        const next = await api.load();
        if (!isCurrent()) return;
        draw(next, { focus: "refresh" });
        announce(t("alert_answer.updated"));
      } catch (error) {
        refresh.disabled = false;
        if (error.status !== 401) fill(problemArea, problemBox(error, "recipient-problem"));
      }
    });
    fill(
      view,
      heading(title(current), "recipient-title"),
      situation(current),
      message(current),
      answerArea,
      h(
        "section",
        { "aria-labelledby": "recipient-call-heading" },
        h("h2", { id: "recipient-call-heading", text: t("alert_answer.call_heading", { name }) }),
        callAndText(current),
      ),
      decline ? h("div", { class: "recipient-decline" }, decline) : null,
      problemArea,
      whereSection(current),
      othersSection(status),
      eventsSection(status),
      h("div", { class: "button-row recipient-refresh" }, refresh),
      backLink,
    );
    if (focus === "answer") answerArea.querySelector(".alert-answered")?.focus();
    if (focus === "refresh") refresh.focus();
  }

  async function answer(what, button) {
    button.disabled = true;
    fill(problemArea);
    try {
      const next = await api.answer(what);
      if (!isCurrent()) return;
      draw(next, { focus: "answer" });
      announce(answerWords(next.view));
    } catch (error) {
      button.disabled = false;
      if (error.status === 401 && !forContact) return;
      fill(problemArea, problemBox(error, "recipient-problem"));
    }
  }

  draw(data);
}
