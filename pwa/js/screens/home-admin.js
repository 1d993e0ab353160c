// An admin's home: every account, with a way to switch one off and on again.
import { get, post } from "../api.js";
import { accountSection } from "../account.js";
import { announce, h, heading, loading, plainWhen, problemBox, put, roleForAdults } from "../ui.js";
import { invitePanel } from "./invite-panel.js";

/**
 * A carer or professional who lost their password or second factor: a one-time link
 * to choose a new password (and add a new second factor). They are told it was made.
 */
function resetButton(user, alertBox) {
  const button = h(
    "button",
    {
      type: "button",
      class: "button button-small button-secondary",
      testid: "user-reset-link",
      "aria-label": `Make a reset link for ${user.display_name}`,
    },
    "Reset link",
  );
  button.addEventListener("click", async () => {
    button.disabled = true;
    alertBox.replaceChildren();
    try {
      const link = await post(`/api/admin/users/${encodeURIComponent(user.id)}/reset-link`);
      const { title, panel } = invitePanel(link, {
        role: "reset_link",
        headingLevel: 2,
        title: `A reset link for ${user.display_name}`,
        intro: `${user.display_name} opens it and chooses a new password${user.role === "carer" ? "" : " and second factor"}. Give it to them yourself: it works once, and signs them out everywhere else.`,
        qrAlt: `QR code for ${user.display_name}'s reset link`,
        smsText: `Your Homeward reset link: ${link.url}`,
        expiresText: `This link works once, until ${plainWhen(link.expires_at)}.`,
      });
      alertBox.replaceChildren(panel);
      title.focus();
    } catch (error) {
      if (error.status !== 401) alertBox.replaceChildren(problemBox(error, "admin-action-problem"));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function cell(label, content, props = {}) {
  // data-label lets narrow screens show each row as a labelled card (see app.css).
  return h("td", { "data-label": label, ...props }, content);
}

function accountRow(user, alertBox, myId) {
  const status = cell("Status", "", { testid: "user-status" });
  if (!(user.can ?? []).length) {
    // The server says what may be done with each account (`can`): never your own.
    status.textContent = user.active ? "Active" : "Deactivated";
    return accountCells(user, status, user.id === myId ? "This is you" : "");
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
  const actions = (user.can ?? []).includes("reset_link")
    ? h("div", { class: "button-row" }, action, resetButton(user, alertBox))
    : action;
  return accountCells(user, status, actions);
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

function refusedRow(attempt) {
  return h(
    "tr",
    { testid: "refused-row" },
    h("th", { scope: "row", "data-label": "When" }, h("time", { datetime: attempt.at, text: plainWhen(attempt.at) })),
    cell("Who", attempt.actor_name),
    cell("Role", roleForAdults(attempt.actor_role)),
    cell("What they tried", attempt.what),
  );
}

/**
 * Attempts that were stopped, newest first, one page at a time: "Show older" asks for
 * the page after the last one shown (the server's cursor), so nothing is cut off.
 */
function refusedSection(first) {
  const rows = h("tbody", {}, first.attempts.map(refusedRow));
  const table = h(
    "table",
    { class: "table table-stack", testid: "refused" },
    h("caption", { class: "visually-hidden", text: "Attempts that were stopped" }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["When", "Who", "Role", "What they tried"].map((text) => h("th", { scope: "col", text })),
      ),
    ),
    rows,
  );
  const problem = h("div", { testid: "refused-problem" });
  const older = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "refused-older" },
    "Show older",
  );
  let cursor = first.older;
  older.hidden = !cursor;
  older.addEventListener("click", async () => {
    older.disabled = true;
    problem.replaceChildren();
    try {
      const page = await get(`/api/admin/refused?before=${encodeURIComponent(cursor)}`);
      rows.append(...page.attempts.map(refusedRow));
      cursor = page.older;
      older.hidden = !cursor;
      announce(
        cursor
          ? `${page.attempts.length} older attempts shown.`
          : `${page.attempts.length} older attempts shown. That is all of them.`,
      );
    } catch (error) {
      if (error.status !== 401) problem.replaceChildren(problemBox(error, "refused-older-problem"));
    } finally {
      older.disabled = false;
    }
  });
  return h(
    "section",
    { "aria-labelledby": "refused-heading" },
    h("h2", { id: "refused-heading", text: "Attempts that were stopped" }),
    h("p", {
      text: "People who tried to open something they are not allowed to see. Follow up anything you don't expect.",
    }),
    first.attempts.length === 0
      ? h("p", { testid: "refused-none", text: "Nobody has been stopped." })
      : [table, problem, older],
  );
}

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  const alertBox = h("div", { testid: "admin-alert" });
  put(view, heading("Accounts"), h("p", {}, h("a", { href: "#/council-settings", testid: "council-settings-link" }, "Council settings")), h("p", {}, h("a", { href: "#/interviewers", testid: "interviewers-link" }, "Return interviewers")), alertBox, placeholder);
  try {
    const [users, refused] = await Promise.all([get("/api/admin/users"), get("/api/admin/refused")]);
    placeholder.replaceWith(usersTable(users, alertBox, me.user.id), refusedSection(refused));
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(problemBox(error));
  }
  put(view, accountSection(me, go));
}
