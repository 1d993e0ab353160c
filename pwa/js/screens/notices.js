// The signed-in person's notices, newest first: what needs them, with a link to it.
// The words come from the server already in the reader's language; a notice is marked
// read when they open its link or press "Mark as read".
import { get, post } from "../api.js";
import { t } from "../i18n.js";
import { announce, h, heading, loading, plainWhen, problemBox, put } from "../ui.js";

// The server only stores hash routes like this; anything else is not followed.
const SAFE_LINK = /^#\/[A-Za-z0-9/_-]*$/;

function unreadLine(count) {
  return count ? t("notices.unread", { count }) : t("notices.all_read");
}

async function markRead(notice) {
  await post(`/api/notices/${encodeURIComponent(notice.id)}/read`);
}

function noticeItem(notice, { go, onRead, alertBox }) {
  const unread = notice.read_at === null;
  const newTag = unread ? h("strong", { class: "notice-new", text: t("notices.new") }) : null;
  const item = h(
    "li",
    { class: unread ? "card notice notice-unread" : "card notice", testid: "notice" },
    h("p", { class: "card-title" }, newTag, newTag ? " " : null, h("span", { text: notice.text })),
    h("p", { class: "card-detail", text: plainWhen(notice.created_at) }),
  );
  const read = async () => {
    try {
      await markRead(notice);
    } catch (error) {
      if (error.status !== 401) alertBox.replaceChildren(problemBox(error));
      return false;
    }
    notice.read_at = new Date().toISOString();
    item.classList.remove("notice-unread");
    newTag?.remove();
    item.querySelector("[data-testid=notice-mark-read]")?.remove();
    onRead();
    return true;
  };
  if (notice.link && SAFE_LINK.test(notice.link)) {
    const open = h("a", { href: notice.link, class: "card-link", testid: "notice-open" }, t("notices.open"));
    open.addEventListener("click", async (event) => {
      if (notice.read_at !== null) return;
      event.preventDefault();
      await read();
      go(notice.link);
    });
    item.append(open);
  }
  if (notice.can.includes("mark_read")) {
    const button = h(
      "button",
      { type: "button", class: "button button-secondary", testid: "notice-mark-read" },
      t("notices.mark_read"),
    );
    button.addEventListener("click", async () => {
      button.disabled = true;
      if (await read()) announce(t("notices.marked_read"));
      else button.disabled = false;
    });
    item.append(button);
  }
  return item;
}

export async function render(view, { go, isCurrent }) {
  const placeholder = loading();
  const alertBox = h("div", { testid: "notices-alert" });
  put(view, heading(t("notices.title")), alertBox, placeholder);
  let listed;
  try {
    listed = await get("/api/notices");
  } catch (error) {
    if (!isCurrent()) return;
    placeholder.replaceWith(problemBox(error, "screen-problem"));
    return;
  }
  if (!isCurrent()) return;
  if (!listed.notices.length) {
    placeholder.replaceWith(h("p", { testid: "notices-none", text: t("notices.none") }));
    return;
  }
  let unread = listed.unread;
  const summary = h("p", { testid: "notices-unread", text: unreadLine(unread) });
  const onRead = () => {
    unread = Math.max(0, unread - 1);
    summary.textContent = unreadLine(unread);
  };
  placeholder.replaceWith(
    summary,
    h(
      "ul",
      { class: "cards", testid: "notices" },
      listed.notices.map((notice) => noticeItem(notice, { go, onRead, alertBox })),
    ),
  );
}
