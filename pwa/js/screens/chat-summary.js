// What was written about the young person's chat, in plain words and their language:
// who they talked to and when, where they went, who with, how, what would help, the
// help they will get, the note written for them, and who can see it. The professional
// assessment is not shown here; the screen says it exists and who to ask.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { fill, h, heading, loading, plainList, plainWhen, problemBox, put } from "../ui.js";
import { AUDIENCE, FOLLOW_UP_SUPPORT, HOW_TRAVELLED, INTERVIEWER, SHAREABLE_PART, WHAT_WOULD_HELP, WHERE_WENT, WHO_WITH } from "./rhi-plain.js";

const LISTS = {
  where_went: { heading: "chat.summary.where_went", words: WHERE_WENT },
  who_with: { heading: "chat.summary.who_with", words: WHO_WITH },
  how_travelled: { heading: "chat.summary.how_travelled", words: HOW_TRAVELLED },
  what_would_help: { heading: "chat.summary.what_would_help", words: WHAT_WOULD_HELP },
  follow_up_support: { heading: "chat.summary.follow_up_support", words: FOLLOW_UP_SUPPORT },
};

function talkedTo(summary) {
  const choice = summary.talked_to;
  if (summary.held_by) return summary.held_by;
  if (choice.interviewer) return choice.interviewer.name;
  if (choice.trusted_adult) return choice.trusted_adult;
  return choice.kind ? t(INTERVIEWER[choice.kind]) : "";
}

function item(entry) {
  const list = LISTS[entry.kind];
  if (!list) return null;
  const id = `summary-${entry.kind}`;
  return h(
    "section",
    { "aria-labelledby": id, testid: `summary-${entry.kind}` },
    h("h2", { id, text: t(list.heading) }),
    entry.codes.length
      ? h(
          "ul",
          {},
          entry.codes.map((code) => (list.words[code] ? h("li", { text: t(list.words[code]) }) : null)),
        )
      : null,
    entry.text ? h("p", {}, h("bdi", { text: entry.text })) : null,
  );
}

function sharedWith(shared) {
  const lines = ["carer", "school", "police"]
    .filter((audience) => (shared[audience] ?? []).length)
    .map((audience) =>
      h("li", {
        text: t("chat.summary.shared_line", {
          who: t(AUDIENCE[audience]),
          what: plainList(shared[audience].map((part) => t(SHAREABLE_PART[part]))),
        }),
      }),
    );
  return h(
    "section",
    { "aria-labelledby": "summary-shared", testid: "summary-shared" },
    h("h2", { id: "summary-shared", text: t("chat.summary.who_can_see") }),
    h("p", { text: t("chat.summary.social_worker_sees") }),
    lines.length ? h("ul", {}, lines) : h("p", { text: t("chat.summary.nobody_else") }),
  );
}

export async function render(view, { params, isCurrent }) {
  const [id] = params;
  put(view, heading(t("chat.summary_title"), "summary-title"), loading());
  let summary;
  try {
    summary = await get(`/api/interviews/${encodeURIComponent(id)}/summary`);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(view, heading(t("chat.summary_title"), "summary-title"), problemBox(error));
    return;
  }
  if (!isCurrent()) return;
  const held = summary.state === "held";
  fill(
    view,
    heading(t("chat.summary_title"), "summary-title"),
    held
      ? h("p", {
          testid: "summary-talked",
          text: t("chat.summary.talked", {
            who: talkedTo(summary),
            when: plainWhen(summary.held_at, { style: "on" }),
          }),
        })
      : h("p", { testid: "summary-not-yet", text: t("chat.summary.not_yet") }),
    summary.for_you
      ? h(
          "section",
          { "aria-labelledby": "summary-note", class: "card", testid: "summary-note" },
          h("h2", { id: "summary-note", text: t("chat.summary.note_for_you") }),
          h("p", {}, h("bdi", { text: summary.for_you })),
        )
      : null,
    summary.items.map(item),
    summary.more_for_professionals ? h("p", { testid: "summary-more", text: t("chat.summary.more") }) : null,
    sharedWith(summary.shared_with),
    h(
      "p",
      {},
      h("a", { href: `#/chat/${summary.id}`, testid: "summary-change-sharing" }, t("chat.summary.change_sharing")),
    ),
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
  );
}
