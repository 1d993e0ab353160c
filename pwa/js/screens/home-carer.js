// A carer's home: alerts sent to them, the young people placed with them, and
// turning on alerts on this phone. With no signal, the plans kept on this phone
// (offline.js) are listed instead, so they can still be read.
import { get } from "../api.js";
import { accountSection } from "../account.js";
import { t } from "../i18n.js";
import { keptPlans, offlineMe, saveYoungPeople } from "../offline.js";
import { h, heading, loading, problemBox, put } from "../ui.js";
import { alertsSentToMe } from "./alert-lists.js";
import { readinessSection } from "./alert-readiness.js";
import { phoneAlertsSection } from "./phone-alerts.js";
import { youngPeopleList } from "./young-people-list.js";

async function keptPlansList(me) {
  const identity = me.offline ? me : await offlineMe();
  const kept = await keptPlans(identity?.young_people ?? []);
  return [
    h("p", {
      class: "notice",
      testid: "carer-offline",
      text: t("carer_home.offline"),
    }),
    kept.length
      ? h(
          "ul",
          { class: "cards", testid: "kept-plans" },
          kept.map((person) =>
            h(
              "li",
              { class: "card", testid: "kept-plan" },
              h(
                "a",
                {
                  href: `#/young-people/${encodeURIComponent(person.id)}/plan`,
                  class: "card-link",
                  testid: "kept-plan-link",
                },
                t("plan.title_of", { name: person.preferred_name }),
              ),
            ),
          ),
        )
      : h("p", { testid: "kept-plans", text: t("carer_home.no_kept_plans") }),
  ];
}

// Who each young person's alert reaches now, with the nudge to turn notifications on.
const READINESS_SHOWN = 3;

export async function render(view, { me, go, isCurrent }) {
  const placeholder = loading();
  let readiness = [];
  const alerts = me.offline ? null : alertsSentToMe(isCurrent);
  put(view, heading(t("carer_home.title")), placeholder);
  try {
    const people = await get("/api/young-people");
    saveYoungPeople(people);
    readiness = people
      .slice(0, READINESS_SHOWN)
      .map((person) => readinessSection(person.id, { name: person.preferred_name, isCurrent }));
    placeholder.replaceWith(
      youngPeopleList(people, {
        testid: "young-people",
        empty: t("carer_home.nobody"),
      }),
    );
  } catch (error) {
    if (!isCurrent() || error.status === 401) return;
    placeholder.replaceWith(...(error.status === 0 ? await keptPlansList(me) : [problemBox(error)]));
  }
  if (!isCurrent()) return;
  const sentToMe = await alerts;
  if (!isCurrent()) return;
  // An alert still on goes at the top: at 3am that is what the carer opened Homeward for.
  if (sentToMe?.urgent) view.querySelector("h1").after(sentToMe.urgent);
  put(view, sentToMe?.section, ...readiness, phoneAlertsSection(), accountSection(me, go));
}
