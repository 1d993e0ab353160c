// Starts the app: hash router, offline banner, idle time-out, service worker.
// Routes live in the hash because the server has no single-page fallback, and so
// an invite code (#/join/CODE) never reaches a server log.
import { alertInProgress, retryPendingAlert } from "./alerts.js";
import { get, whenResponded, whenSignedOut } from "./api.js";
import { startLanguage, t } from "./i18n.js";
import { listenForInstallPrompt } from "./install.js";
import { forgetOffline } from "./offline.js";
import { installQuickExit, quickExitShown, setQuickExit } from "./quick-exit.js";
import {
  askWhoEarly,
  forgetEverything,
  isProfessional,
  loadMe,
  setSignInNotice,
  usingOfflineIdentity,
} from "./state.js";
import { announce, fill, h, heading, loading, problemBox, put, screenNotLoaded } from "./ui.js";
import { lazy } from "./lazy.js";

// Each screen is loaded when its route is first opened (lazy.js).
const alertAnswer = lazy("/js/screens/alert-answer.js");
const alertStatus = lazy("/js/screens/alert-status.js");
const changeSecret = lazy("/js/screens/change-secret.js");
const contact = lazy("/js/screens/contact.js");
const councilSettings = lazy("/js/screens/council-settings.js");
const chat = lazy("/js/screens/chat.js");
const chatSummary = lazy("/js/screens/chat-summary.js");
const interview = lazy("/js/screens/interview.js");
const interviewers = lazy("/js/screens/interviewers.js");
const episode = lazy("/js/screens/episode.js");
const episodes = lazy("/js/screens/episodes.js");
const dashboard = lazy("/js/screens/dashboard.js");
const figures = lazy("/js/screens/figures.js");
const feedback = lazy("/js/screens/feedback.js");
const feedbackCards = lazy("/js/screens/feedback-cards.js");
const feedbackFigures = lazy("/js/screens/feedback-figures.js");
const feedbackMine = lazy("/js/screens/feedback-mine.js");
const feedbackQuotes = lazy("/js/screens/feedback-quotes.js");
const supervision = lazy("/js/screens/supervision.js");
const home = lazy("/js/screens/home.js");
const join = lazy("/js/screens/join.js");
const mailbox = lazy("/js/screens/mailbox.js");
const recover = lazy("/js/screens/recover.js");
const myInfo = lazy("/js/screens/my-info.js");
const notices = lazy("/js/screens/notices.js");
const openAlert = lazy("/js/screens/open-alert.js");
const people = lazy("/js/screens/people.js");
const phones = lazy("/js/screens/phones.js");
const plan = lazy("/js/screens/plan.js");
const planEdit = lazy("/js/screens/plan-edit.js");
const planHistory = lazy("/js/screens/plan-history.js");
const planSign = lazy("/js/screens/plan-sign.js");
const signIn = lazy("/js/screens/signin.js");
const welcome = lazy("/js/screens/welcome.js");
const worried = lazy("/js/screens/worried.js");
const youngPerson = lazy("/js/screens/young-person.js");
// Help on every young-person screen, and the accessibility statement (Children's Code 15).
const accessibility = lazy("/js/screens/accessibility.js");
const help = lazy("/js/screens/help.js");
const privacy = lazy("/js/screens/privacy.js");

const IDLE_MS = 15 * 60 * 1000;

const ADULTS = ["carer", "social_worker"];
const YOUNG_PERSON = ["young_person"];
const YP = "/young-people/([^/]+)";
const FEEDBACK_READERS = ["social_worker", "manager", "police_liaison"];

