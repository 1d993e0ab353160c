// An admin's home: every account, with a way to switch one off and on again.
import { get, post } from "../api.js";
import { accountSection } from "../account.js";
import { announce, h, heading, loading, plainWhen, problemBox, put, roleForAdults } from "../ui.js";

function cell(label, content, props = {}) {
  // data-label lets narrow screens show each row as a labelled card (see app.css).
  return h("td", { "data-label": label, ...props }, content);
}

function accountRow(user, alertBox, myId) {
  const status = cell("Status", "", { testid: "user-status" });
  if (user.id === myId) {
    // The server refuses it anyway; an admin locking themselves out helps nobody.
    status.textContent = user.active ? "Active" : "Deactivated";
    return accountCells(user, status, "This is you");
  }
  const action = h("button", { type: "button", class: "button button-small", testid: "user-toggle" });
  const show = (active) => {
    user.active = active;
    status.textContent = active ? "Active" : "Deactivated";
    action.textContent = active ? "Deactivate" : "Reactivate";
    action.setAttribute("aria-label", `${active ? "Deactivate" : "Reactivate"} ${user.display_name}`);
  };
  action.addEventListener("click", async () => {
    const verb = user.active ? "deactivate" : "reactivate";
    action.disabled = true;
    alertBox.replaceChildren();
    try {
      await post(`/api/admin/users/${encodeURIComponent(user.id)}/${verb}`);
      show(!user.active);
      announce(`${user.display_name}'s account is ${user.active ? "active again" : "deactivated"}.`);
    } catch (error) {
      if (error.status !== 401) alertBox.replaceChildren(problemBox(error, "admin-action-problem"));
    } finally {
      action.disabled = false;
    }
  });
  show(user.active);
  return accountCells(user, status, action);
}

function accountCells(user, status, action) {
  return h(
    "tr",
    { testid: "user-row", "data-user-id": user.id },
    h("th", { scope: "row", "data-label": "Name", text: user.display_name }),
    cell("Role", roleForAdults(user.role)),
    cell("Signs in with", user.email || user.username || ""),
    status,
    cell("Last signed in", user.last_sign_in_at ? plainWhen(user.last_sign_in_at) : "Never"),
    cell("Action", action),
  );
}

function usersTable(users, alertBox, myId) {
  const headers = ["Name", "Role", "Signs in with", "Status", "Last signed in", "Action"];
  return h(
    "table",
    { class: "table table-stack", testid: "users" },
    h("caption", { class: "visually-hidden", text: "Accounts" }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        headers.map((text) => h("th", { scope: "col", text })),
      ),
    ),
    h(
      "tbody",
      {},
      users.map((user) => accountRow(user, alertBox, myId)),
    ),
  );
}

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  const alertBox = h("div", { testid: "admin-alert" });
  put(view, heading("Accounts"), alertBox, placeholder);
  try {
    const users = await get("/api/admin/users");
    placeholder.replaceWith(usersTable(users, alertBox, me.user.id));
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  put(view, accountSection(me, go));
}
