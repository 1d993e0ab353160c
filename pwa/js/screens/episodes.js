// The times a young person has been missing (or away and found before anyone reported
// it), newest first, for their carer and social worker; and the way into the guide.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { fill, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";
import { gradeWords, stateWords } from "./episode.js";

export function episodeCards(history) {
  if (history.length === 0) return h("p", { testid: "episodes-none", text: t("episodes.none") });
  return h(
    "ul",
    { class: "cards", testid: "episodes" },
    history.map((episode) =>
      h(
        "li",
        { class: "card", testid: "episode-item" },
        h(
          "a",
          { href: `#/episodes/${encodeURIComponent(episode.id)}`, class: "card-link", testid: "episode-link" },
          t("episodes.since", { when: plainWhen(episode.started_at) }),
        ),
        h("p", { class: "card-detail", testid: "episode-item-state", text: stateWords(episode.state) }),
        episode.police_risk_grade || episode.suggested_risk_grade
          ? h(
              "p",
              { class: "card-detail" },
              t("episodes.grades", {
                police: gradeWords(episode.police_risk_grade),
                ours: gradeWords(episode.suggested_risk_grade),
              }),
            )
          : null,
      ),
    ),
  );
}

/** The way in from a young person's page: the open episode, or "I'm worried". */
export function worriedLink(person, history) {
  const id = encodeURIComponent(person.id);
  const open = history.find((episode) => episode.state === "open" || episode.state === "reported");
  if (open) {
    return h(
      "a",
      { href: `#/episodes/${encodeURIComponent(open.id)}`, class: "button button-danger button-big", testid: "link-open-episode" },
      t("episodes.open_now", { name: person.preferred_name }),
    );
  }
  return h(
    "a",
    { href: `#/young-people/${id}/worried`, class: "button button-primary button-big", testid: "link-worried" },
    t("episodes.worried", { name: person.preferred_name }),
  );
}

/**
 * The young person's record and their episodes, for a screen about them: null when the
 * screen is no longer shown or could not load them (then it says why).
 */
export async function personAndEpisodes(view, id, isCurrent) {
  put(view, loading());
  const base = `/api/young-people/${encodeURIComponent(id)}`;
  try {
    const [person, history] = await Promise.all([get(base), get(`${base}/episodes`)]);
    return isCurrent() ? { person, history } : null;
  } catch (error) {
    if (isCurrent() && error.status !== 401) fill(view, heading(t("common.not_found")), problemBox(error));
    return null;
  }
}

export async function render(view, { params, isCurrent }) {
  const [id] = params;
  const found = await personAndEpisodes(view, id, isCurrent);
  if (!found) return;
  const { person, history } = found;
  fill(
    view,
    heading(t("episodes.title", { name: person.preferred_name }), "episodes-title"),
    h("p", {}, worriedLink(person, history)),
    episodeCards(history),
    h("p", {}, h("a", { href: `#/young-people/${encodeURIComponent(id)}`, testid: "link-back" }, t("common.back_to", { name: person.preferred_name }))),
  );
}
