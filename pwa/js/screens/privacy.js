// #/privacy: what Homeward keeps about a young person, in plain words and in layers: the
// main points first, "Tell me more" after. Open to anyone (read it before joining);
// linked from the foot of every young-person screen and from sign-in.
import { t } from "../i18n.js";
import { h, heading, put } from "../ui.js";

const POINTS = ["privacy.point_1", "privacy.point_2", "privacy.point_3", "privacy.point_4", "privacy.point_5"];
const MORE = ["privacy.more_1", "privacy.more_2", "privacy.more_3", "privacy.more_4"];

export async function render(view) {
  put(
    view,
    heading(t("privacy.title")),
    h(
      "section",
      { "aria-labelledby": "privacy-points", testid: "privacy-points" },
      h("h2", { id: "privacy-points", text: t("privacy.key_points") }),
      h("ul", {}, POINTS.map((key) => h("li", { text: t(key) }))),
    ),
    h(
      "details",
      { testid: "privacy-more" },
      h("summary", { text: t("privacy.more") }),
      MORE.map((key) => h("p", { text: t(key) })),
    ),
  );
}

/** A link to it, for the foot of young-person screens and for sign-in. */
export function privacyLink() {
  return h("a", { href: "#/privacy", testid: "link-privacy" }, t("privacy.link"));
}
