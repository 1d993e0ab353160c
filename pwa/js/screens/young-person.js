// One young person, for the adults around them. Carers see the details and who
// can see them; the allocated social worker also invites, moves or ends placements
// and allocations, manages lost phones and sees who has looked. Which of these the
// caller may do comes from the server (`can` on the record): the rules live there.
// Anyone else gets "not found" from the server.
import { del, get, post } from "../api.js";
import { t } from "../i18n.js";
import {
  announce,
  fill,
  h,
  heading,
  loading,
  plainDate,
  plainList,
  plainWhen,
  problemBox,
  put,
} from "../ui.js";
import { careTeam } from "./care-team.js";
import { interviewsSection } from "./interview.js";
import { worriedLink } from "./episodes.js";
import { invitePanel } from "./invite-panel.js";
import { detailsSection } from "./record-details.js";
import { stateWords } from "./people.js";
import { carerPhonesSection } from "./phones.js";
import { noLongerList, whoCanSeeList, whoHasLookedList } from "./who.js";

function section(id, title, ...content) {
  return h("section", { "aria-labelledby": id }, h("h2", { id, text: title }), ...content);
}

function details(person) {
  const rows = [
    [t("record.age"), String(person.age)],
    [t("record.date_of_birth"), plainDate(person.date_of_birth)],
    [t("record.social_workers"), plainList(person.social_workers) || t("record.none_yet")],
    [t("record.carers"), plainList(person.carers) || t("record.none_yet")],
    [t("record.on_homeward"), person.has_account ? t("record.joined") : t("young_people.not_joined")],
  ];
  return h(
    "dl",
    { class: "details", testid: "young-person-details" },
    rows.map(([term, value]) =>
      h("div", { class: "detail" }, h("dt", { text: term }), h("dd", { text: value })),
    ),
  );
}

function accountInvite(invite, person, role, onSent) {
  return invitePanel(invite, {
    role,
    onSent,
    title:
      role === "young_person"
        ? t("people.invite_title", { name: person.preferred_name })
        : t("record.carer_invite_title", { name: person.preferred_name }),
    intro:
      role === "young_person"
        ? t("record.invite_intro", { name: person.preferred_name })
        : t("record.carer_invite_intro"),
    qrAlt: t("record.qr_alt"),
  });
}

const INVITE_STATES = {
  not_sent: "invites.state.not_sent",
  emailed: "invites.state.emailed",
  used: "invites.state.used",
  run_out: "invites.state.run_out",
};

/** Every invite made for this young person, with what really happened to it. */
async function fillInviteList(list, person) {
  let made;
  try {
    made = await get(`/api/young-people/${encodeURIComponent(person.id)}/invites`);
  } catch (error) {
    if (error.status !== 401) list.replaceChildren(problemBox(error, "invite-list-problem"));
    return;
  }
  list.replaceChildren(
    ...made.map((invite) =>
      h(
        "li",
        { class: "card", testid: "invite-made", "data-state": invite.state },
        h("p", {
          class: "card-title",
          text:
            invite.role === "young_person"
              ? t("invites.kind_young_person", { name: person.preferred_name })
              : t("invites.kind_carer"),
        }),
        h("p", {
          class: "card-detail",
          testid: "invite-made-state",
          text: t(INVITE_STATES[invite.state], {
            when: plainWhen(invite.used_at ?? invite.emailed_at ?? invite.created_at),
          }),
        }),
      ),
    ),
  );
}

function invites(person) {
  const holder = h("div", { testid: "invite-holder" });
  const list = h("ul", { class: "cards", testid: "invites-made", "aria-label": t("invites.made_label") });
  const make = async (role, buttonEl) => {
    buttonEl.disabled = true;
    try {
      const invite = await post("/api/invites", { role, young_person_id: person.id });
      const { title, panel } = accountInvite(invite, person, role, () => fillInviteList(list, person));
      holder.replaceChildren(panel);
      title.focus();
      fillInviteList(list, person);
    } catch (error) {
      if (error.status !== 401) holder.replaceChildren(problemBox(error, "invite-problem"));
    } finally {
      buttonEl.disabled = false;
    }
  };
  const buttons = [];
  if (!person.has_account) {
    const b = h("button", { type: "button", class: "button button-primary", testid: "invite-young-person" });
    b.textContent = t("record.invite_young_person", { name: person.preferred_name });
    b.addEventListener("click", () => make("young_person", b));
    buttons.push(b);
  }
  const carerButton = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "invite-carer" },
    t("record.invite_carer"),
  );
  carerButton.addEventListener("click", () => make("carer", carerButton));
  buttons.push(carerButton);
  fillInviteList(list, person);
  return section(
    "invite-heading",
    t("record.invites"),
    h("div", { class: "button-row" }, buttons),
    holder,
    list,
  );
}

