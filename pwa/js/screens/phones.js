// Where this person is signed in, with a way to sign any of those out (a lost phone);
// and, for a young person's social worker, the phones of the carers placed with them.
import { del, get, putJson } from "../api.js";
import { t } from "../i18n.js";
import { phonesTitle } from "../account.js";
import { forgetOffline } from "../offline.js";
import { forgetEverything } from "../state.js";
import {
  announce,
  clearErrors,
  field,
  formAlert,
  h,
  heading,
  loading,
  plainWhen,
  problemBox,
  put,
  showApiError,
  whileBusy,
} from "../ui.js";
import { phoneText } from "./plan-parts.js";

// The adults the police form names (issue 12): their own number, so the police can call.
const GIVES_A_PHONE = ["carer", "social_worker", "manager"];

function ownPhone(me) {
  const number = field({
    label: t("phones.own_number"),
    name: "phone",
    type: "tel",
    hint: t("phones.own_number_hint"),
    testid: "own-phone",
    required: false,
    maxlength: "40",
    autocomplete: "tel",
  });
  number.querySelector("input").value = me.user.phone ? phoneText(me.user.phone) : "";
  const saved = h("p", { role: "status", testid: "own-phone-saved" });
  const form = h(
    "form",
    { testid: "own-phone-form", novalidate: true },
    formAlert("own-phone-error"),
    number,
    h(
      "button",
      { type: "submit", class: "button button-primary", testid: "own-phone-save" },
      t("phones.own_number_save"),
    ),
    saved,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    saved.textContent = "";
    await whileBusy(form, async () => {
      try {
        const reply = await putJson("/api/auth/me/phone", { phone: form.elements.phone.value.trim() });
        me.user.phone = reply.user.phone;
        form.elements.phone.value = reply.user.phone ? phoneText(reply.user.phone) : "";
        saved.textContent = t("phones.own_number_saved");
        announce(t("phones.own_number_saved"));
      } catch (error) {
        if (error.status !== 401) showApiError(form, error);
      }
    });
  });
  return h(
    "section",
    { "aria-labelledby": "own-phone-heading", testid: "own-phone-section" },
    h("h2", { id: "own-phone-heading", text: t("phones.own_number_title") }),
    form,
  );
}

function sessionName(session) {
  return session.device_name || (session.kind === "browser" ? t("phones.a_browser") : t("phones.a_phone"));
}

function sessionItem(session, go, alertBox) {
  const name = sessionName(session);
  const item = h(
    "li",
    { class: "card", testid: "session" },
    h(
      "p",
      { class: "card-title" },
      h("strong", { text: name }),
      session.current ? ` ${t("phones.this_one")}` : "",
    ),
    h("p", { class: "card-detail", text: t("phones.signed_in", { when: plainWhen(session.created_at) }) }),
    session.last_seen_at
      ? h("p", {
          class: "card-detail",
          text: t("phones.last_used", { when: plainWhen(session.last_seen_at) }),
        })
      : null,
  );
  const signOut = h(
    "button",
    {
      type: "button",
      class: "button button-secondary",
      testid: "session-sign-out",
      "aria-label": t("phones.sign_out_label", { name }),
    },
    session.current ? t("phones.sign_out_here") : t("phones.sign_out_phone"),
  );
  signOut.addEventListener("click", async () => {
    signOut.disabled = true;
    alertBox.replaceChildren();
    try {
      await del(`/api/auth/sessions/${encodeURIComponent(session.id)}`);
    } catch (error) {
      signOut.disabled = false;
      if (error.status !== 401) alertBox.replaceChildren(problemBox(error));
      return;
    }
    if (session.current) {
      forgetEverything();
      await forgetOffline();
      go("#/signin", { replace: true });
      return;
    }
    item.remove();
    announce(t("phones.signed_out", { name }));
  });
  item.append(signOut);
  return item;
}

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  const alertBox = h("div", { testid: "phones-alert" });
  put(view, heading(phonesTitle(me)), alertBox, placeholder);
  try {
    const sessions = await get("/api/auth/sessions");
    placeholder.replaceWith(
      h("p", { text: t("phones.intro") }),
      h(
        "ul",
        { class: "cards", testid: "sessions" },
        sessions.map((s) => sessionItem(s, go, alertBox)),
      ),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  if (GIVES_A_PHONE.includes(me?.user?.role)) put(view, ownPhone(me));
  put(view, h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))));
}

function carerPhone(person, carer, device) {
  const name = sessionName(device);
  const item = h(
    "li",
    { class: "card", testid: "carer-device" },
    h("p", { class: "card-title" }, h("strong", { text: name })),
    h("p", { class: "card-detail", text: t("phones.signed_in", { when: plainWhen(device.created_at) }) }),
    h("p", { class: "card-detail", text: t("phones.last_used", { when: plainWhen(device.last_seen_at) }) }),
  );
  const signOut = h(
    "button",
    {
      type: "button",
      class: "button button-secondary",
      testid: "carer-device-sign-out",
      "aria-label": t("phones.sign_out_carer_label", { carer: carer.name, name }),
    },
    t("phones.sign_out_phone"),
  );
  signOut.addEventListener("click", async () => {
    signOut.disabled = true;
    const url =
      `/api/young-people/${encodeURIComponent(person.id)}` +
      `/carers/${encodeURIComponent(carer.carer_id)}/devices/${encodeURIComponent(device.id)}`;
    try {
      await del(url);
      item.remove();
      announce(t("phones.carer_signed_out", { carer: carer.name, name }));
    } catch (error) {
      signOut.disabled = false;
      if (error.status !== 401) item.append(problemBox(error));
    }
  });
  item.append(signOut);
  return item;
}

function carerList(person, carers) {
  if (!carers.length) {
    const none = t("phones.no_carers", { name: person.preferred_name });
    return h("p", { testid: "carer-phones-none", text: none });
  }
  return carers.map((carer) =>
    h(
      "div",
      { testid: "carer-phones-carer" },
      h("h3", { text: carer.name }),
      carer.devices.length
        ? h(
            "ul",
            { class: "cards" },
            carer.devices.map((device) => carerPhone(person, carer, device)),
          )
        : h("p", { text: t("phones.not_signed_in") }),
    ),
  );
}

/**
 * The young person's social worker signs out a carer's lost phone here, beside the
 * young person's own phones. The section fills itself in when the list arrives.
 */
export function carerPhonesSection(person) {
  const body = h("div", {}, loading());
  get(`/api/young-people/${encodeURIComponent(person.id)}/carers/devices`).then(
    (carers) => body.replaceChildren(...[carerList(person, carers)].flat()),
    (error) => body.replaceChildren(error.status === 401 ? "" : problemBox(error)),
  );
  return h(
    "section",
    { "aria-labelledby": "carer-phones-heading", testid: "carer-phones" },
    h("h2", { id: "carer-phones-heading", text: t("phones.carers") }),
    h("p", { text: t("phones.carers_intro") }),
    body,
  );
}
