// Where this person is signed in, with a way to sign any of those out (a lost phone);
// and, for a young person's social worker, the phones of the carers placed with them.
import { del, get } from "../api.js";
import { phonesTitle } from "../account.js";
import { forgetOffline } from "../offline.js";
import { forgetEverything } from "../state.js";
import { announce, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";

function sessionName(session) {
  return session.device_name || (session.kind === "browser" ? "A web browser" : "A phone");
}

function sessionItem(session, go, alertBox) {
  const name = sessionName(session);
  const item = h(
    "li",
    { class: "card", testid: "session" },
    h("p", { class: "card-title" }, h("strong", { text: name }), session.current ? " (this one)" : ""),
    h("p", { class: "card-detail", text: `Signed in ${plainWhen(session.created_at)}` }),
    session.last_seen_at
      ? h("p", { class: "card-detail", text: `Last used ${plainWhen(session.last_seen_at)}` })
      : null,
  );
  const signOut = h(
    "button",
    {
      type: "button",
      class: "button button-secondary",
      testid: "session-sign-out",
      "aria-label": `Sign out ${name}`,
    },
    session.current ? "Sign out here" : "Sign out this phone",
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
    announce(`${name} is signed out.`);
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
      h("p", { text: "If you lose a phone, sign it out here. Whoever has it will not be able to get in." }),
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
  put(view, h("p", {}, h("a", { href: "#/home", testid: "link-home" }, "Back to home")));
}

function carerPhone(person, carer, device) {
  const name = sessionName(device);
  const item = h(
    "li",
    { class: "card", testid: "carer-device" },
    h("p", { class: "card-title" }, h("strong", { text: name })),
    h("p", { class: "card-detail", text: `Signed in ${plainWhen(device.created_at)}` }),
    h("p", { class: "card-detail", text: `Last used ${plainWhen(device.last_seen_at)}` }),
  );
  const signOut = h(
    "button",
    {
      type: "button",
      class: "button button-secondary",
      testid: "carer-device-sign-out",
      "aria-label": `Sign out ${carer.name}'s ${name}`,
    },
    "Sign out this phone",
  );
  signOut.addEventListener("click", async () => {
    signOut.disabled = true;
    const url =
      `/api/young-people/${encodeURIComponent(person.id)}` +
      `/carers/${encodeURIComponent(carer.carer_id)}/devices/${encodeURIComponent(device.id)}`;
    try {
      await del(url);
      item.remove();
      announce(`${carer.name}'s ${name} is signed out.`);
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
    const none = `No carers are placed with ${person.preferred_name}.`;
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
        : h("p", { text: "Not signed in on any phone." }),
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
    h("h2", { id: "carer-phones-heading", text: "Carers' phones" }),
    h("p", { text: "If a carer loses a phone, sign it out so nobody else can use it." }),
    body,
  );
}
