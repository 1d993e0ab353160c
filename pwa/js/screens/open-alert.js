// #/open-alert/<id>: where a tapped notification lands (sw.js). The push says nothing
// about who it is for, so the app works it out: the young person's own alert, one
// sent to a signed-in carer or social worker, or one sent to a trusted contact on
// this phone. Lists are asked rather than the alert itself, so only the screen the
// person ends up on records a read.
import { get } from "../api.js";
import { t } from "../i18n.js";
import { loadMe, setSignInNotice } from "../state.js";
import { heading, loading, put } from "../ui.js";

async function sentTo(path, alertId) {
  try {
    const alerts = await get(path, { signInNeeded: false });
    return alerts.some((alert) => alert.id === alertId);
  } catch {
    return false;
  }
}

async function whereToOpen(alertId) {
  const id = encodeURIComponent(alertId);
  let me = null;
  try {
    me = await loadMe();
  } catch {
    // Not signed in (or no signal): maybe a trusted contact.
  }
  if (me?.user.role === "young_person") return `#/alert/${id}`;
  if (me && !me.offline && (await sentTo("/api/alerts/mine", alertId))) return `#/alerts/${id}`;
  if (await sentTo("/api/contact/alerts", alertId)) return `#/contact/alerts/${id}`;
  if (me) return `#/alerts/${id}`; // their social worker, say, reading how it went
  return "#/signin";
}

export async function render(view, { params, go, isCurrent }) {
  put(view, heading(t("open_alert.title"), "open-alert-title"), loading());
  const target = await whereToOpen(params[0]);
  if (!isCurrent()) return;
  if (target === "#/signin") setSignInNotice(t("open_alert.sign_in"));
  go(target, { replace: true });
}