/**
 * A young person who forgot their PIN or lost their phone: their social worker or
 * carer makes a new sign-in link (one use, short-lived; the young person is told).
 */
function signInHelp(person) {
  const holder = h("div", { testid: "sign-in-link-holder" });
  const name = person.preferred_name;
  const make = h(
    "button",
    { type: "button", class: "button button-secondary", testid: "make-sign-in-link" },
    t("recovery.make", { name }),
  );
  make.addEventListener("click", async () => {
    make.disabled = true;
    try {
      const link = await post("/api/sign-in-links", { young_person_id: person.id });
      const { title, panel } = invitePanel(link, {
        role: "sign_in_link",
        title: t("recovery.link_title", { name }),
        intro: t("recovery.link_intro", { name }),
        qrAlt: t("recovery.qr_alt", { name }),
        smsText: t("recovery.sms_body", { url: link.url }),
        expiresText: t("recovery.works_once", { when: plainWhen(link.expires_at) }),
      });
      holder.replaceChildren(panel);
      title.focus();
    } catch (error) {
      if (error.status !== 401) holder.replaceChildren(problemBox(error, "sign-in-link-problem"));
    } finally {
      make.disabled = false;
    }
  });
  return section(
    "sign-in-help-heading",
    t("recovery.heading"),
    h("p", { text: t("recovery.intro", { name }) }),
    make,
    holder,
  );
}

function deviceList(person, devices) {
  if (devices.length === 0) return h("p", { testid: "devices", text: t("record.no_phones") });
  const list = h("ul", { class: "cards", testid: "devices" });
  for (const device of devices) {
    const name = device.device_name || t("phones.a_phone");
    const item = h(
      "li",
      { class: "card", testid: "device" },
      h("p", { class: "card-title" }, h("strong", { text: name })),
      h("p", { class: "card-detail", text: t("phones.signed_in", { when: plainWhen(device.created_at) }) }),
      device.last_seen_at
        ? h("p", {
            class: "card-detail",
            text: t("phones.last_used", { when: plainWhen(device.last_seen_at) }),
          })
        : null,
    );
    const signOut = h(
      "button",
      {
        type: "button",
        class: "button button-secondary",
        testid: "device-sign-out",
        "aria-label": t("phones.sign_out_label", { name }),
      },
      t("phones.sign_out_phone"),
    );
    signOut.addEventListener("click", async () => {
      signOut.disabled = true;
      try {
        await del(
          `/api/young-people/${encodeURIComponent(person.id)}/devices/${encodeURIComponent(device.id)}`,
        );
        item.remove();
        announce(t("phones.signed_out", { name }));
      } catch (error) {
        signOut.disabled = false;
        if (error.status !== 401) item.append(problemBox(error));
      }
    });
    item.append(signOut);
    list.append(item);
  }
  return list;
}

function peopleSummary(people) {
  const shown = people.filter((p) => p.state !== "stepped_down");
  if (!shown.length) return h("p", { testid: "people-summary", text: t("people.none") });
  return h(
    "ul",
    { class: "plain-list", testid: "people-summary" },
    shown.map((p) =>
      h(
        "li",
        { testid: "people-summary-item" },
        h("strong", { text: p.name }),
        p.how_they_know_me
          ? [" ", h("bdi", { text: t("common.in_brackets", { words: p.how_they_know_me }) })]
          : "",
        t("record.person_state", { state: stateWords(p) }),
      ),
    ),
  );
}

function planAndPeople(person, people, socialWorker) {
  const name = person.preferred_name;
  const id = encodeURIComponent(person.id);
  return [
    section(
      "plan-heading",
      t("record.plan"),
      h(
        "p",
        {},
        h(
          "a",
          { href: `#/young-people/${id}/plan`, class: "button button-primary", testid: "link-plan" },
          t("record.open_plan", { name }),
        ),
      ),
    ),
    section(
      "people-heading",
      t("plan.section.trio_of", { name }),
      people.error ? problemBox(people.error) : peopleSummary(people.data),
      socialWorker
        ? h(
            "p",
            {},
            h(
              "a",
              { href: `#/young-people/${id}/people`, testid: "link-people" },
              t("record.people_link", { name }),
            ),
          )
        : null,
    ),
  ];
}

