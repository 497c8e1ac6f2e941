// "Save this lesson for offline reading": the control at the end of every page (lessonkit/site/offline.py writes
// it, in the page's language, and the manifest it names), talking to the service worker (sw.js, at the site's root).
// Shows the download's size first; downloads only when asked; shows progress; the saved copy can be removed.
// With a saved copy, a newer deploy (another manifest version) replaces it as a whole: at once, or, under the
// browser's Save-Data hint, once the reader agrees.
(() => {
  const box = document.querySelector(".lesson-offline");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) return;
  const strings = JSON.parse(box.dataset.strings);
  const manifestUrl = new URL(box.dataset.manifest, location.href).href;
  const workerUrl = new URL(box.dataset.worker, location.href).href;
  const language = box.dataset.language;
  const saveData = Boolean(navigator.connection && navigator.connection.saveData);
  const [status, progress] = [box.querySelector("[role=status]"), box.querySelector("progress")];
  const buttons = Object.fromEntries([...box.querySelectorAll("button")].map(b => [b.dataset.action, b]));
  const number = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1 });
  const size = bytes => bytes < 1024 * 1024
    ? `${number.format(bytes / 1024)} KB` : `${number.format(bytes / 1024 / 1024)} MB`;
  const say = (text, values = {}) => { status.textContent = text.replace(/\{(\w+)\}/g, (_, k) => values[k]); };
  const show = (...names) => Object.entries(buttons).forEach(([name, b]) => { b.hidden = !names.includes(name); });
  let manifest;

  // The manifest, less the renditions of wide figures that this screen does not show (lessonkit/site/offline.py).
  const getManifest = async () => {
    const response = await fetch(manifestUrl, { cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const all = await response.json();
    const screen = matchMedia(all.narrow_screen).matches ? "narrow" : "wide";
    const files = all.files.filter(file => !file.screen || file.screen === screen);
    return { ...all, files, bytes: all.bytes[screen] };
  };
  const worker = async () => {
    await navigator.serviceWorker.register(workerUrl);
    const registration = await navigator.serviceWorker.ready;
    return registration.active;
  };
  const ask = async (type, extra = {}) => (await worker()).postMessage({ type, ...extra });

  navigator.serviceWorker.addEventListener("message", ({ data }) => {
    if (data.type === "progress") {
      progress.hidden = false;
      progress.max = data.total;
      progress.value = data.done;
      say(strings.progress, { done: size(data.done), size: size(data.total) });
    } else if (data.type === "saved") {
      progress.hidden = true;
      box.dataset.saved = data.version;
      say(strings.saved);
      show("remove");
    } else if (data.type === "removed") {
      delete box.dataset.saved;
      say(strings.removed);
      show("save");
    } else if (data.type === "failed") {
      progress.hidden = true;
      say(strings.failed, { error: data.error });
      show("save");
    } else if (data.type === "state" && data.version) {
      box.dataset.saved = data.version;
      say(strings.saved);
      show("remove");
      if (navigator.onLine) checkForUpdate(data.version);
    }
  });

  async function checkForUpdate(version) {
    try { manifest = await getManifest(); } catch { return; } // offline, or the server cannot say: keep the copy
    if (manifest.version === version) return;
    if (saveData) {
      say(strings.update_ready, { size: size(manifest.bytes) });
      show("update", "remove");
    } else {
      ask("save", { manifest });
    }
  }

  buttons.save.addEventListener("click", async () => {
    try { manifest = await getManifest(); } catch (error) { say(strings.failed, { error }); return; }
    say(strings.confirm, { size: size(manifest.bytes), files: number.format(manifest.files.length) });
    show("download", "cancel");
    buttons.download.focus();
  });
  buttons.cancel.addEventListener("click", () => { say(""); show("save"); buttons.save.focus(); });
  buttons.download.addEventListener("click", () => { show(); ask("save", { manifest }); });
  buttons.update.addEventListener("click", () => { show(); ask("save", { manifest }); });
  buttons.remove.addEventListener("click", () => ask("remove", { manifest: { language } }));

  box.hidden = false;
  show("save");
  // A worker registered earlier (the reader saved a copy): ask it what it holds. No registration, no download.
  navigator.serviceWorker.getRegistration(workerUrl).then(registration => {
    if (registration) ask("state", { language });
  });
})();
