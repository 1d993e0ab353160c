// #/feedback-quotes: a manager reads what young people wrote before anyone else, takes
// out names and places, then shares it with the figures or keeps it back.
import { get, post } from "../api.js";
import { field, formAlert, h, heading, loading, problemBox, put, showApiError, whileBusy } from "../ui.js";

function quoteForm(quote, done) {
  const form = h(
    "form",
    { novalidate: true, class: "card", testid: "feedback-quote" },
    formAlert(),
    h("blockquote", { testid: "feedback-quote-text", text: quote.text }),
    field({ label: "Words to share (take out names and places)", name: "text", multiline: true }),
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "submit", class: "button button-primary", testid: "feedback-release" }, "Share"),
      h("button", { type: "button", class: "button button-secondary", testid: "feedback-withhold" }, "Keep back"),
    ),
  );
  form.elements.text.value = quote.text;
  const act = (path, body) =>
    whileBusy(form, async () => {
      try {
        await post(`/api/feedback/quotes/${quote.id}/${path}`, body);
        done(form);
      } catch (error) {
        showApiError(form, error);
      }
    });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act("release", { text: form.elements.text.value });
  });
  form.querySelector("[data-testid='feedback-withhold']").addEventListener("click", () => act("withhold"));
  return form;
}

export async function render(view, { isCurrent }) {
  const placeholder = loading();
  put(view, heading("Words from young people"), placeholder);
  try {
    const quotes = await get("/api/feedback/quotes");
    if (!isCurrent()) return;
    placeholder.replaceWith(
      h("p", { text: "Phone numbers and emails are already hidden. Nobody else sees these words until you share them." }),
      quotes.length
        ? h("div", {}, ...quotes.map((quote) => quoteForm(quote, (form) => form.remove())))
        : h("p", { testid: "feedback-no-quotes", text: "Nothing is waiting." }),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
}
