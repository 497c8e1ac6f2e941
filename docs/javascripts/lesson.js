// Accessibility: give the search dialog the name its input already has, in the page's language.
document.addEventListener("DOMContentLoaded", () => {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const input = document.querySelector(".md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
});

// Search in the reader's language, downloaded when the reader first uses the search box.
// Material requests "search/search_index.json" (every language) as soon as a page loads. The build writes one
// index per language (lessonkit/site/search_index.py) and names this page's in <meta name="lesson-search-index">:
// the request goes there, and is sent once the search box gets focus (click, tap, or the "s" / "/" keys).
(() => {
  const meta = document.querySelector("meta[name='lesson-search-index']");
  const input = document.querySelector(".md-search__input");
  if (!meta || !input) return;
  const ownIndex = new URL(meta.content, location.href).href;
  const searchUsed = new Promise(resolve => {
    input.addEventListener("focus", resolve, { once: true });
    document.getElementById("__search")?.addEventListener("change", resolve, { once: true });
  });
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.isSearchIndex = new URL(url, location.href).pathname.endsWith("/search/search_index.json");
    return open.call(this, method, this.isSearchIndex ? ownIndex : url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.isSearchIndex) return send.apply(this, body);
    searchUsed.then(() => send.apply(this, body));
  };
})();

// Queries in the index's Unicode form (NFC), so that a nukta letter typed precomposed (फ़ U+095E, য় U+09DF)
// or as letter + nukta finds the same words. Not while an input method is still composing a letter.
(() => {
  const input = document.querySelector(".md-search__input");
  if (!input) return;
  const normalise = () => {
    const value = input.value;
    const normal = value.normalize("NFC");
    if (normal === value) return;
    const caret = value.slice(0, input.selectionStart ?? value.length).normalize("NFC").length;
    input.value = normal;
    input.setSelectionRange(caret, caret);
  };
  input.addEventListener("input", event => event.isComposing || normalise());
  input.addEventListener("compositionend", normalise);
})();
