// A social worker's home: their caseload, and adding a young person to it.
import { get, post } from "../api.js";
import { t } from "../i18n.js";
import { accountSection } from "../account.js";
import { feedbackSection } from "./feedback-figures.js";
import {
  clearErrors,
  field,
  fill,
  formAlert,
  h,
  heading,
  loading,
  plainDate,
  problemBox,
  put,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";
import { alertsSentToMe, caseloadAlerts } from "./alert-lists.js";
import { phoneAlertsSection } from "./phone-alerts.js";
import { youngPeopleList } from "./young-people-list.js";

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function checkNewPerson(form) {
  const errors = [];
  if (!form.elements.preferred_name.value.trim()) {
    errors.push({ field: "preferred_name", message: "Enter the name they like to be called." });
  }
  const dob = form.elements.date_of_birth.value;
  if (!dob) errors.push({ field: "date_of_birth", message: "Enter their date of birth." });
  else if (dob > today())
    errors.push({ field: "date_of_birth", message: "Date of birth must be in the past." });
  return errors;
}

function addForm(go) {
  const form = h(
    "form",
    { novalidate: true, testid: "add-young-person-form" },
    formAlert("add-young-person-error"),
    field({
      label: "Preferred name",
      name: "preferred_name",
      hint: "The name they like to be called.",
      testid: "add-preferred-name",
      autocomplete: "off",
    }),
    field({
      label: "Date of birth",
      name: "date_of_birth",
      type: "date",
      testid: "add-date-of-birth",
      max: today(),
    }),
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "add-young-person-submit" },
      "Add young person",
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const problems = checkNewPerson(form);
    if (problems.length) {
      showFormProblem(form, "Check the details below.", "", problems);
      return;
    }
    const body = {
      preferred_name: form.elements.preferred_name.value.trim(),
      date_of_birth: form.elements.date_of_birth.value,
    };
    try {
      const person = await whileBusy(form, () => post("/api/young-people", body));
      go(`#/young-people/${encodeURIComponent(person.id)}`);
    } catch (error) {
      if (error.status !== 401) showApiError(form, error);
    }
  });
  return form;
}

function reviewItem(review) {
  const due = plainDate(review.review_due_at);
  return h(
    "li",
    { class: review.overdue ? "card card-overdue" : "card", testid: "review" },
    h(
      "a",
      {
        href: `#/young-people/${encodeURIComponent(review.young_person_id)}/plan`,
        class: "card-link",
        testid: "review-link",
      },
      `${review.preferred_name}'s plan`,
    ),
    // Overdue is said in words and marked with a border, not shown by colour alone.
    review.overdue
      ? h(
          "p",
          { testid: "review-due" },
          h("strong", { class: "badge badge-overdue", testid: "review-overdue", text: "Overdue" }),
          ` Due since ${due}`,
        )
      : h("p", { testid: "review-due", text: `Due since ${due}` }),
    review.reason ? h("p", { class: "card-detail", text: review.reason }) : null,
  );
}

async function reviewsSection(isCurrent) {
  const area = h("div", { testid: "reviews-area" }, loading());
  const section = h(
    "section",
    { "aria-labelledby": "reviews-heading" },
    h("h2", { id: "reviews-heading", text: "Plans to review" }),
    area,
  );
  try {
    const reviews = await get("/api/plans/reviews-due");
    if (!isCurrent()) return section;
    const overdue = reviews.filter((r) => r.overdue).length;
    fill(
      area,
      reviews.length
        ? [
            h("p", {
              testid: "reviews-summary",
              text: `${reviews.length} to review${overdue ? `, ${overdue} overdue` : ""}.`,
            }),
            h("ul", { class: "cards", testid: "reviews" }, reviews.map(reviewItem)),
          ]
        : h("p", { testid: "reviews", text: "No plans need reviewing." }),
    );
  } catch (error) {
    if (error.status !== 401) fill(area, problemBox(error));
  }
  return section;
}

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  put(
    view,
    heading("Your caseload"),
    h("p", {}, h("a", { href: "#/dashboard", class: "card-link", testid: "dashboard-link" }, t("dashboard.link"))),
    placeholder,
  );
  const alerts = alertsSentToMe(isCurrent);
  const reviews = reviewsSection(isCurrent);
  try {
    const people = await get("/api/young-people");
    placeholder.replaceWith(
      youngPeopleList(people, {
        testid: "caseload",
        empty: "Nobody is on your caseload yet.",
        showAccount: true,
      }),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  const sentToMe = await alerts;
  if (!isCurrent()) return;
  // On duty, an alert still on goes at the top.
  if (sentToMe.urgent) view.querySelector("h1").after(sentToMe.urgent);
  put(
    view,
    caseloadAlerts(isCurrent),
    sentToMe.section,
    await reviews,
    h(
      "section",
      { "aria-labelledby": "add-heading" },
      h("h2", { id: "add-heading", text: "Add a young person" }),
      h("p", { text: "They will be added to your caseload." }),
      addForm(go),
    ),
    phoneAlertsSection(),
    feedbackSection(me.user.role),
    accountSection(me, go),
  );
}