async function optional(path) {
  try {
    return { data: await get(path) };
  } catch (error) {
    return { error };
  }
}

function notFound(view) {
  fill(
    view,
    heading(t("common.not_found"), "not-found"),
    h("p", { text: t("record.not_found") }),
    h("p", {}, h("a", { href: "#/home" }, t("common.back_home"))),
  );
}

/** After handing their own allocation over, the social worker can no longer see the record. */
function handedOver(view, words) {
  fill(
    view,
    heading(t("record.handed_over"), "handed-over"),
    h("p", { class: "notice", role: "status", testid: "handed-over-notice", text: words }),
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("record.back_caseload"))),
  );
}

export async function render(view, context, notice = "") {
  const { params, me, isCurrent } = context;
  const [id] = params;
  put(view, loading());
  const base = `/api/young-people/${encodeURIComponent(id)}`;
  let person;
  try {
    person = await get(base);
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    if (error.status === 404 || error.status === 403) notFound(view);
    else fill(view, heading(t("role.for_adults.young_person")), problemBox(error));
    return;
  }
  const can = new Set(person.can ?? []);
  const socialWorker = me.user.role === "social_worker"; // only for the people link below
  const [canSee, looked, devices, people, episodes, counted] = await Promise.all([
    optional(`${base}/who-can-see`),
    can.has("see_audit") ? optional(`${base}/who-has-looked`) : null,
    can.has("manage_devices") ? optional(`${base}/devices`) : null,
    optional(`${base}/contacts`),
    optional(`${base}/episodes`),
    can.has("edit_details") ? detailsSection(person) : null,
  ]);
  const interviews = await optional(`${base}/interviews`);
  if (!isCurrent()) return;
  const show = (result, build) => (result.error ? problemBox(result.error) : build(result.data));
  const changed = (words, change) => {
    if (!isCurrent()) return;
    // Handing over (or ending) their own allocation takes the record away from them.
    const own = (change.replaced ?? change.ended)?.user_id === me.user.id;
    if (change.kind === "allocations" && own) {
      handedOver(view, t("record.handed_over_text", { words, name: person.preferred_name }));
      view.querySelector("h1")?.focus();
      return;
    }
    render(view, context, words);
  };
  fill(
    view,
    heading(person.preferred_name, "young-person-name"),
    details(person),
    section(
      "episodes-heading",
      t("episodes.section"),
      show(episodes, (data) => [
        h("p", {}, worriedLink(person, data)),
        h(
          "p",
          {},
          h(
            "a",
            { href: `#/young-people/${encodeURIComponent(person.id)}/episodes`, testid: "link-episodes" },
            t("episodes.title", { name: person.preferred_name }),
          ),
        ),
      ]),
    ),
    planAndPeople(person, people, socialWorker),
    interviewsSection(interviews),
    can.has("manage_care_team") ? careTeam(person, notice, changed) : null,
    can.has("invite") ? invites(person) : null,
    can.has("new_sign_in_link") && person.has_account ? signInHelp(person) : null,
    counted,
    section(
      "can-see-heading",
      t("record.who_can_see", { name: person.preferred_name }),
      show(canSee, (data) => [
        whoCanSeeList(data, "who-can-see", { forYoungPerson: false }),
        noLongerList(data, "no-longer-can-see", { forYoungPerson: false }),
      ]),
    ),
    devices
      ? section(
          "devices-heading",
          t("record.phones", { name: person.preferred_name }),
          h("p", { text: t("record.phones_intro") }),
          show(devices, (data) => deviceList(person, data)),
        )
      : null,
    can.has("manage_carer_devices") ? carerPhonesSection(person) : null,
    looked
      ? section(
          "looked-heading",
          t("record.who_has_looked"),
          show(looked, (data) => whoHasLookedList(data, "who-has-looked", { forYoungPerson: false })),
        )
      : null,
    h("p", {}, h("a", { href: "#/home", testid: "link-home" }, t("common.back_home"))),
  );
}
