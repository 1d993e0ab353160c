// The shared checklist of places to look (seed 000: trust friends and family to help
// look). The carer, the social worker and the young person's trusted people each say
// "I'll check the park" and tick it when they have looked; every screen asks again
// every few seconds, so each sees the others' claims without reloading.
import { get, post, putJson } from "../api.js";
import { t } from "../i18n.js";
import { announce, field, fill, h, plainWhen, problemBox } from "../ui.js";

const EVERY_MS = 5000;

function status(place) {
  if (place.checked) {
    const when = plainWhen(place.checked_at, { style: "sentence" });
    return t("search.checked_by", { name: place.checked_by ?? "", when });
  }
  if (place.claimed_by_me) return t("search.you_are_checking");
  if (place.claimed_by) return t("search.someone_checking", { name: place.claimed_by });
  return t("search.nobody_yet");
}

function actionButton(text, testid, onClick, kind = "button-secondary") {
  return h("button", { type: "button", class: `button ${kind}`, testid, onClick }, text);
}

/**
 * A live checklist. `path` lists the places (GET); `placePath(id)` is where one
 * place's claim, unclaim and check live. Returns the section; it stops asking once
 * `isCurrent()` is false (the person went to another screen).
 */
export function searchChecklist({ path, placePath, isCurrent, signInNeeded = true, places = null }) {
  const list = h("ul", { class: "cards", testid: "search-places" });
  const problem = h("div", { testid: "search-problem" });
  let shown = "";
  let current = places ?? [];

  async function act(place, action, body) {
    problem.replaceChildren();
    try {
      const url = `${placePath(place.id)}/${action}`;
      if (action === "check") await putJson(url, body, { signInNeeded });
      else await post(url, undefined, { signInNeeded });
    } catch (error) {
      problem.replaceChildren(problemBox(error, "search-action-problem"));
      announce(error.title);
    }
    await refresh(true);
    list.querySelector(`[data-place="${CSS.escape(place.id)}"] button`)?.focus();
  }

  function tickForm(place) {
    const form = h(
      "form",
      { class: "look", testid: "search-tick-form", "aria-label": t("search.looked_label", { place: place.name }) },
      field({
        label: t("search.what_found"),
        name: "note",
        testid: "search-note",
        required: false,
        maxlength: 200,
      }),
      h(
        "button",
        { type: "submit", class: "button button-primary", testid: "search-looked" },
        t("search.looked", { place: place.name }),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      act(place, "check", { checked: true, note: form.elements.note.value.trim() });
    });
    return form;
  }

  function item(place) {
    const buttons = [];
    if (place.checked) {
      buttons.push(
        actionButton(t("search.check_again", { place: place.name }), "search-untick", () =>
          act(place, "check", { checked: false }),
        ),
      );
    } else if (place.claimed_by_me) {
      buttons.push(
        tickForm(place),
        actionButton(t("search.let_go", { place: place.name }), "search-unclaim", () => act(place, "unclaim")),
      );
    } else if (!place.claimed_by) {
      buttons.push(
        actionButton(
          t("search.claim", { place: place.name }),
          "search-claim",
          () => act(place, "claim"),
          "button-primary",
        ),
      );
    }
    return h(
      "li",
      { class: place.checked ? "card card-done" : "card", testid: "search-place", "data-place": place.id },
      h("p", { class: "card-heading", text: place.name }),
      place.where ? h("p", { class: "card-detail", text: place.where }) : null,
      place.notes ? h("p", { class: "card-detail", text: place.notes }) : null,
      h("p", { class: "search-status", testid: "search-status", text: status(place) }),
      place.note ? h("p", { class: "card-detail", testid: "search-found", text: place.note }) : null,
      buttons,
    );
  }

  let hadPlaces = current.length > 0;
  let over = false;

  function draw() {
    if (current.length === 0) {
      // Places that were there and are gone: the search is over (they are found).
      over = hadPlaces;
      const words = over ? t("search.over") : t("search.none");
      fill(list, h("li", { class: "empty-note", testid: over ? "search-over" : "search-none", text: words }));
      return;
    }
    hadPlaces = true;
    fill(list, current.map(item));
  }

  async function refresh(force = false) {
    try {
      current = await get(path, { signInNeeded });
    } catch (error) {
      // No longer theirs to see (signed out, the placement ended): stop asking. Any
      // other miss (no signal) is fine: the next poll tries again.
      if ([401, 403, 404].includes(error.status)) over = true;
      return;
    }
    const now = JSON.stringify(current);
    const focused = list.contains(document.activeElement) ? document.activeElement : null;
    // Someone typing what they found keeps their words: no redraw under their fingers.
    if (!force && (now === shown || ["INPUT", "TEXTAREA"].includes(focused?.tagName))) return;
    shown = now;
    const place = focused?.closest("[data-place]")?.dataset.place;
    const testid = focused?.dataset.testid;
    draw();
    // Focus stays where it was (the same button of the same place), when it is still there.
    if (place && testid) {
      list.querySelector(`[data-place="${CSS.escape(place)}"] [data-testid="${CSS.escape(testid)}"]`)?.focus();
    }
  }

  draw();
  shown = JSON.stringify(current);
  if (places === null) refresh(true);
  const timer = setInterval(() => {
    if (over || !isCurrent() || !list.isConnected) {
      clearInterval(timer);
      return;
    }
    refresh();
  }, EVERY_MS);

  return h(
    "section",
    { "aria-labelledby": "search-heading", testid: "search" },
    h("h2", { id: "search-heading", text: t("search.title") }),
    h("p", { class: "hint", text: t("search.hint") }),
    problem,
    list,
  );
}
