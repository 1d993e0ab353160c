// A young person's people (the trusted trio): #/people for the young person, and
// #/young-people/<id>/people for their social worker. Up to 3 people; each can be
// invited by link or QR code, says yes on their own phone, and can step down.
import { del, get, post, putJson } from "../api.js";
import { t } from "../i18n.js";
import {
  announce,
  clearErrors,
  confirmIn,
  field,
  fill,
  formAlert,
  h,
  heading,
  loading,
  plainWhen,
  problemBox,
  showApiError,
  showFormProblem,
  whileBusy,
} from "../ui.js";
import { invitePanel } from "./invite-panel.js";
import { loadForScreen, phoneText, whose } from "./plan-parts.js";

const MAX_PEOPLE = 3;
const STATE_WORDS = {
  not_invited: "people.state.not_invited",
  invited: "people.state.invited",
  active: "people.state.active",
  stepped_down: "people.state.stepped_down",
};

const stateOf = (person) => (STATE_WORDS[person.state] ? t(STATE_WORDS[person.state]) : person.state);

/** "Said yes, notifications on" and so on, for the adults' summary. */
export function stateWords(person) {
  const words = stateOf(person);
  if (person.state !== "active") return words;
  return person.notifications ? t("people.state.active_on") : t("people.state.active_off");
}

function title(who) {
  return who.forYoungPerson ? t("home.your_people") : t("plan.section.trio_of", { name: who.name });
}

function fieldWords(who) {
  return who.forYoungPerson
    ? {
        name: t("people.field.name"),
        how: t("people.field.how"),
        howHint: t("people.field.how_hint"),
        phone: t("people.field.phone"),
        email: t("people.field.email"),
        what: t("people.field.what"),
      }
    : {
        name: t("people.field.name_of"),
        how: t("people.field.how_of", { name: who.name }),
        howHint: t("people.field.how_hint_of"),
        phone: t("people.field.phone_of"),
        email: t("people.field.email_of"),
        what: t("people.field.what_of"),
      };
}

function personForm(who, person, { submitLabel, testid, onDone, onCancel }) {
  const w = fieldWords(who);
  const value = (key) => person?.[key] ?? "";
  const control = (options, current) => {
    const wrap = field(options);
    wrap.querySelector("input, textarea").value = current;
    return wrap;
  };
  const cancel = onCancel
    ? h(
        "button",
        { type: "button", class: "button button-secondary", testid: "person-cancel" },
        t("common.cancel"),
      )
    : null;
  cancel?.addEventListener("click", onCancel);
  const form = h(
    "form",
    { novalidate: true, testid, class: "person-form" },
    formAlert("person-form-error"),
    control(
      { label: w.name, name: "name", testid: "person-name", maxlength: 80, autocomplete: "off" },
      value("name"),
    ),
    control(
      {
        label: w.how,
        name: "how_they_know_me",
        hint: w.howHint,
        testid: "person-how",
        maxlength: 200,
        required: false,
        autocomplete: "off",
      },
      value("how_they_know_me"),
    ),
    control(
      {
        label: w.phone,
        name: "phone",
        type: "tel",
        testid: "person-phone",
        maxlength: 30,
        required: false,
        autocomplete: "off",
      },
      phoneText(value("phone")),
    ),
    control(
      {
        label: w.email,
        name: "email",
        type: "email",
        testid: "person-email",
        maxlength: 254,
        required: false,
        autocomplete: "off",
      },
      value("email"),
    ),
    control(
      {
        label: w.what,
        name: "what_they_will_do",
        testid: "person-what",
        maxlength: 500,
        required: false,
        multiline: true,
      },
      value("what_they_will_do"),
    ),
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "submit", class: "button button-primary", testid: "person-save" }, submitLabel),
      cancel,
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = Object.fromEntries(
      ["name", "how_they_know_me", "phone", "email", "what_they_will_do"].map((key) => [
        key,
        form.elements[key].value.trim(),
      ]),
    );
    const problems = [];
    if (!body.name) problems.push({ field: "name", message: t("people.write_name") });
    if (!body.phone && !body.email) {
      problems.push({ field: "phone", message: t("people.phone_or_email") });
    }
    if (problems.length) {
      showFormProblem(form, t("common.check_details"), "", problems);
      return;
    }
    try {
      const saved = await whileBusy(form, () => onDone.send(body));
      await onDone.after(saved);
    } catch (error) {
      if (error.status !== 401) showApiError(form, error);
    }
  });
  return form;
}

