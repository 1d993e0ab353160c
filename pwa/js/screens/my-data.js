// "Download my information" on #/my-info: everything Homeward holds about the young
// person, as they may read it, in a page to read (HTML, plain words) and as data (JSON).
// It asks the same routes their own screens use, so the server's rules for what a young
// person may see apply: nothing about anyone else's private details comes back.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { announce, h, problemBox } from "../ui.js";

// Each part: its key in the JSON, its heading on the page, and where it comes from.
function parts(me) {
  const base = `/api/young-people/${encodeURIComponent(me.young_person_id)}`;
  return [
    { key: "me", title: "my_data.part_me", path: "/api/auth/me" },
    { key: "plan", title: "my_data.part_plan", path: `${base}/plan` },
    { key: "trusted_people", title: "my_data.part_people", path: `${base}/contacts` },
    { key: "alerts", title: "my_data.part_alerts", path: `${base}/alerts` },
    { key: "who_can_see", title: "my_data.part_who_can_see", path: `${base}/who-can-see` },
    { key: "access_log", title: "my_data.part_access_log", path: `${base}/who-has-looked` },
    { key: "chats", title: "my_data.part_chats", path: `${base}/interviews` },
    { key: "notices", title: "my_data.part_notices", path: "/api/notices" },
    { key: "phones", title: "my_data.part_phones", path: "/api/auth/sessions" },
    { key: "requests", title: "my_data.part_requests", path: `${base}/rights-requests` },
  ];
}

async function gather(me) {
  const out = { made_at: new Date().toISOString() };
  const list = parts(me);
  await Promise.all(
    list.map(async (part) => {
      try {
        out[part.key] = await get(part.path);
      } catch (error) {
        if (error.status === 401) throw error;
        out[part.key] = null; // not there yet (no plan, no chat): said so on the page
      }
    }),
  );
  // What the young person may read of each chat after coming back (not the adults' notes).
  if (Array.isArray(out.chats)) {
    out.chat_summaries = await Promise.all(
      out.chats.map((chat) =>
        get(`/api/interviews/${encodeURIComponent(chat.id)}/summary`).catch(() => null),
      ),
    );
  }
  return { data: out, list };
}

// Words people read: ids, links and the app's own action lists stay in the JSON only.
const HIDDEN = /(^id$|_id$|^can$|_hash$|^link$|^csrf)/;

function plainKey(key) {
  const words = String(key).replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(doc, value) {
  if (value === null || value === undefined || value === "") return doc.createTextNode("—");
  if (Array.isArray(value)) {
    if (!value.length) return doc.createTextNode(t("my_data.none"));
    const ul = doc.createElement("ul");
    for (const item of value) {
      const li = doc.createElement("li");
      li.append(show(doc, item));
      ul.append(li);
    }
    return ul;
  }
  if (typeof value === "object") {
    const dl = doc.createElement("dl");
    for (const [key, inner] of Object.entries(value)) {
      if (HIDDEN.test(key)) continue;
      const dt = doc.createElement("dt");
      dt.textContent = plainKey(key);
      const dd = doc.createElement("dd");
      dd.append(show(doc, inner));
      dl.append(dt, dd);
    }
    return dl;
  }
  if (typeof value === "boolean") return doc.createTextNode(value ? t("my_data.yes") : t("my_data.no"));
  return doc.createTextNode(String(value));
}

function page({ data, list }) {
  const doc = document.implementation.createHTMLDocument(t("my_data.page_title"));
  doc.documentElement.lang = document.documentElement.lang || "en";
  doc.documentElement.dir = document.documentElement.dir || "ltr";
  const charset = doc.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  doc.head.prepend(charset);
  const add = (tag, text) => {
    const el = doc.createElement(tag);
    el.textContent = text;
    doc.body.append(el);
    return el;
  };
  add("h1", t("my_data.page_title"));
  add("p", t("my_data.page_intro"));
  add("p", t("my_data.made_at", { when: new Date(data.made_at).toLocaleString(doc.documentElement.lang) }));
  for (const part of list) {
    const section = doc.createElement("section");
    section.dataset.part = part.key;
    const title = doc.createElement("h2");
    title.textContent = t(part.title);
    section.append(title, data[part.key] === null ? doc.createTextNode(t("my_data.nothing_yet")) : show(doc, data[part.key]));
    if (part.key === "chats" && data.chat_summaries?.some(Boolean)) {
      section.append(show(doc, data.chat_summaries.filter(Boolean)));
    }
    doc.body.append(section);
  }
  add("p", t("my_data.wrong"));
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

function save(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The section on #/my-info: two buttons, a page to read and the data. */
export function downloadSection(me) {
  const result = h("div", { testid: "my-data-result", role: "status" });
  const day = () => new Date().toISOString().slice(0, 10);
  const button = (testid, words, make) => {
    const b = h("button", { type: "button", class: "button button-secondary", testid }, t(words));
    b.addEventListener("click", async () => {
      b.disabled = true;
      try {
        make(await gather(me));
        result.replaceChildren();
        announce(t("my_data.saved"));
      } catch (error) {
        result.replaceChildren(problemBox(error, "my-data-problem"));
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  return h(
    "section",
    { "aria-labelledby": "my-data-heading", testid: "my-data" },
    h("h2", { id: "my-data-heading", text: t("my_data.title") }),
    h("p", { text: t("my_data.intro") }),
    button("my-data-page", "my_data.download_page", (got) =>
      save(page(got), "text/html;charset=utf-8", `homeward-my-information-${day()}.html`),
    ),
    button("my-data-json", "my_data.download_json", (got) =>
      save(JSON.stringify(got.data, null, 2), "application/json", `homeward-my-information-${day()}.json`),
    ),
    result,
  );
}
