// An invite ready to hand over: a QR code to scan, the link with a Copy button, the
// code, and when it runs out. Used for account invites and for a young person's people.
import { t } from "../i18n.js";
import { h, plainWhen } from "../ui.js";

async function copyLink(url, status) {
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = t("invite.copied");
  } catch {
    status.textContent = t("invite.not_copied");
  }
}

/**
 * `invite` is the API's {code, url, qr_svg, expires_at}. Returns {title, panel}; put
 * the panel on screen, then focus the title so the new content is read out.
 */
export function invitePanel(invite, { title, intro, qrAlt, role }) {
  const status = h("p", { role: "status", class: "hint" });
  const titleEl = h("h3", { tabindex: "-1", text: title });
  // Only our own server's data: URL, never a link to somewhere else.
  const qr = String(invite.qr_svg).startsWith("data:image/svg+xml")
    ? h("img", { src: invite.qr_svg, alt: qrAlt, class: "qr", testid: "invite-qr" })
    : null;
  const copy = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "invite-copy" },
    t("invite.copy"),
  );
  copy.addEventListener("click", () => copyLink(invite.url, status));
  return {
    title: titleEl,
    panel: h(
      "div",
      { class: "invite", testid: "invite-panel", "data-role": role },
      titleEl,
      h("p", { text: intro }),
      qr,
      h(
        "p",
        { class: "invite-link" },
        t("invite.link"),
        " ",
        h("code", { testid: "invite-link", dir: "ltr", text: invite.url }),
      ),
      copy,
      status,
      h(
        "p",
        {},
        t("invite.code"),
        " ",
        h("strong", { testid: "invite-code", dir: "ltr", text: invite.code }),
      ),
      h("p", {
        testid: "invite-expires",
        text: t("invite.works_once", { when: plainWhen(invite.expires_at) }),
      }),
    ),
  };
}