function stateLines(person, who) {
  const lines = [
    h("p", { class: "person-state" }, h("strong", { testid: "person-state", text: stateOf(person) })),
  ];
  if (person.state === "invited" && person.invite_expires_at) {
    lines.push(
      h("p", {
        class: "card-detail",
        testid: "person-invite-expires",
        text: t("people.invite_until", { when: plainWhen(person.invite_expires_at) }),
      }),
    );
  }
  if (person.state === "active") {
    lines.push(
      h("p", {
        testid: "person-notifications",
        text: person.notifications ? t("people.notifications_on") : t("people.notifications_off"),
      }),
    );
    if (!person.notifications) {
      lines.push(
        h("p", {
          class: "card-detail",
          text: t("people.no_alerts_until", { name: person.name }),
        }),
      );
    }
  }
  if (person.state === "stepped_down") {
    lines.push(
      h("p", {
        class: "card-detail",
        text: who.forYoungPerson
          ? t("people.stepped_down_yours", { name: person.name })
          : t("people.stepped_down", { name: person.name, young_person: who.name }),
      }),
    );
  }
  return lines;
}

function details(person) {
  return [
    person.how_they_know_me
      ? h("p", { class: "card-detail", dir: "auto", text: person.how_they_know_me })
      : null,
    person.phone
      ? h("p", {}, h("bdi", { dir: "ltr", testid: "person-phone-text", text: phoneText(person.phone) }))
      : null,
    person.email ? h("p", { class: "card-detail", dir: "ltr", text: person.email }) : null,
    person.what_they_will_do ? h("p", { dir: "auto", text: person.what_they_will_do }) : null,
  ];
}

const INVITE_LABEL = {
  invited: "people.new_invite",
  stepped_down: "people.ask_again",
};

