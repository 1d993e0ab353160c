// #/supervision: reflective supervision prompts drawn from young people's feedback,
// what the team agreed this quarter, and what it agreed last quarter.
import { get, post } from "../api.js";
import { field, formAlert, h, heading, loading, problemBox, put, showApiError, whileBusy } from "../ui.js";

function agreedList(items, testid) {
  return items.length
    ? h("ul", { class: "plain-list", testid }, items.map((item) => h("li", { text: `${item.text} (${item.by})` })))
    : h("p", { testid, text: "Nothing recorded." });
}

function promptCard(quarter, prompt, render) {
  const form = h(
    "form",
    { novalidate: true, testid: `supervision-${prompt.key}` },
    formAlert(),
    field({ label: "What we agreed to do", name: "text", multiline: true }),
    h("button", { type: "submit", class: "button button-secondary" }, "Save"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    whileBusy(form, async () => {
      try {
        await post("/api/feedback/supervision", { quarter, prompt: prompt.key, text: form.elements.text.value });
        await render();
      } catch (error) {
        showApiError(form, error);
      }
    });
  });
  return h("section", { class: "card" }, h("h2", { text: prompt.text }), h("p", { class: "hint", text: prompt.why }), form);
}

export async function render(view, { isCurrent }) {
  const placeholder = loading();
  put(view, heading("Reflective supervision"), placeholder);
  const draw = async () => {
    const found = await get("/api/feedback/supervision");
    if (!isCurrent()) return;
    const body = h(
      "div",
      { testid: "supervision" },
      h("p", { text: `Prompts for ${found.quarter}, drawn from what young people said about the police.` }),
      found.prompts.map((prompt) => promptCard(found.quarter, prompt, draw)),
      h("h2", { text: "Agreed this quarter" }),
      agreedList(found.agreed, "supervision-agreed"),
      h("h2", { text: "Agreed last quarter: look back" }),
      agreedList(found.last_quarter, "supervision-last-quarter"),
    );
    view.querySelector("[data-testid='supervision']")?.remove();
    view.append(body);
  };
  try {
    await draw();
    placeholder.remove();
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
}
