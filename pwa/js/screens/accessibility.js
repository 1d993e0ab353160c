// #/accessibility: the accessibility statement, in the format UK public bodies publish
// (Public Sector Bodies Accessibility Regulations 2018). Open to anyone, signed in or not;
// linked from the sign-in screen. docs/accessibility-statement.md holds the same words.
import { t } from "../i18n.js";
import { h, heading, put } from "../ui.js";

// Each section: its name, its heading's key and its paragraphs' keys (named in full).
const SECTIONS = [
  ["using", "accessibility.using", ["accessibility.using_1", "accessibility.using_2", "accessibility.using_3"]],
  ["how_accessible", "accessibility.how_accessible", ["accessibility.how_accessible_1"]],
  ["feedback", "accessibility.feedback", ["accessibility.feedback_1"]],
  ["enforcement", "accessibility.enforcement", ["accessibility.enforcement_1"]],
  ["technical", "accessibility.technical", ["accessibility.technical_1"]],
  ["compliance", "accessibility.compliance", ["accessibility.compliance_1"]],
  ["not_accessible", "accessibility.not_accessible", ["accessibility.not_accessible_1", "accessibility.not_accessible_2"]],
  ["improving", "accessibility.improving", ["accessibility.improving_1"]],
  ["preparation", "accessibility.preparation", ["accessibility.preparation_1"]],
];

export async function render(view) {
  put(
    view,
    heading(t("accessibility.title")),
    h("p", { text: t("accessibility.intro") }),
    ...SECTIONS.map(([name, title, paragraphs]) =>
      h(
        "section",
        { "aria-labelledby": `accessibility-${name}`, testid: `accessibility-${name}` },
        h("h2", { id: `accessibility-${name}`, text: t(title) }),
        ...paragraphs.map((key) => h("p", { text: t(key) })),
      ),
    ),
  );
}