export async function render(view, { params, me, isCurrent }) {
  const who = whose({ me, params });
  if ((await loadForScreen(view, who, isCurrent, { errorTitle: title(who) })) === undefined) return;
  if (!isCurrent()) return;
  const base = `${who.api}/contacts`;
  const listArea = h("div", { testid: "people-area" });
  const addArea = h("div", { testid: "add-person-area" });
  const listHeading = h("h2", { id: "people-list-heading", tabindex: "-1" });

  async function refresh({ focus = null, message = "" } = {}) {
    let people;
    try {
      people = await get(base);
    } catch (error) {
      if (!isCurrent() || error.status === 401) return;
      listArea.replaceChildren(problemBox(error));
      return;
    }
    if (!isCurrent()) return;
    draw(people);
    if (message) announce(message);
    if (focus !== false) (focus?.() ?? listHeading).focus();
  }

  function card(person) {
    const item = h("li", { class: "card", testid: "person", "data-person-id": person.id });
    const actions = h("div", { class: "button-row" });
    const extra = h("div", { testid: "person-extra" });
    const show = () => {
      fill(
        item,
        h("h3", { class: "card-heading", tabindex: "-1", testid: "person-name-text", text: person.name }),
        details(person),
        stateLines(person, who),
        person.can.length ? actions : null,
        extra,
      );
    };
    if (person.can.includes("invite")) {
      const invite = h(
        "button",
        { type: "button", class: "button button-primary", testid: "person-invite" },
        t(INVITE_LABEL[person.state] ?? "people.invite", { name: person.name }),
      );
      invite.addEventListener("click", async () => {
        invite.disabled = true;
        try {
          const made = await post(`${base}/${encodeURIComponent(person.id)}/invite`);
          const { title: panelTitle, panel } = invitePanel(made, {
            role: "trusted_contact",
            title: t("people.invite_title", { name: person.name }),
            intro: who.forYoungPerson
              ? t("people.invite_intro_yours", { name: person.name })
              : t("people.invite_intro", { name: person.name }),
            qrAlt: who.forYoungPerson
              ? t("people.qr_alt_yours", { name: person.name })
              : t("people.qr_alt", { name: person.name, young_person: who.name }),
          });
          person.state = "invited";
          person.invite_expires_at = made.expires_at;
          invite.textContent = t("people.new_invite", { name: person.name });
          invite.disabled = false;
          show();
          extra.replaceChildren(panel);
          panelTitle.focus();
        } catch (error) {
          invite.disabled = false;
          if (error.status !== 401) extra.replaceChildren(problemBox(error, "person-problem"));
        }
      });
      actions.append(invite);
    }
    const change = h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        testid: "person-change",
        "aria-label": t("people.change_label", { name: person.name }),
      },
      t("common.change"),
    );
    change.addEventListener("click", () => {
      const form = personForm(who, person, {
        submitLabel: t("common.save"),
        testid: "edit-person-form",
        onCancel: () => {
          show();
          change.focus();
        },
        onDone: {
          send: (body) => putJson(`${base}/${encodeURIComponent(person.id)}`, body),
          after: (saved) =>
            refresh({
              message: t("people.saved", { name: saved.name }),
              focus: () => listArea.querySelector(`[data-person-id="${CSS.escape(saved.id)}"] h3`),
            }),
        },
      });
      fill(
        item,
        h("h3", {
          class: "card-heading",
          tabindex: "-1",
          text: t("people.change_label", { name: person.name }),
        }),
        form,
      );
      item.querySelector("h3").focus();
    });
    const remove = h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        testid: "person-remove",
        "aria-label": t("people.remove_label", { name: person.name }),
      },
      t("common.remove"),
    );
    remove.addEventListener("click", () =>
      confirmIn(extra, remove, {
        label: t("people.remove_group", { name: person.name }),
        question: who.forYoungPerson
          ? t("people.remove_question_yours", { name: person.name })
          : t("people.remove_question", { name: person.name, young_person: who.name }),
        yes: t("people.remove_yes", { name: person.name }),
        no: t("people.remove_no", { name: person.name }),
        testid: "person-remove",
        problem: "person-problem",
        act: async () => {
          await del(`${base}/${encodeURIComponent(person.id)}`);
          await refresh({ message: t("people.removed", { name: person.name }) });
        },
      }),
    );
    if (person.can.includes("change")) actions.append(change);
    if (person.can.includes("remove")) actions.append(remove);
    show();
    return item;
  }

  function draw(people) {
    const live = people.filter((p) => p.state !== "stepped_down");
    const gone = people.filter((p) => p.state === "stepped_down");
    listHeading.textContent = t("people.count", { count: live.length, max: MAX_PEOPLE });
    fill(
      listArea,
      listHeading,
      live.length
        ? h("ul", { class: "cards", testid: "people" }, live.map(card))
        : h("p", {
            testid: "people",
            text: who.forYoungPerson ? t("people.none_yours") : t("people.none"),
          }),
      gone.length
        ? [
            h("h2", { text: t("people.stepped_down_heading") }),
            h("ul", { class: "cards", testid: "people-stepped-down" }, gone.map(card)),
          ]
        : null,
    );
    if (live.length >= MAX_PEOPLE) {
      fill(
        addArea,
        h("h2", { id: "add-person-heading", text: t("people.add_heading") }),
        h("p", {
          testid: "people-full",
          text: who.forYoungPerson ? t("people.full_yours") : t("people.full"),
        }),
      );
      return;
    }
    fill(
      addArea,
      h("h2", { id: "add-person-heading", text: t("people.add_heading") }),
      personForm(who, null, {
        submitLabel: t("people.add"),
        testid: "add-person-form",
        onDone: {
          send: (body) => post(base, body),
          after: (saved) =>
            refresh({
              message: t("people.added", { name: saved.name }),
              focus: () => listArea.querySelector(`[data-person-id="${CSS.escape(saved.id)}"] h3`),
            }),
        },
      }),
    );
  }

  fill(
    view,
    heading(title(who)),
    h("p", {
      text: who.forYoungPerson ? t("people.intro_yours") : t("people.intro", { name: who.name }),
    }),
    listArea,
    addArea,
    h(
      "p",
      {},
      h(
        "a",
        { href: who.homeHash, testid: "link-back" },
        who.forYoungPerson ? t("common.back_my_home") : t("common.back_to", { name: who.name }),
      ),
    ),
  );
  listArea.append(loading());
  await refresh({ focus: false });
}