// signedIn: needs a session. roles: who may open it (others see "not found").
// quickExit: false for screens only adults with no account use (trusted contacts).
// The young person's own screens take their id from the session; the adults' ones
// from the path, so `params` starts with it there.
const ROUTES = [
  { path: /^\/signin$/, screen: signIn, signedIn: false },
  { path: /^\/join$/, screen: join, signedIn: false },
  { path: /^\/join\/([^/]+)$/, screen: join, signedIn: false },
  // A new sign-in link (a forgotten PIN, a lost phone, a reset), and the demo mailbox.
  { path: /^\/recover\/([^/]+)$/, screen: recover, signedIn: false },
  { path: /^\/mailbox$/, screen: mailbox, signedIn: false },
  { path: /^\/home$/, screen: home, signedIn: true },
  { path: /^\/welcome$/, screen: welcome, signedIn: true, roles: ["young_person"] },
  { path: /^\/my-info$/, screen: myInfo, signedIn: true, roles: ["young_person"] },
  { path: /^\/phones$/, screen: phones, signedIn: true },
  { path: /^\/notices$/, screen: notices, signedIn: true },
  { path: /^\/change-secret$/, screen: changeSecret, signedIn: true },
  { path: /^\/council-settings$/, screen: councilSettings, signedIn: true, roles: ["admin"] },
  { path: /^\/dashboard$/, screen: dashboard, signedIn: true, roles: ["social_worker", "manager"] },
  { path: /^\/figures$/, screen: figures, signedIn: true, roles: ["manager"] },
  { path: /^\/figures\/(month|quarter|year)$/, screen: figures, signedIn: true, roles: ["manager"] },
  {
    path: /^\/figures\/(month|quarter|year)\/(\d{4}-\d{2}-\d{2})$/,
    screen: figures,
    signedIn: true,
    roles: ["manager"],
  },
  // The same, for one team (figures.js tells a date from a team id).
  { path: /^\/figures\/(month|quarter|year)\/team\/([0-9a-f-]{36})$/, screen: figures, signedIn: true, roles: ["manager"] },
  {
    path: /^\/figures\/(month|quarter|year)\/(\d{4}-\d{2}-\d{2})\/team\/([0-9a-f-]{36})$/,
    screen: figures,
    signedIn: true,
    roles: ["manager"],
  },
  {
    path: /^\/young-people\/([^/]+)$/,
    screen: youngPerson,
    signedIn: true,
    roles: ["carer", "social_worker"],
  },
  { path: /^\/plan$/, screen: plan, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/plan\/edit\/([a-z_]+)$/, screen: planEdit, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/plan\/sign$/, screen: planSign, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/plan\/history$/, screen: planHistory, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/people$/, screen: people, signedIn: true, roles: YOUNG_PERSON },
  { path: new RegExp(`^${YP}/plan$`), screen: plan, signedIn: true, roles: ADULTS },
  { path: new RegExp(`^${YP}/plan/edit/([a-z_]+)$`), screen: planEdit, signedIn: true, roles: ADULTS },
  { path: new RegExp(`^${YP}/plan/sign$`), screen: planSign, signedIn: true, roles: ADULTS },
  { path: new RegExp(`^${YP}/plan/history$`), screen: planHistory, signedIn: true, roles: ADULTS },
  { path: new RegExp(`^${YP}/people$`), screen: people, signedIn: true, roles: ["social_worker"] },
  // Missing episodes: the worried guide, one episode, and a young person's history.
  { path: new RegExp(`^${YP}/worried$`), screen: worried, signedIn: true, roles: ADULTS },
  { path: new RegExp(`^${YP}/episodes$`), screen: episodes, signedIn: true, roles: ADULTS },
  { path: /^\/episodes\/([^/]+)$/, screen: episode, signedIn: true, roles: ADULTS },
  { path: /^\/alert\/([^/]+)$/, screen: alertStatus, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/alerts\/([^/]+)$/, screen: alertAnswer, signedIn: true, roles: ADULTS },
  // A tapped notification: the app works out whose alert it is (open-alert.js).
  { path: /^\/open-alert\/([^/]+)$/, screen: openAlert, signedIn: false },
  { path: /^\/contact\/alerts\/([^/]+)$/, screen: alertAnswer, signedIn: false, quickExit: false },
  { path: /^\/contact$/, screen: contact, signedIn: false, quickExit: false },
  { path: /^\/contact\/([^/]+)$/, screen: contact, signedIn: false, quickExit: false },
  { path: /^\/chat\/([^/]+)$/, screen: chat, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/chat\/([^/]+)\/summary$/, screen: chatSummary, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/interviews\/([^/]+)$/, screen: interview, signedIn: true, roles: ADULTS },
  { path: /^\/interviewers$/, screen: interviewers, signedIn: true, roles: ["admin"] },
  // Police-response feedback: the form needs no account (the link is the permission).
  { path: /^\/feedback\/([^/]+)$/, screen: feedback, signedIn: false },
  { path: /^\/feedback$/, screen: feedbackMine, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/feedback-figures$/, screen: feedbackFigures, signedIn: true, roles: FEEDBACK_READERS },
  { path: /^\/feedback-figures\/([^/]+)$/, screen: feedbackFigures, signedIn: true, roles: FEEDBACK_READERS },
  { path: /^\/feedback-cards$/, screen: feedbackCards, signedIn: true, roles: ["social_worker", "manager"] },
  { path: /^\/feedback-quotes$/, screen: feedbackQuotes, signedIn: true, roles: ["manager"] },
  { path: /^\/supervision$/, screen: supervision, signedIn: true, roles: ["social_worker", "manager"] },
  { path: /^\/help$/, screen: help, signedIn: true, roles: YOUNG_PERSON },
  { path: /^\/accessibility$/, screen: accessibility, signedIn: false },
  { path: /^\/privacy$/, screen: privacy, signedIn: false },
  { path: /^\/privacy\/(contacts|adults)$/, screen: privacy, signedIn: false },
];

