// "A chat about what happened": the young person's side of a Return Home Interview.
// They choose who they talk to (someone from the council's list, someone they trust,
// someone where they live, or "I don't mind"), or say no thanks and why, and choose
// who may see what they said. Plain words (reading age about 10), from
// backend/interviews/vocabulary.py via rhi-plain.js.
import { get, post, putJson } from "../api.js";
import { t } from "../i18n.js";
import {
  announce,
  clearErrors,
  field,
  fill,
  formAlert,
  h,
  heading,
  loading,
  nextId,
  plainWhen,
  problemBox,
  put,
  showApiError,
  whileBusy,
} from "../ui.js";
import { momentNotice } from "./privacy.js";
import { AUDIENCE, DECLINE_REASON, INTERVIEWER, NAME, SHAREABLE_PART, SHARING_NOTICE } from "./rhi-plain.js";

const AUDIENCES = ["carer", "school", "police"];

/** The young person's open chats, for their home screen (nothing when there are none). */
export async function chatCard(me, isCurrent) {
  const slot = h("div", { testid: "chat-card-slot" });
  if (!me.young_person_id) return slot;
  get(`/api/young-people/${encodeURIComponent(me.young_person_id)}/interviews`)
    .then((interviews) => {
      if (!isCurrent()) return;
      const shown = interviews.filter((item) => item.state !== "open").slice(0, 1);
      fill(
        slot,
        shown.map((item) =>
          h(
            "section",
            { class: "card", testid: "chat-card", "aria-labelledby": "chat-card-heading" },
            h("h2", { id: "chat-card-heading", text: t("chat.title") }),
            h("p", {
              text: item.state === "held" ? t("chat.card_held") : t("interviews.name.definition.plain"),
            }),
            h(
              "a",
              {
                class: "button button-primary",
                testid: "chat-link",
                href: item.state === "held" ? `#/chat/${item.id}/summary` : `#/chat/${item.id}`,
              },
              item.state === "held" ? t("chat.read_summary") : t("chat.open"),
            ),
          ),
        ),
      );
    })
    .catch(() => {}); // offline or nothing to show: the home screen works without it
  return slot;
}

function radio(name, value, label, { checked = false, hint = "", testid } = {}) {
  const id = `${name}-${value.replace(/[^a-z0-9_-]/gi, "")}`;
  return h(
    "div",
    { class: "check" },
    h("input", { type: "radio", id, name, value, checked, testid, "aria-describedby": hint ? `${id}-hint` : null }),
    h("label", { for: id }, label, hint ? h("span", { class: "hint", id: `${id}-hint`, text: hint }) : null),
  );
}

function chosenWords(choice) {
  if (!choice.kind) return "";
  if (choice.kind === "independent_worker" && choice.interviewer) return choice.interviewer.name;
  if (choice.kind === "someone_they_trust" && choice.trusted_adult) return choice.trusted_adult;
  return t(INTERVIEWER[choice.kind]);
}

