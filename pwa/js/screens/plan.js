// The Missing Safety Plan: #/plan for the young person, #/young-people/<id>/plan for
// their carer and social worker. Shows the changes being made (the draft) and the
// agreed version, who has signed, and links to change each part. With no signal, the
// young person and carer read the agreed copy kept on their phone.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { agreedCopy, keepsOfflineCopy, refreshCopyIfChanged } from "../offline.js";
import {
  announce,
  fill,
  h,
  heading,
  plainDate,
  plainWhen,
  problemBox,
  put,
} from "../ui.js";
import { readinessSection } from "./alert-readiness.js";
import { knownWorkerSection } from "./known-worker.js";
import {
  agreedText,
  changesList,
  loadForScreen,
  signingStatus,
  takeFlash,
  versionSections,
  whose,
} from "./plan-parts.js";

function title(who) {
  return who.forYoungPerson ? t("plan.title") : t("plan.title_of", { name: who.name });
}

function intro(who) {
  if (!who.forYoungPerson) return null;
  return h("p", { text: t("plan.intro") });
}

function reviewNote(plan) {
  if (!plan.review_due_at) return null;
  const overdue = plan.review_overdue;
  return h(
    "div",
    { class: overdue ? "notice notice-warning" : "notice", testid: "plan-review" },
    h(
      "p",
      {},
      h("strong", { text: overdue ? t("plan.review_overdue") : t("plan.review_due") }),
      " ",
      plan.review_reason || "",
    ),
    h("p", { text: t("plan.due_since", { date: plainDate(plan.review_due_at) }) }),
  );
}

function saveFile(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "police-form-Jade-2026-11-29.pdf": whose form and when, as the server names it. */
function policeFormName(name) {
  const safe = Array.from(name ?? "", (c) => (/^[A-Za-z0-9]$/.test(c) ? c : "-"))
    .join("")
    .replace(/^-+|-+$/g, "");
  return `police-form-${safe || "young-person"}-${new Date().toISOString().slice(0, 10)}.pdf`;
}

/** Carers and social workers hand this to the police; only police-shared parts are in it. */
function policeForm(who) {
  const href = `${who.api}/plan/philomena.pdf`;
  const status = h("div", { testid: "police-form-status" });
  const link = h(
    "a",
    { href, download: policeFormName(who.name), class: "button button-secondary", testid: "police-form" },
    t("plan.police_form_download"),
  );
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    status.replaceChildren();
    try {
      saveFile(await get(href, { asBlob: true }), policeFormName(who.name));
      announce(t("plan.police_form_done"));
    } catch (error) {
      if (error.status !== 401) status.replaceChildren(problemBox(error, "police-form-problem"));
    }
  });
  return h(
    "section",
    { "aria-labelledby": "police-form-heading", class: "police-form" },
    h("h2", { id: "police-form-heading", text: t("plan.police_form") }),
    h("p", { text: t("plan.police_form_about", { name: who.name }) }),
    who.role === "carer"
      ? h("p", {
          testid: "police-form-carer-copy",
          text: t("plan.police_form_carer", { name: who.name }),
        })
      : null,
    link,
    status,
  );
}

function statusPanel(plan, who) {
  const { draft, agreed } = plan;
  if (draft) {
    const mine = plan.can.includes("sign");
    return h(
      "div",
      { class: "notice", testid: "plan-status" },
      h("p", {
        class: "notice-title",
        text: who.forYoungPerson ? t("plan.changes_yours") : t("plan.changes"),
      }),
      signingStatus(draft, who),
      mine
        ? h(
            "a",
            { href: `${who.planHash}/sign`, class: "button button-primary", testid: "link-sign" },
            t("plan.read_and_sign"),
          )
        : h("p", { testid: "signed-already", text: t("plan.signed_already") }),
      changesList(draft, who),
    );
  }
  if (agreed) {
    return h(
      "div",
      { class: "notice", testid: "plan-status" },
      h("p", { class: "notice-title", testid: "plan-agreed", text: agreedText(agreed, who) }),
      h("p", { text: t("plan.changing_starts") }),
    );
  }
  return h(
    "div",
    { class: "notice", testid: "plan-status" },
    h("p", {
      class: "notice-title",
      text: who.forYoungPerson ? t("plan.none_yours") : t("plan.none"),
    }),
  );
}