let renders = 0;
let firstRender = true;
let idleTimer = null;

/**
 * Go to a screen. While the quick exit is showing, every move replaces the history
 * entry so Homeward leaves only one entry behind: after "Leave quickly", Back
 * cannot bring any Homeward screen back.
 */
export function go(hash, { replace = false } = {}) {
  if (replace || quickExitShown()) location.replace(hash);
  else location.hash = hash;
}

function matchRoute(path) {
  for (const route of ROUTES) {
    const match = route.path.exec(path);
    if (match) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return null;
}

function notFound(view) {
  put(
    view,
    heading(t("app.not_found_title"), "not-found"),
    h("p", { text: t("app.not_found") }),
    h("p", {}, h("a", { href: "#/home" }, t("app.go_to_start"))),
  );
}

function idleNotice() {
  return h("p", {
    class: "idle-notice",
    testid: "idle-notice",
    text: t("app.idle_notice"),
  });
}

async function render() {
  const hash = location.hash;
  if (!hash.startsWith("#/")) {
    location.replace("#/home");
    return;
  }
  const token = ++renders;
  const isCurrent = () => token === renders;
  const main = document.getElementById("main");
  // Each render fills its own element; a slow, stale render fills a detached one.
  const view = h("div", { class: "view" });
  main.replaceChildren(view);

  const found = matchRoute(hash.slice(1));
  let me = null;
  if (found?.route.signedIn) {
    try {
      me = await loadMe();
    } catch (error) {
      if (!isCurrent()) return;
      if (error.status === 401) {
        await signedOut();
        return;
      }
      setQuickExit(true); // we cannot tell who this is, so keep the way out
      fill(
        view,
        heading("Homeward"),
        problemBox(error, "screen-problem"),
        h(
          "button",
          { type: "button", class: "button button-secondary", testid: "retry", onClick: render },
          t("common.try_again"),
        ),
      );
      return;
    }
  }
  if (!isCurrent()) return;

  setQuickExit(found?.route.quickExit ?? (!found?.route.signedIn || me?.user.role === "young_person"));
  // Every young-person screen ends with a way to ask for help (the help screen itself aside).
  const helpFor = me?.user.role === "young_person" && found?.route.screen !== help;
  const allowed = found && (!found.route.roles || found.route.roles.includes(me.user.role));
  let screen = null;
  let helpScreen = null;
  // A screen opened for the first time says so while its code arrives.
  if (allowed && !found.route.screen.ready) put(view, loading());
  try {
    [screen, helpScreen] = await Promise.all([allowed ? found.route.screen() : null, helpFor ? help() : null]);
  } catch {
    if (isCurrent()) screenNotLoaded(view);
    return;
  }
  if (!isCurrent()) return;
  view.replaceChildren();
  if (screen) await screen.render(view, { params: found.params, me, go, isCurrent });
  else notFound(view);
  if (!isCurrent()) return;
  if (helpScreen) put(view, helpScreen.helpLink());
  if (isProfessional()) {
    put(view, idleNotice());
    restartIdleTimer();
  }
  if (!firstRender) view.querySelector("h1")?.focus();
  firstRender = false;
}

/**
 * The server says nobody is signed in: forget everything kept for this person, then
 * go to sign in, or to a trusted contact's own page (they have no account, only the
 * contact cookie from their invite).
 */
async function signedOut() {
  forgetEverything();
  await forgetOffline();
  let isContact = false;
  try {
    await get("/api/contact/me", { signInNeeded: false });
    isContact = true;
  } catch {
    // Not a trusted contact either (or offline): sign in.
  }
  if (isContact) {
    go("#/contact", { replace: true });
    return;
  }
  const found = matchRoute(location.hash.slice(1));
  if (found?.route.signedIn !== false) go("#/signin", { replace: true });
}

function showOffline(offline) {
  const banner = document.querySelector("[data-testid='offline-banner']");
  if (banner) banner.hidden = !offline;
}

function restartIdleTimer() {
  clearTimeout(idleTimer);
  if (!isProfessional()) return;
  idleTimer = setTimeout(() => {
    // The server has ended the session by now; take personal data off the screen.
    forgetEverything();
    setSignInNotice(t("app.signed_out_idle"));
    go("#/signin", { replace: true });
  }, IDLE_MS);
}

function start() {
  installQuickExit();
  listenForInstallPrompt();

  whenSignedOut(() => {
    signedOut();
  });
  whenResponded((status) => {
    showOffline(status === 0);
    if (status !== 0) restartIdleTimer();
  });

  window.addEventListener("online", () => {
    showOffline(false);
    // Screens drawn from the phone's own copy: ask the server again now it answers
    // (not during an alert's countdown: drawing the home again would lose it).
    if (usingOfflineIdentity() && !alertInProgress()) render();
    retryPendingAlert();
  });
  // An alert that waited for signal has gone: the home shows who has it; elsewhere, say so.
  window.addEventListener("homeward:alert-sent", () => {
    if (location.hash !== "#/home") announce(t("app.alert_sent"));
  });
  // A tapped notification while Homeward is open (sw.js): show that alert.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", (event) => {
      const alertId = event.data?.type === "open-alert" ? event.data.alertId : null;
      if (typeof alertId === "string" && alertId) go(`#/open-alert/${encodeURIComponent(alertId)}`);
      // A tapped notice: the worker checked the link is one of ours (a hash route).
      const link = event.data?.type === "open-link" ? event.data.link : null;
      if (typeof link === "string" && /^#\/[A-Za-z0-9/_-]*$/.test(link)) go(link);
    });
    navigator.serviceWorker.startMessages?.();
  }
  window.addEventListener("offline", () => showOffline(true));
  showOffline(!navigator.onLine);

  // Hash links to "#main" would look like routes, so the skip link moves focus itself.
  document.querySelector("[data-testid='skip-link']")?.addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main").focus();
  });

  // In-app links follow go() so the quick-exit history rule applies to them too.
  document.addEventListener("click", (event) => {
    const anchor = event.target.closest?.("a[href^='#/']");
    if (!anchor || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(anchor.getAttribute("href"));
  });

  window.addEventListener("hashchange", render);
  // A language chosen on a screen: draw it again in that language, and keep focus on
  // the button that was pressed (not during an alert's countdown, which would be lost).
  window.addEventListener("homeward:language", (event) => {
    if (alertInProgress()) return;
    const code = event.detail?.language;
    render().then(() => document.querySelector(`[data-testid="language-choice-${code}"]`)?.focus());
  });
  // An alert tapped with no signal before the app was closed goes now.
  render().finally(retryPendingAlert);

  if ("serviceWorker" in navigator) {
    // After the page has loaded: keeping the whole shell for no signal then takes no
    // bandwidth from the first screen.
    const register = () =>
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
        // Without it the app still works online; nothing to tell the user.
      });
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }
}

// The first screen's code, and who is signed in, come while the words do (a failure
// shows when the screen is drawn).
const first = matchRoute(location.hash.slice(1))?.route;
first?.screen().catch(() => {});
if (first?.signedIn) askWhoEarly();
await startLanguage();
start();
