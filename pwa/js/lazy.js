// Screens load when their route is first opened, so a phone's first visit fetches the
// shell and the one screen it shows rather than every module of the app (issue 13).
// `lazy(url)` gives a loader for a module named by its path from the site's root.
// Calling it first asks for that module and every module it imports at once
// (`<link rel="modulepreload">`, from the list scripts/modulepreload.py writes into
// module-map.js), so a screen arrives in one round trip instead of one per level of
// imports. Offline, the service worker answers from the shell it keeps (sw.js).
import { NEEDS } from "./module-map.js";

const hinted = new Set();

function hint(url) {
  if (hinted.has(url)) return;
  hinted.add(url);
  const link = document.createElement("link");
  link.rel = "modulepreload";
  link.href = url;
  document.head.append(link);
}

/**
 * A function that loads the module at `url` (once) and resolves with it. Its `ready` is
 * true once the module has arrived, so a screen can say "Loading…" only while it has not.
 */
export function lazy(url) {
  let loading = null;
  const load = () => {
    if (!loading) {
      hint(url);
      for (const needed of NEEDS[url] ?? []) hint(needed);
      loading = import(url).then(
        (module) => {
          load.ready = true;
          return module;
        },
        (error) => {
          // A failed load (no signal, nothing kept yet) is tried again next time.
          loading = null;
          throw error;
        },
      );
    }
    return loading;
  };
  load.ready = false;
  return load;
}
