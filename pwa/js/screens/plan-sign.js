// Signing the plan: read the changes exactly as they are, then sign them. The sign
// request carries the content_hash of what was shown, so if anyone changed the plan
// in the meantime the server says 409 and the screen shows the new version to read.
import { post } from "../api.js";
import { t } from "../i18n.js";
import {
  announce,
  fill,
  h,
  heading,
  problemBox,
} from "../ui.js";
import {
  agreedText,
  loadForScreen,
  setFlash,
  signingStatus,
  takeFlash,
  versionSections,
  whose,
} from "./plan-parts.js";

function title(who) {
  return who.forYoungPerson ? t("plan_sign.title") : t("plan_sign.title_of", { name: who.name });
}

function signButton(draft, who, { go, isCurrent, rerender, result }) {
  const button = h(
    "button",
    { type: "button", class: "button button-primary button-big", testid: "sign-plan" },
    t("plan_sign.sign"),
  );
  button.addEventListener("click", async () => {
    button.disabled = true;
    result.replaceChildren();
    let reply;
    try {
      // The hash of the version on this screen, not whatever is newest.
      reply = await post(`${who.api}/plan/sign`, { content_hash: draft.content_hash });
    } catch (error) {
      button.disabled = false;
      if (!isCurrent() || error.status === 401) return;
      if (error.status === 409) {
        setFlash(t("plan_sign.changed"), "sign-changed");
        rerender();
        return;
      }
      result.replaceChildren(problemBox(error, "sign-problem"));
      return;
    }
    if (!isCurrent()) return;
    const agreedNow = !reply.draft && reply.agreed?.number === draft.number;
    if (agreedNow) {
      setFlash(agreedText(reply.agreed, who), "plan-agreed-now");
      go(who.planHash);
      return;
    }
    setFlash(t("plan_sign.signed"), "signed-now");
    rerender();
  });
  return button;
}

export async function render(view, ctx) {
  const { params, me, go, isCurrent } = ctx;
  const who = whose({ me, params });
  const plan = await loadForScreen(view, who, isCurrent, { path: `${who.api}/plan`, errorTitle: title(who) });
  if (plan === undefined) return;
  if (!isCurrent()) return;
  const back = h(
    "p",
    {},
    h(
      "a",
      { href: who.planHash, testid: "link-plan" },
      who.forYoungPerson ? t("plan.back_yours") : t("plan.back"),
    ),
  );
  const { draft, agreed } = plan;
  if (!draft) {
    fill(
      view,
      heading(title(who)),
      takeFlash(),
      h("p", {
        class: "notice",
        testid: "nothing-to-sign",
        text: agreed
          ? t("plan_sign.nothing_agreed", { agreed: agreedText(agreed, who) })
          : t("plan_sign.nothing"),
      }),
      back,
    );
    return;
  }
  const rerender = () => {
    fill(view);
    render(view, ctx).then(() => view.querySelector("h1")?.focus());
  };
  const result = h("div", { testid: "sign-result" });
  const mine = plan.can.includes("sign");
  fill(
    view,
    heading(title(who)),
    takeFlash(),
    h("p", {
      text: who.forYoungPerson ? t("plan_sign.intro_yours") : t("plan_sign.intro"),
    }),
    signingStatus(draft, who),
    h(
      "section",
      { "aria-labelledby": "sign-read-heading", testid: "sign-version" },
      h("h2", { id: "sign-read-heading", text: t("plan_sign.what", { number: draft.number }) }),
      versionSections(draft, who, { level: 3, idPrefix: "sign" }),
    ),
    mine
      ? h(
          "div",
          { class: "sign-box" },
          h("p", { text: t("plan_sign.agree") }),
          signButton(draft, who, { go, isCurrent, rerender, result }),
        )
      : h("p", {
          class: "notice",
          testid: "signed-already",
          text: t("plan_sign.signed_already"),
        }),
    result,
    back,
  );
  const flash = view.querySelector("[data-testid='sign-changed'], [data-testid='signed-now']");
  if (flash) announce(flash.textContent);
}
