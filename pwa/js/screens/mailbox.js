// The demo mailbox (#/mailbox): what Homeward emailed while someone tries it out on
// their own computer. The server answers 404 anywhere else, and this says so.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { announce, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";

// Links in an email, shown as links (only to this Homeward: nothing else is linked).
function bodyWithLinks(text) {
  const origin = location.origin;
  const parts = [];
  for (const piece of text.split(/(https?:\/\/\S+)/)) {
    if (piece.startsWith(`${origin}/`)) parts.push(h("a", { href: piece, dir: "ltr", text: piece }));
    else if (piece) parts.push(piece);
  }
  return parts;
}

function messageCard(mail) {
  return h(
    "li",
    { class: "card", testid: "mail" },
    h("h2", { class: "card-title", text: mail.subject }),
    h("p", { class: "card-detail", dir: "auto", text: t("mailbox.to", { email: mail.to }) }),
    h("p", { class: "card-detail", text: plainWhen(mail.at) }),
    h("p", { class: "mail-body", testid: "mail-body" }, ...bodyWithLinks(mail.body)),
  );
}

async function fillList(holder) {
  holder.replaceChildren(loading());
  try {
    const mails = await get("/api/demo/mailbox", { signInNeeded: false });
    holder.replaceChildren(
      mails.length
        ? h("ul", { class: "cards", testid: "mails" }, mails.map(messageCard))
        : h("p", { testid: "mailbox-empty", text: t("mailbox.empty") }),
    );
    return mails.length;
  } catch (error) {
    holder.replaceChildren(
      error.status === 404
        ? h("p", { testid: "mailbox-off", text: t("mailbox.off") })
        : problemBox(error),
    );
    return null;
  }
}

export async function render(view) {
  const holder = h("div", { testid: "mailbox" });
  const again = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "mailbox-refresh" },
    t("mailbox.refresh"),
  );
  again.addEventListener("click", async () => {
    const count = await fillList(holder);
    if (count !== null) announce(count ? t("mailbox.title") : t("mailbox.empty"));
  });
  put(view, heading(t("mailbox.title")), h("p", { text: t("mailbox.intro") }), again, holder);
  await fillList(holder);
  put(view, h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))));
}
