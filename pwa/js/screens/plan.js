// The Missing Safety Plan: #/plan for the young person, #/young-people/<id>/plan for
// their carer and social worker. Shows the changes being made (the draft) and the
// agreed version, who has signed, and links to change each part. With no signal, the
// young person and carer read the agreed copy kept on their phone.
import { get } from "../api.js";
import { agreedCopy, keepsOfflineCopy, refreshCopyIfChanged } from "../offline.js";
import {
  announce,
  fill,
  h,
  heading,
  plainDate,
  plainWhen,
  problemBox,
} from "../ui.js";
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
  return who.forYoungPerson ? "Your plan" : `${who.name}'s plan`;
}

function intro(who) {
  if (!who.forYoungPerson) return null;
  return h("p", {
    text:
      "Your plan says what helps you stay safe, and what the adults around you will do if you're not back. " +
      "You make it with your carer and your social worker.",
  });
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
      h("strong", { text: overdue ? "Review overdue. " : "Review due. " }),
      plan.review_reason || "",
    ),
    h("p", { text: `Due since ${plainDate(plan.review_due_at)}.` }),
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

/** Carers and social workers hand this to the police; only police-shared parts are in it. */
function policeForm(who) {
  const href = `${who.api}/plan/philomena.pdf`;
  const status = h("div", { testid: "police-form-status" });
  const link = h(
    "a",
    { href, download: "police-form.pdf", class: "button button-secondary", testid: "police-form" },
    "Download police form (PDF)",
  );
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    status.replaceChildren();
    try {
      saveFile(await get(href, { asBlob: true }), "police-form.pdf");
      announce("The police form has downloaded.");
    } catch (error) {
      if (error.status !== 401) status.replaceChildren(problemBox(error, "police-form-problem"));
    }
  });
  return h(
    "section",
    { "aria-labelledby": "police-form-heading", class: "police-form" },
    h("h2", { id: "police-form-heading", text: "Police form (Philomena Protocol)" }),
    h("p", {
      text: `Made from the agreed plan, with only the parts ${who.name} agreed to share with the police.`,
    }),
    who.role === "carer"
      ? h("p", {
          testid: "police-form-carer-copy",
          text: `Your copy leaves out anything ${who.name} keeps from carers. If it does, it says so: their social worker has the full form.`,
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
        text: who.forYoungPerson
          ? "There are changes to your plan. They count once everyone has signed them."
          : "There are changes to this plan. They count once everyone has signed them.",
      }),
      signingStatus(draft, who),
      mine
        ? h(
            "a",
            { href: `${who.planHash}/sign`, class: "button button-primary", testid: "link-sign" },
            "Read and sign the changes",
          )
        : h("p", { testid: "signed-already", text: "You've signed these changes." }),
      changesList(draft, who),
    );
  }
  if (agreed) {
    return h(
      "div",
      { class: "notice", testid: "plan-status" },
      h("p", { class: "notice-title", testid: "plan-agreed", text: agreedText(agreed, who) }),
      h("p", { text: "Changing any part starts new changes that everyone signs again." }),
    );
  }
  return h(
    "div",
    { class: "notice", testid: "plan-status" },
    h("p", {
      class: "notice-title",
      text: who.forYoungPerson
        ? "You don't have a plan yet. Start by filling in any part below."
        : "There is no plan yet. Start by filling in any part below.",
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
        h("h2", { id: "draft-heading", text: `The changes (version ${draft.number}, not signed yet)` }),
        versionSections(draft, who, { level: 3, can: plan.can, idPrefix: "draft" }),
      ),
      agreed
        ? h(
            "details",
            { class: "agreed-version", testid: "agreed" },
            h("summary", { text: `Read the agreed plan (version ${agreed.number})` }),
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
      text: agreed ? `The agreed plan (version ${agreed.number})` : "The parts of the plan",
    }),
    versionSections(agreed, who, { level: 3, can: plan.can, idPrefix: "agreed" }),
  );
}

function links(who) {
  return h(
    "ul",
    { class: "link-list" },
    h(
      "li",
      {},
      h("a", { href: `${who.planHash}/history`, testid: "link-history" }, "See what changed over time"),
    ),
    h(
      "li",
      {},
      h(
        "a",
        { href: who.homeHash, testid: "link-back" },
        who.forYoungPerson ? "Back to my home" : `Back to ${who.name}`,
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
    who.name = me.young_people?.find((p) => p.id === who.id)?.preferred_name ?? "This young person";
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
              title: "You're offline, and there's no copy of the plan on this phone yet.",
              detail: "Open it once when you have signal or Wi-Fi, and it will be kept for next time.",
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
        text: copy.offline
          ? "You're offline. This is the copy kept on this phone."
          : "This is the agreed plan.",
      }),
      copy.fetchedAt
        ? h("p", { testid: "last-updated", text: `Last updated ${plainWhen(copy.fetchedAt)}.` })
        : null,
    ),
    agreed
      ? [
          h("p", { testid: "plan-agreed", text: agreedText(agreed, who) }),
          versionSections(agreed, who, { level: 2, idPrefix: "kept" }),
        ]
      : h("p", { text: "There is no agreed plan yet." }),
    h(
      "p",
      {},
      h(
        "a",
        { href: who.homeHash, testid: "link-back" },
        who.forYoungPerson ? "Back to my home" : "Back to home",
      ),
    ),
  );
}

export async function render(view, { params, me, isCurrent }) {
  const who = whose({ me, params });
  if (!who.forYoungPerson && me.offline) who.homeHash = "#/home";
  const plan = await loadForScreen(view, who, isCurrent, {
    path: `${who.api}/plan`,
    errorTitle: who.forYoungPerson ? "Your plan" : "Plan",
    whenOffline: keepsOfflineCopy(who.role) ? () => offlineView(view, who, me, isCurrent) : null,
  });
  if (plan === undefined) return;
  if (!isCurrent()) return;
  draw(view, who, plan);
  if (keepsOfflineCopy(who.role)) refreshCopyIfChanged(who.id, plan.agreed?.content_hash);
}
