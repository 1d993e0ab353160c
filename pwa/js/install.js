// "Add to home screen". Chrome on Android offers a prompt we can trigger from a
// button; iPhones never do, so those users get short instructions instead.

let deferredPrompt = null;

export function listenForInstallPrompt() {
  window.addEventListener("beforeinstallprompt", (event) => {
    // Keep it for our own button instead of the browser's mini bar.
    event.preventDefault();
    deferredPrompt = event;
  });
  window.addEventListener("appinstalled", () => {
    deferredPrompt = null;
  });
}

export function canPromptInstall() {
  return deferredPrompt !== null;
}

export function isInstalled() {
  return window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
}

/** Shows the browser's install prompt. Resolves true if the user said yes. */
export async function promptInstall() {
  if (!deferredPrompt) return false;
  const prompt = deferredPrompt;
  deferredPrompt = null;
  await prompt.prompt();
  const choice = await prompt.userChoice;
  return choice.outcome === "accepted";
}

export function looksLikeIphone() {
  return /iPhone|iPad|iPod/.test(navigator.userAgent);
}
