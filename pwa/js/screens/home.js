// #/home: each role has its own home screen.
import * as admin from "./home-admin.js";
import * as carer from "./home-carer.js";
import * as feedbackFigures from "./feedback-figures.js";
import * as manager from "./home-manager.js";
import * as socialWorker from "./home-social-worker.js";
import * as youngPerson from "./home-young-person.js";
import { t } from "../i18n.js";
import { h, heading, put } from "../ui.js";
import { noticeLink } from "./privacy.js";

const HOMES = {
  young_person: youngPerson,
  carer,
  social_worker: socialWorker,
  manager,
  admin,
  police_liaison: { render: (view, ctx) => feedbackFigures.render(view, { ...ctx, params: [] }) },
};

export async function render(view, ctx) {
  const home = HOMES[ctx.me.user.role];
  if (home) {
    await home.render(view, ctx);
    // Adults can read again what Homeward keeps about them (shown when they joined).
    if (ctx.me.user.role !== "young_person" && ctx.isCurrent()) {
      put(view, h("p", { class: "aside" }, noticeLink("adults")));
    }
    return;
  }
  put(view, heading("Homeward"), h("p", { text: t("home.nothing_here") }));
}
