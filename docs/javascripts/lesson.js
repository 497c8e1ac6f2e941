// Accessibility: give the search dialog the name its input already has, in the page's language.
document.addEventListener("DOMContentLoaded", () => {
  const dialog = document.querySelector(".md-search[role=dialog]");
  const input = document.querySelector(".md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
});