function versions(plan, who) {
  const { draft, agreed } = plan;
  if (draft) {
    return [
      h(
        "section",
        { "aria-labelledby": "draft-heading", testid: "draft" },
        h("h2", { id: "draft-heading", text: t("plan.draft_heading", { number: draft.number }) }),
        versionSections(draft, who, { level: 3, can: plan.can, idPrefix: "draft" }),
      ),
      agreed
        ? h(
            "details",
            { class: "agreed-version", testid: "agreed" },
            h("summary", { text: t("plan.read_agreed", { number: agreed.number }) }),
            versionSections(agreed, who, { level: 3, idPrefix: "agreed" }),
          )
        : null,
    ];
  }
  return h(
    "section",
    { "aria-labelledby": "agreed-heading", testid: agreed ? "agreed" : "no-plan" },
    h("h2", {
      id: "agreed-heading",
      text: agreed ? t("plan.agreed_heading", { number: agreed.number }) : t("plan.parts"),
    }),
    versionSections(agreed, who, { level: 3, can: plan.can, idPrefix: "agreed" }),
  );
}

function links(who) {
  return h(
    "ul",
    { class: "link-list" },
    h("li", {}, h("a", { href: `${who.planHash}/history`, testid: "link-history" }, t("plan.link_history"))),
    h(
      "li",
      {},
      h(
        "a",
        { href: who.homeHash, testid: "link-back" },
        who.forYoungPerson ? t("common.back_my_home") : t("common.back_to", { name: who.name }),
      ),
    ),
  );
}

function draw(view, who, plan) {
  fill(
    view,
    heading(title(who)),
    takeFlash(),
    intro(who),
    who.forYoungPerson ? null : reviewNote(plan),
    statusPanel(plan, who),
    plan.can.includes("download_police_form") ? policeForm(who) : null,
    versions(plan, who),
    links(who),
  );
}

/** No signal: the agreed plan kept on this phone, and when it was last updated. */
async function offlineView(view, who, me, isCurrent) {
  if (!who.name) {
    who.name = me.young_people?.find((p) => p.id === who.id)?.preferred_name ?? t("plan.this_young_person");
  }
  let copy;
  try {
    copy = await agreedCopy(who.id);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    fill(
      view,
      heading(title(who)),
      problemBox(
        error.status === 0
          ? {
              title: t("plan.offline_no_copy"),
              detail: t("plan.offline_no_copy_detail"),
            }
          : error,
      ),
    );
    return;
  }
  if (!isCurrent()) return;
  const { agreed } = copy.data;
  fill(
    view,
    heading(title(who)),
    h(
      "div",
      { class: "notice", testid: "offline-copy" },
      h("p", {
        class: "notice-title",
        text: copy.offline ? t("plan.offline_copy") : t("plan.this_is_agreed"),
      }),
      copy.fetchedAt
        ? h("p", {
            testid: "last-updated",
            text: t("home.people_updated", { when: plainWhen(copy.fetchedAt) }),
          })
        : null,
    ),
    agreed
      ? [
          h("p", { testid: "plan-agreed", text: agreedText(agreed, who) }),
          versionSections(agreed, who, { level: 2, idPrefix: "kept" }),
        ]
      : h("p", { text: t("plan.no_agreed") }),
    h(
      "p",
      {},
      h(
        "a",
        { href: who.homeHash, testid: "link-back" },
        who.forYoungPerson ? t("common.back_my_home") : t("common.back_home"),
      ),
    ),
  );
}

export async function render(view, { params, me, isCurrent }) {
  const who = whose({ me, params });
  if (!who.forYoungPerson && me.offline) who.homeHash = "#/home";
  const plan = await loadForScreen(view, who, isCurrent, {
    path: `${who.api}/plan`,
    errorTitle: who.forYoungPerson ? t("plan.title") : t("plan.plan"),
    whenOffline: keepsOfflineCopy(who.role) ? () => offlineView(view, who, me, isCurrent) : null,
  });
  if (plan === undefined) return;
  if (!isCurrent()) return;
  draw(view, who, plan);
  // Who an alert would reach now, for the young person and their carer (issue 12).
  if (who.forYoungPerson || who.role === "carer") {
    put(view, readinessSection(who.id, { forYoungPerson: who.forYoungPerson, name: who.name, isCurrent }));
  }
  // Who is asked first at night and at weekends: beside the plan, never signed (seed 000).
  put(view, knownWorkerSection(who.id, { forYoungPerson: who.forYoungPerson, name: who.name, isCurrent }));
  if (keepsOfflineCopy(who.role)) refreshCopyIfChanged(who.id, plan.agreed?.content_hash);
}
