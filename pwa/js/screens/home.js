// #/home: each role has its own home screen, loaded only for the role that opens it.
import { t } from "../i18n.js";
import { lazy } from "../lazy.js";
import { h, heading, put, screenNotLoaded } from "../ui.js";

const feedbackFigures = lazy("/js/screens/feedback-figures.js");

const HOMES = {
  young_person: lazy("/js/screens/home-young-person.js"),
  carer: lazy("/js/screens/home-carer.js"),
  social_worker: lazy("/js/screens/home-social-worker.js"),
  manager: lazy("/js/screens/home-manager.js"),
  admin: lazy("/js/screens/home-admin.js"),
  police_liaison: async () => {
    const figures = await feedbackFigures();
    return { render: (view, ctx) => figures.render(view, { ...ctx, params: [] }) };
  },
};

export async function render(view, ctx) {
  const home = HOMES[ctx.me.user.role];
  if (home) {
    let screen;
    try {
      screen = await home();
    } catch {
      screenNotLoaded(view);
      return;
    }
    await screen.render(view, ctx);
    return;
  }
  put(view, heading("Homeward"), h("p", { text: t("home.nothing_here") }));
}
