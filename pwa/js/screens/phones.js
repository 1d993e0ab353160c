// Where this person is signed in, with a way to sign any of those out (a lost phone).
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
