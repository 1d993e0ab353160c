// An invite ready to hand over: a QR code to scan, the link with a Copy button, a
// "Text this link" button (an sms: link with the words written in), "Email it" when
// this server can send email, the code, and when it runs out. Says truthfully what
// has happened to it: made is not sent. Used for account invites, a young person's
// people and new sign-in links.
import { post } from "../api.js";
import { t } from "../i18n.js";
import { announce, clearErrors, field, formAlert, h, plainWhen, showApiError, showFormProblem, whileBusy } from "../ui.js";

async function copyLink(url, status) {
  try {
    await navigator.clipboard.writeText(url);
    status.textContent = t("invite.copied");
  } catch {
    status.textContent = t("invite.not_copied");
  }
}

/** An sms: link that opens the phone's messages app with `text` written in. */
export function smsHref(text) {
  // "sms:?&body=" is understood by Android and iPhone alike.
  return `sms:?&body=${encodeURIComponent(text)}`;
}

function emailForm(invite, state, onSent) {
  const form = h(
    "form",
    { novalidate: true, testid: "invite-email-form", class: "invite-email" },
    formAlert("invite-email-error"),
    field({
      label: t("invite.email_label"),
      name: "email",
      type: "email",
      testid: "invite-email",
      autocomplete: "off",
    }),
    h(
      "button",
      { type: "submit", class: "button button-secondary", testid: "invite-email-send" },
      t("invite.email_send"),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const email = form.elements.email.value.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      showFormProblem(form, t("common.check_details"), "", [
        { field: "email", message: t("invite.email_enter") },
      ]);
      return;
    }
    try {
      const sent = await whileBusy(form, () => post("/api/invites/email", { young_person_id: invite.young_person_id, code: invite.code, email }));
      const text = t("invite.state_emailed", { email: sent.email });
      state.replaceChildren(
        h("span", { text }),
        sent.mailbox
          ? h(
              "span",
              {},
              " ",
              h("a", { href: "#/mailbox", testid: "invite-mailbox-link" }, t("mailbox.open")),
            )
          : null,
      );
      announce(text);
      onSent?.();
    } catch (error) {
      if (error.status !== 401) showApiError(form, error);
    }
  });
  return form;
}

/**
 * `invite` is the API's {code, url, qr_svg, expires_at, state?, can_email?}. Returns
 * {title, panel}; put the panel on screen, then focus the title so the new content is
 * read out. `smsText` is what "Text this link" writes in; `expiresText` overrides the
 * "works once until" line; `onSent` is called after it was emailed; `headingLevel` fits the title into the screen's headings.
 */
export function invitePanel(
  invite,
  { title, intro, qrAlt, role, smsText, expiresText, headingLevel = 3, onSent },
) {
  const status = h("p", { role: "status", class: "hint" });
  const titleEl = h(`h${headingLevel}`, { tabindex: "-1", text: title });
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
  const text = h(
    "a",
    { href: smsHref(smsText ?? t("invite.sms_body", { url: invite.url })), class: "button button-secondary", testid: "invite-sms" },
    t("invite.text_it"),
  );
  // Truthful: nothing has been sent until someone texts, emails or shows it.
  const state = h("p", {
    testid: "invite-state",
    class: "notice",
    text: t(invite.can_email ? "invite.state_not_sent" : "invite.state_not_sent_no_email"),
  });
  return {
    title: titleEl,
    panel: h(
      "div",
      { class: "invite", testid: "invite-panel", "data-role": role },
      titleEl,
      h("p", { text: intro }),
      state,
      qr,
      h(
        "p",
        { class: "invite-link" },
        t("invite.link"),
        " ",
        h("code", { testid: "invite-link", dir: "ltr", text: invite.url }),
      ),
      h("div", { class: "button-row" }, copy, text),
      status,
      invite.can_email ? emailForm(invite, state, onSent) : null,
      h(
        "p",
        {},
        t("invite.code"),
        " ",
        h("strong", { testid: "invite-code", dir: "ltr", text: invite.code }),
      ),
      h("p", {
        testid: "invite-expires",
        text: expiresText ?? t("invite.works_once", { when: plainWhen(invite.expires_at) }),
      }),
    ),
  };
}
