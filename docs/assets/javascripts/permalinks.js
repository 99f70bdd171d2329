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