function chooseForm(view, interview, rerender) {
  const name = nextId("who");
  const trusted = field({
    label: t("chat.trusted_name"),
    name: "trusted_adult",
    testid: "chat-trusted-name",
    required: false,
    maxlength: 200,
  });
  const form = h(
    "form",
    { testid: "chat-choose", novalidate: true },
    formAlert(),
    h(
      "fieldset",
      { "data-errors-for": "interviewer_id" },
      h("legend", { text: t("chat.who_legend") }),
      interview.interviewers.length ? h("p", { class: "hint", text: t(INTERVIEWER.independent_worker) }) : null,
      h("p", { class: "field-error", hidden: true }),
      h(
        "div",
        { class: "checks checks-stacked" },
        interview.interviewers.map((person) =>
          radio(name, `independent_worker:${person.id}`, h("bdi", { text: person.name }), {
            hint: person.organisation,
            testid: "chat-interviewer",
          }),
        ),
        radio(name, "someone_they_trust", t(INTERVIEWER.someone_they_trust), { testid: "chat-trusted" }),
        radio(name, "nominated_care_professional", t(INTERVIEWER.nominated_care_professional), {
          testid: "chat-where-you-live",
        }),
        radio(name, "no_preference", t(INTERVIEWER.no_preference), { testid: "chat-no-preference" }),
      ),
    ),
    trusted,
    h("button", { type: "submit", class: "button button-primary", testid: "chat-choose-button" }, t("chat.choose")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const picked = form.querySelector(`input[name="${name}"]:checked`)?.value;
    if (!picked) {
      showApiError(form, { title: t("chat.pick_one") });
      return;
    }
    const [kind, interviewerId] = picked.split(":");
    const body = { kind };
    if (interviewerId) body.interviewer_id = interviewerId;
    if (kind === "someone_they_trust") body.trusted_adult = trusted.querySelector("input").value;
    await whileBusy(form, async () => {
      try {
        await post(`/api/interviews/${encodeURIComponent(interview.id)}/choice`, body);
        announce(t("chat.thanks"));
        await rerender(t("chat.thanks"));
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function declineForm(interview, rerender) {
  const name = nextId("why");
  const why = field({
    label: t("chat.decline_more"),
    name: "why",
    testid: "chat-decline-why",
    required: false,
    multiline: true,
    maxlength: 4000,
  });
  const form = h(
    "form",
    { testid: "chat-decline", novalidate: true },
    formAlert(),
    h(
      "fieldset",
      {},
      h("legend", { text: t("chat.decline_legend") }),
      h(
        "div",
        { class: "checks checks-stacked" },
        Object.entries(DECLINE_REASON).map(([code, key]) => radio(name, code, t(key), { testid: `chat-reason-${code}` })),
      ),
    ),
    why,
    h("button", { type: "submit", class: "button button-secondary", testid: "chat-decline-button" }, t("chat.decline")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const reason = form.querySelector(`input[name="${name}"]:checked`)?.value ?? "young_person_refused";
    await whileBusy(form, async () => {
      try {
        await post(`/api/interviews/${encodeURIComponent(interview.id)}/decline`, {
          reason,
          why: why.querySelector("textarea").value,
        });
        await rerender(t("chat.declined_thanks"));
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function sharingForm(interview, rerender) {
  const form = h(
    "form",
    { testid: "chat-sharing", novalidate: true },
    formAlert(),
    h("p", { text: t(SHARING_NOTICE.may_be_shared) }),
    h("p", { class: "notice", text: t(SHARING_NOTICE.must_be_shared) }),
    AUDIENCES.map((audience) => {
      const group = nextId(`share-${audience}`);
      return h(
        "fieldset",
        { "data-audience": audience },
        h("legend", { text: t(AUDIENCE[audience]) }),
        h(
          "div",
          { class: "checks checks-stacked" },
          Object.entries(SHAREABLE_PART).map(([part, key]) => {
            const id = `${group}-${part}`;
            return h(
              "div",
              { class: "check" },
              h("input", {
                type: "checkbox",
                id,
                value: part,
                checked: (interview.sharing[audience] ?? []).includes(part),
                testid: `share-${audience}-${part}`,
              }),
              h("label", { for: id, text: t(key) }),
            );
          }),
        ),
      );
    }),
    h("button", { type: "submit", class: "button button-secondary", testid: "chat-sharing-save" }, t("chat.save_sharing")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = {};
    for (const audience of AUDIENCES) {
      body[audience] = [...form.querySelectorAll(`fieldset[data-audience="${audience}"] input:checked`)].map(
        (input) => input.value,
      );
    }
    await whileBusy(form, async () => {
      try {
        await putJson(`/api/interviews/${encodeURIComponent(interview.id)}/sharing`, body);
        await rerender(t("chat.sharing_saved"));
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return form;
}

function statusLine(interview) {
  if (interview.state === "accepted") return t("chat.you_chose", { who: chosenWords(interview.choice) });
  if (interview.state === "declined") return t("chat.you_said_no");
  if (interview.state === "held") return t("chat.held", { when: plainWhen(interview.timing.held_at, { style: "on" }) });
  if (interview.state === "open") return t("chat.not_asked_yet");
  return t("chat.asked");
}

export async function render(view, context, notice = "") {
  const { params, isCurrent } = context;
  const [id] = params;
  put(view, heading(t("chat.title"), "chat-title"), loading());
  let interview;
  try {
    interview = await get(`/api/interviews/${encodeURIComponent(id)}`);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(view, heading(t("chat.title"), "chat-title"), problemBox(error));
    return;
  }
  if (!isCurrent()) return;
  const rerender = async (words) => {
    view.replaceChildren();
    await render(view, context, words);
    view.querySelector("[data-testid='chat-notice']")?.focus();
  };
  const can = new Set(interview.can);
  const sectionId = nextId("chat");
  fill(
    view,
    heading(t("chat.title"), "chat-title"),
    notice ? h("p", { class: "notice", role: "status", tabindex: "-1", testid: "chat-notice", text: notice }) : null,
    h("p", { text: t(NAME.definition) }),
    h("p", { text: t(NAME.not_a_police_check) }),
    h("p", { class: "status-line", testid: "chat-status", text: statusLine(interview) }),
    interview.state === "held"
      ? h("p", {}, h("a", { href: `#/chat/${interview.id}/summary`, class: "button button-primary", testid: "chat-summary-link" }, t("chat.read_summary")))
      : null,
    can.has("choose")
      ? h(
          "section",
          { "aria-labelledby": `${sectionId}-who` },
          h("h2", { id: `${sectionId}-who`, text: t("chat.who_heading") }),
          // Before they choose: what is written down, who sees it, how long.
          momentNotice("chat", "chat-privacy"),
          chooseForm(view, interview, rerender),
        )
      : null,
    can.has("decline") && interview.state !== "declined"
      ? h(
          "section",
          { "aria-labelledby": `${sectionId}-no` },
          h("h2", { id: `${sectionId}-no`, text: t("chat.no_heading") }),
          h("p", { text: t("chat.no_intro") }),
          declineForm(interview, rerender),
        )
      : null,
    can.has("share")
      ? h(
          "section",
          { "aria-labelledby": `${sectionId}-share` },
          h("h2", { id: `${sectionId}-share`, text: t("chat.share_heading") }),
          sharingForm(interview, rerender),
        )
      : null,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
  );
}
