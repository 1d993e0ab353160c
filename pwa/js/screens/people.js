// A young person's people (the trusted trio): #/people for the young person, and
// #/young-people/<id>/people for their social worker. Up to 3 people; each can be
// invited by link or QR code, says yes on their own phone, and can step down.
import { del, get, post, putJson } from "../api.js";
import {
  announce,
  clearErrors,
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
  not_invited: "Not invited yet",
  invited: "Invite sent",
  active: "Said yes",
  stepped_down: "Stepped down",
};

/** "Said yes, notifications on" and so on, for the adults' summary. */
export function stateWords(person) {
  const words = STATE_WORDS[person.state] ?? person.state;
  if (person.state !== "active") return words;
  return `${words}, notifications ${person.notifications ? "on" : "off"}`;
}

function title(who) {
  return who.forYoungPerson ? "Your people" : `${who.name}'s people`;
}

function fieldWords(who) {
  return who.forYoungPerson
    ? {
        name: "Their name",
        how: "How you know them",
        howHint: "For example: my aunt, my youth worker.",
        phone: "Their phone number",
        email: "Their email (if they have no phone)",
        what: "What they will do if you need help",
      }
    : {
        name: "Name",
        how: `How ${who.name} knows them`,
        howHint: "For example: aunt, youth worker.",
        phone: "Phone number",
        email: "Email (if no phone)",
        what: "What they will do if needed",
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
    ? h("button", { type: "button", class: "button button-secondary", testid: "person-cancel" }, "Cancel")
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
    if (!body.name) problems.push({ field: "name", message: "Write their name." });
    if (!body.phone && !body.email) {
      problems.push({ field: "phone", message: "Add a phone number or an email so they can be reached." });
    }
    if (problems.length) {
      showFormProblem(form, "Check the details below.", "", problems);
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
    h(
      "p",
      { class: "person-state" },
      h("strong", { testid: "person-state", text: STATE_WORDS[person.state] ?? person.state }),
    ),
  ];
  if (person.state === "invited" && person.invite_expires_at) {
    lines.push(
      h("p", {
        class: "card-detail",
        testid: "person-invite-expires",
        text: `The invite works until ${plainWhen(person.invite_expires_at)}.`,
      }),
    );
  }
  if (person.state === "active") {
    lines.push(
      h("p", {
        testid: "person-notifications",
        text: person.notifications ? "Notifications on" : "Notifications off",
      }),
    );
    if (!person.notifications) {
      lines.push(
        h("p", {
          class: "card-detail",
          text: `${person.name} won't get alerts until they turn notifications on.`,
        }),
      );
    }
  }
  if (person.state === "stepped_down") {
    lines.push(
      h("p", {
        class: "card-detail",
        text: who.forYoungPerson
          ? `${person.name} said they can't be one of your people any more.`
          : `${person.name} said they can't be one of ${who.name}'s people any more.`,
      }),
    );
  }
  return lines;
}

function details(person) {
  return [
    person.how_they_know_me ? h("p", { class: "card-detail", text: person.how_they_know_me }) : null,
    person.phone ? h("p", { testid: "person-phone-text", text: phoneText(person.phone) }) : null,
    person.email ? h("p", { class: "card-detail", text: person.email }) : null,
    person.what_they_will_do ? h("p", { text: person.what_they_will_do }) : null,
  ];
}

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
        person.state === "invited" ? `New invite for ${person.name}` : `Invite ${person.name}`,
      );
      invite.addEventListener("click", async () => {
        invite.disabled = true;
        try {
          const made = await post(`${base}/${encodeURIComponent(person.id)}/invite`);
          const { title: panelTitle, panel } = invitePanel(made, {
            role: "trusted_contact",
            title: `Invite for ${person.name}`,
            intro: who.forYoungPerson
              ? `Ask ${person.name} to scan this code with their phone's camera, or send them the link. They don't need an account.`
              : `Ask ${person.name} to scan this code, or send them the link. They don't need an account.`,
            qrAlt: who.forYoungPerson
              ? `QR code for ${person.name} to become one of your people`
              : `QR code for ${person.name} to become one of ${who.name}'s people`,
          });
          person.state = "invited";
          person.invite_expires_at = made.expires_at;
          invite.textContent = `New invite for ${person.name}`;
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
        "aria-label": `Change ${person.name}'s details`,
      },
      "Change",
    );
    change.addEventListener("click", () => {
      const form = personForm(who, person, {
        submitLabel: "Save",
        testid: "edit-person-form",
        onCancel: () => {
          show();
          change.focus();
        },
        onDone: {
          send: (body) => putJson(`${base}/${encodeURIComponent(person.id)}`, body),
          after: (saved) =>
            refresh({
              message: `${saved.name}'s details are saved.`,
              focus: () => listArea.querySelector(`[data-person-id="${CSS.escape(saved.id)}"] h3`),
            }),
        },
      });
      fill(
        item,
        h("h3", { class: "card-heading", tabindex: "-1", text: `Change ${person.name}'s details` }),
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
        "aria-label": `Remove ${person.name}`,
      },
      "Remove",
    );
    remove.addEventListener("click", () => {
      const yes = h(
        "button",
        { type: "button", class: "button button-danger", testid: "person-remove-yes" },
        `Yes, remove ${person.name}`,
      );
      const no = h(
        "button",
        { type: "button", class: "button button-secondary", testid: "person-remove-no" },
        `Keep ${person.name}`,
      );
      const question = h("p", {
        tabindex: "-1",
        class: "confirm-question",
        text: `Remove ${person.name}? They won't be one of ${who.forYoungPerson ? "your" : `${who.name}'s`} people any more, and won't get alerts.`,
      });
      extra.replaceChildren(
        h(
          "div",
          { class: "confirm", role: "group", "aria-label": `Remove ${person.name}?` },
          question,
          h("div", { class: "button-row" }, yes, no),
        ),
      );
      question.focus();
      no.addEventListener("click", () => {
        extra.replaceChildren();
        remove.focus();
      });
      yes.addEventListener("click", async () => {
        yes.disabled = true;
        try {
          await del(`${base}/${encodeURIComponent(person.id)}`);
        } catch (error) {
          yes.disabled = false;
          if (error.status !== 401) extra.replaceChildren(problemBox(error, "person-problem"));
          return;
        }
        await refresh({ message: `${person.name} is removed.` });
      });
    });
    if (person.can.includes("change")) actions.append(change);
    if (person.can.includes("remove")) actions.append(remove);
    show();
    return item;
  }

  function draw(people) {
    const live = people.filter((p) => p.state !== "stepped_down");
    const gone = people.filter((p) => p.state === "stepped_down");
    listHeading.textContent = `${live.length} of ${MAX_PEOPLE} people`;
    fill(
      listArea,
      listHeading,
      live.length
        ? h("ul", { class: "cards", testid: "people" }, live.map(card))
        : h("p", {
            testid: "people",
            text: who.forYoungPerson ? "You haven't added anyone yet." : "Nobody added yet.",
          }),
      gone.length
        ? [
            h("h2", { text: "People who stepped down" }),
            h("ul", { class: "cards", testid: "people-stepped-down" }, gone.map(card)),
          ]
        : null,
    );
    if (live.length >= MAX_PEOPLE) {
      fill(
        addArea,
        h("h2", { id: "add-person-heading", text: "Add someone" }),
        h("p", {
          testid: "people-full",
          text: who.forYoungPerson
            ? "You have 3 people. To add someone new, remove one first."
            : "There are 3 people already. Remove one to add someone new.",
        }),
      );
      return;
    }
    fill(
      addArea,
      h("h2", { id: "add-person-heading", text: "Add someone" }),
      personForm(who, null, {
        submitLabel: "Add this person",
        testid: "add-person-form",
        onDone: {
          send: (body) => post(base, body),
          after: (saved) =>
            refresh({
              message: `${saved.name} is added. You can invite them now.`,
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
      text: who.forYoungPerson
        ? "Your people are up to 3 people you trust, like family, friends or a youth worker. If you need help, Homeward can let them know. They don't need an account."
        : `Up to 3 people ${who.name} trusts. If ${who.name} needs help, Homeward can alert them. They don't need an account.`,
    }),
    listArea,
    addArea,
    h(
      "p",
      {},
      h(
        "a",
        { href: who.homeHash, testid: "link-back" },
        who.forYoungPerson ? "Back to my home" : `Back to ${who.name}`,
      ),
    ),
  );
  listArea.append(loading());
  await refresh({ focus: false });
}
