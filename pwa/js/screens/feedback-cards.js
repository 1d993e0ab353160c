// #/feedback-cards: printed cards for the return interview, each with its own
// single-use link to the police-feedback form (a QR code and a short link).
import { post } from "../api.js";
import { field, formAlert, h, heading, put, showApiError, whileBusy } from "../ui.js";

function card(item) {
  return h(
    "li",
    { class: "feedback-card", testid: "feedback-card" },
    h("p", { class: "card-heading", text: "Tell us how the police treated you" }),
    h("img", { class: "qr", src: item.qr_svg, alt: "QR code for the feedback form" }),
    h("p", { class: "hint", text: "Or type this link:" }),
    h("p", { class: "short-link", testid: "feedback-card-link", text: item.url }),
    h("p", { class: "hint", text: `Works once, until ${item.expires_on}. Nobody will know who answered.` }),
  );
}

export async function render(view) {
  const list = h("ul", { class: "feedback-cards", testid: "feedback-cards" });
  const form = h(
    "form",
    { novalidate: true, testid: "feedback-cards-form" },
    formAlert(),
    field({ label: "How many cards?", name: "count", type: "number", min: "1", max: "30", value: "6", class: "input-short" }),
    h("button", { type: "submit", class: "button button-primary", testid: "feedback-make-cards" }, "Make cards"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    whileBusy(form, async () => {
      try {
        const cards = await post("/api/feedback/cards", { count: Number(form.elements.count.value) });
        list.replaceChildren(...cards.map(card));
        const print = h("button", { type: "button", class: "button button-secondary", testid: "feedback-print" }, "Print");
        print.addEventListener("click", () => window.print());
        list.before(print);
      } catch (error) {
        showApiError(form, error);
      }
    });
  });
  put(
    view,
    heading("Feedback cards"),
    h("p", { text: "Give a card to a young person after they come back. Each card works once and is not linked to anyone." }),
    form,
    list,
  );
}
