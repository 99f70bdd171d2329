// Copy-link buttons need JavaScript, so they ship hidden and are shown here. Material's own
// clipboard handler copies their data-clipboard-text and shows "Copied to clipboard" in its
// dialog, which this makes a polite live region so screen readers announce the result.
document.querySelectorAll("button.av-copy[hidden]").forEach(function (button) {
  button.hidden = false;
});
document.querySelectorAll(".md-dialog").forEach(function (dialog) {
  dialog.setAttribute("role", "status");
  dialog.setAttribute("aria-live", "polite");
  dialog.setAttribute("aria-atomic", "true");
});
// Material's copy buttons on code blocks (the citations) are named only by their title, which its
// tooltip removes on first hover or focus: a name of their own that stays.
function nameCopyButtons(root) {
  root.querySelectorAll("button.md-code__button[data-md-type=copy]:not([aria-label])").forEach(function (button) {
    var item = button.closest(".av-cite__item");
    var name = item && item.querySelector(".av-cite__name");
    button.setAttribute("aria-label", name ? "Copy the " + name.textContent.trim() + " citation" : "Copy to clipboard");
  });
}
nameCopyButtons(document);
new MutationObserver(function () { nameCopyButtons(document); })
  .observe(document.body, { childList: true, subtree: true });
