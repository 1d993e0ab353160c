// Signing the plan: read the changes exactly as they are, then sign them. The sign
// request carries the content_hash of what was shown, so if anyone changed the plan
// in the meantime the server says 409 and the screen shows the new version to read.
import { post } from "../api.js";
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
  return who.forYoungPerson ? "Sign your plan" : `Sign ${who.name}'s plan`;
}

function signButton(draft, who, { go, isCurrent, rerender, result }) {
  const button = h(
    "button",
    { type: "button", class: "button button-primary button-big", testid: "sign-plan" },
    "Sign this plan",
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
        setFlash(
          "The plan changed since you opened it. Read it again below, then sign if you agree.",
          "sign-changed",
        );
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
    setFlash("Thank you. You've signed.", "signed-now");
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
      who.forYoungPerson ? "Back to your plan" : "Back to the plan",
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
        text: agreed ? `Nothing to sign. ${agreedText(agreed, who)}` : "There is nothing to sign yet.",
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
      text: who.forYoungPerson
        ? "Read your plan below. Signing means you agree with it as it is now. If something is wrong, change it first."
        : "Read the plan below. Signing means you agree with it exactly as it is now.",
    }),
    signingStatus(draft, who),
    h(
      "section",
      { "aria-labelledby": "sign-read-heading", testid: "sign-version" },
      h("h2", { id: "sign-read-heading", text: `What you are signing (version ${draft.number})` }),
      versionSections(draft, who, { level: 3, idPrefix: "sign" }),
    ),
    mine
      ? h(
          "div",
          { class: "sign-box" },
          h("p", { text: "I have read this plan and I agree with it." }),
          signButton(draft, who, { go, isCurrent, rerender, result }),
        )
      : h("p", {
          class: "notice",
          testid: "signed-already",
          text: "You've signed these changes. Thank you.",
        }),
    result,
    back,
  );
  const flash = view.querySelector("[data-testid='sign-changed'], [data-testid='signed-now']");
  if (flash) announce(flash.textContent);
}
