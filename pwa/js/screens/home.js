// #/home: each role has its own home screen, loaded only for the role that opens it.
import { t } from "../i18n.js";
import { lazy } from "../lazy.js";
import { agreedCopy } from "../offline.js";
import { h, heading, loading, put, screenNotLoaded } from "../ui.js";
import { noticeLink } from "./privacy.js";

const feedbackFigures = lazy("/js/screens/feedback-figures.js");

// Police liaison officers see their force's feedback figures.
async function policeHome() {
  const figures = await feedbackFigures();
  return { render: (view, ctx) => figures.render(view, { ...ctx, params: [] }) };
}
Object.defineProperty(policeHome, "ready", { get: () => feedbackFigures.ready });

const HOMES = {
  young_person: lazy("/js/screens/home-young-person.js"),
  carer: lazy("/js/screens/home-carer.js"),
  social_worker: lazy("/js/screens/home-social-worker.js"),
  manager: lazy("/js/screens/home-manager.js"),
  admin: lazy("/js/screens/home-admin.js"),
  police_liaison: policeHome,
};

export async function render(view, ctx) {
  const home = HOMES[ctx.me.user.role];
  // A young person's home shows their people from the agreed copy: ask for it while
  // the home's code loads rather than after (home-young-person.js takes the answer).
  const id = ctx.me.user.role === "young_person" ? ctx.me.young_person_id : null;
  const copy = id ? agreedCopy(id) : null;
  copy?.catch(() => {}); // the home reports it
  if (home) {
    let screen;
    if (!home.ready) put(view, loading());
    try {
      screen = await home();
    } catch {
      if (ctx.isCurrent()) screenNotLoaded(view);
      return;
    }
    if (!ctx.isCurrent()) return;
    view.replaceChildren();
    await screen.render(view, copy ? { ...ctx, copy } : ctx);
    // Adults can read again what Homeward keeps about them (shown when they joined).
    if (ctx.me.user.role !== "young_person" && ctx.isCurrent()) {
      put(view, h("p", { class: "aside" }, noticeLink("adults")));
    }
    return;
  }
  put(view, heading("Homeward"), h("p", { text: t("home.nothing_here") }));
}
