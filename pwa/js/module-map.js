// Written by scripts/modulepreload.py, do not edit. For each module loaded with lazy()
// (js/lazy.js): every module its imports reach that the shell (index.html's
// modulepreload list) does not already load, for lazy() to ask for all at once.
export const NEEDS = {
  "/js/screens/accessibility.js": [],
  "/js/screens/alert-answer.js": [
    "/js/screens/plan-parts.js"
  ],
  "/js/screens/alert-status.js": [],
  "/js/screens/change-secret.js": [
    "/js/account.js",
    "/js/push.js"
  ],
  "/js/screens/chat-summary.js": [
    "/js/screens/rhi-plain.js"
  ],
  "/js/screens/chat.js": [
    "/js/screens/privacy.js",
    "/js/screens/rhi-plain.js"
  ],
  "/js/screens/contact.js": [
    "/js/push.js",
    "/js/screens/alert-lists.js",
    "/js/screens/privacy.js",
    "/js/screens/rights.js",
    "/js/screens/search-places.js"
  ],
  "/js/screens/council-settings.js": [],
  "/js/screens/dashboard.js": [
    "/js/screens/alert-lists.js",
    "/js/screens/rights.js"
  ],
  "/js/screens/episode.js": [
    "/js/screens/plan-parts.js",
    "/js/screens/search-places.js"
  ],
  "/js/screens/episodes.js": [
    "/js/screens/episode.js",
    "/js/screens/plan-parts.js",
    "/js/screens/search-places.js"
  ],
  "/js/screens/feedback-cards.js": [],
  "/js/screens/feedback-figures.js": [
    "/js/account.js",
    "/js/push.js"
  ],
  "/js/screens/feedback-mine.js": [],
  "/js/screens/feedback-quotes.js": [],
  "/js/screens/feedback.js": [],
  "/js/screens/figures.js": [],
  "/js/screens/help.js": [
    "/js/screens/privacy.js"
  ],
  "/js/screens/home-admin.js": [
    "/js/account.js",
    "/js/screens/invite-panel.js",
    "/js/push.js"
  ],
  "/js/screens/home-carer.js": [
    "/js/account.js",
    "/js/screens/alert-lists.js",
    "/js/screens/alert-readiness.js",
    "/js/screens/phone-alerts.js",
    "/js/screens/young-people-list.js",
    "/js/push.js"
  ],
  "/js/screens/home-manager.js": [
    "/js/account.js",
    "/js/screens/feedback-figures.js",
    "/js/screens/ssda903.js",
    "/js/push.js"
  ],
  "/js/screens/home-social-worker.js": [
    "/js/account.js",
    "/js/screens/feedback-figures.js",
    "/js/screens/alert-lists.js",
    "/js/screens/phone-alerts.js",
    "/js/screens/young-people-list.js",
    "/js/push.js"
  ],
  "/js/screens/home-young-person.js": [
    "/js/account.js",
    "/js/screens/alert-button.js",
    "/js/screens/chat.js",
    "/js/screens/alert-lists.js",
    "/js/screens/alert-readiness.js",
    "/js/screens/plan-parts.js",
    "/js/screens/feedback-mine.js",
    "/js/push.js",
    "/js/screens/privacy.js",
    "/js/screens/rhi-plain.js"
  ],
  "/js/screens/home.js": [
    "/js/screens/privacy.js"
  ],
  "/js/screens/interview.js": [
    "/js/screens/interview-form.js",
    "/js/screens/rhi-plain.js",
    "/js/screens/rhi-terms.js"
  ],
  "/js/screens/interviewers.js": [],
  "/js/screens/join.js": [
    "/js/screens/privacy.js",
    "/js/screens/signin.js"
  ],
  "/js/screens/mailbox.js": [],
  "/js/screens/my-info.js": [
    "/js/screens/my-data.js",
    "/js/screens/rights.js",
    "/js/screens/who.js"
  ],
  "/js/screens/notices.js": [],
  "/js/screens/open-alert.js": [],
  "/js/screens/people.js": [
    "/js/screens/invite-panel.js",
    "/js/screens/plan-parts.js"
  ],
  "/js/screens/phones.js": [
    "/js/account.js",
    "/js/screens/plan-parts.js",
    "/js/push.js"
  ],
  "/js/screens/plan-edit.js": [
    "/js/screens/plan-parts.js"
  ],
  "/js/screens/plan-history.js": [
    "/js/screens/plan-parts.js"
  ],
  "/js/screens/plan-sign.js": [
    "/js/screens/plan-parts.js"
  ],
  "/js/screens/plan.js": [
    "/js/screens/alert-readiness.js",
    "/js/screens/known-worker.js",
    "/js/screens/plan-parts.js",
    "/js/push.js"
  ],
  "/js/screens/privacy.js": [],
  "/js/screens/recover.js": [
    "/js/screens/signin.js",
    "/js/screens/privacy.js"
  ],
  "/js/screens/signin.js": [
    "/js/screens/privacy.js"
  ],
  "/js/screens/supervision.js": [],
  "/js/screens/welcome.js": [
    "/js/screens/who.js"
  ],
  "/js/screens/worried.js": [
    "/js/screens/episodes.js",
    "/js/screens/episode.js",
    "/js/screens/plan-parts.js",
    "/js/screens/search-places.js"
  ],
  "/js/screens/young-person.js": [
    "/js/screens/care-team.js",
    "/js/screens/interview.js",
    "/js/screens/episodes.js",
    "/js/screens/invite-panel.js",
    "/js/screens/record-details.js",
    "/js/screens/people.js",
    "/js/screens/phones.js",
    "/js/screens/who.js",
    "/js/screens/interview-form.js",
    "/js/screens/rhi-plain.js",
    "/js/screens/episode.js",
    "/js/screens/plan-parts.js",
    "/js/account.js",
    "/js/screens/rhi-terms.js",
    "/js/screens/search-places.js",
    "/js/push.js"
  ]
};
