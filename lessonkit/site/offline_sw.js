// The lesson's service worker: one language's whole lesson saved for offline reading, on the reader's request.
// The pattern of Workbox's precaching (workbox-precaching), kept to what the lesson needs:
// - the build writes a manifest per language, offline/<lang>.json: every URL of that language's lesson (pages,
//   figures, assets, search index) with a hash of its content; the manifest's version is a hash of all of them;
// - a save downloads every URL into a cache named by language and version, lesson-offline-<lang>-<version>, and
//   marks it complete only when every file is in; a cache without the mark is never read, and is deleted;
// - once a version is complete, older versions of that language are deleted (on activation too), so pages are
//   always answered from one complete version: never a mix of old and new;
// - requests for saved URLs are answered from the saved copy (fast on a slow connection); other requests go to
//   the network as usual.
// Nothing is downloaded unless the page asks (offline.js: the reader's "save" or, for an already saved lesson
// and without the Save-Data hint, a newer deploy's version).

const PREFIX = "lesson-offline-";
const COMPLETE = "/__lesson-offline-complete__";
const PARALLEL = 4;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", event => event.waitUntil(dropIncomplete().then(() => self.clients.claim())));

self.addEventListener("message", event => {
  const { type, manifest } = event.data || {};
  const reply = message => event.source && event.source.postMessage(message);
  if (type === "save") event.waitUntil(save(manifest, reply).catch(error => reply({ type: "failed", error: String(error) })));
  if (type === "remove") event.waitUntil(remove(manifest.language).then(() => reply({ type: "removed" })));
  if (type === "state") event.waitUntil(savedVersion(event.data.language).then(version => reply({ type: "state", version })));
});

self.addEventListener("fetch", event => {
  if (event.request.method !== "GET" || new URL(event.request.url).origin !== location.origin) return;
  event.respondWith(fromSavedCopy(event.request).then(saved => saved || fetch(event.request)));
});

async function completeCaches() {
  const names = (await caches.keys()).filter(name => name.startsWith(PREFIX));
  const complete = [];
  for (const name of names) if (await (await caches.open(name)).match(COMPLETE)) complete.push(name);
  return complete;
}

async function fromSavedCopy(request) {
  for (const name of await completeCaches()) {
    const cache = await caches.open(name);
    const response = await cache.match(request, { ignoreSearch: true }) ||
      (request.mode === "navigate" && !new URL(request.url).pathname.endsWith("/")
        ? await cache.match(new URL(request.url).pathname + "/") : undefined);
    if (response) return response;
  }
  return undefined;
}

async function savedVersion(language) {
  const name = (await completeCaches()).find(name => name.startsWith(`${PREFIX}${language}-`));
  return name ? name.slice(`${PREFIX}${language}-`.length) : null;
}

async function save(manifest, reply) {
  const name = `${PREFIX}${manifest.language}-${manifest.version}`;
  if (await savedVersion(manifest.language) === manifest.version) return reply({ type: "saved", version: manifest.version });
  await caches.delete(name); // an interrupted download of the same version starts again
  const cache = await caches.open(name);
  let done = 0;
  const queue = [...manifest.files];
  const worker = async () => {
    for (let file; (file = queue.shift());) {
      const response = await fetch(new Request(file.url, { cache: "reload", credentials: "same-origin" }));
      if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
      await cache.put(file.url, response);
      done += file.bytes;
      reply({ type: "progress", done, total: manifest.bytes });
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } catch (error) {
    await caches.delete(name);
    throw error;
  }
  await removeOthers(manifest.language, name); // first: for a moment no copy is complete (the network answers),
  await cache.put(COMPLETE, new Response(manifest.version)); // never two complete copies of one language
  reply({ type: "saved", version: manifest.version });
}

async function removeOthers(language, keep) {
  for (const name of await caches.keys()) {
    if (name.startsWith(`${PREFIX}${language}-`) && name !== keep) await caches.delete(name);
  }
}

async function remove(language) {
  await removeOthers(language, null);
}

async function dropIncomplete() {
  const complete = new Set(await completeCaches());
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !complete.has(name)) await caches.delete(name);
  }
}
