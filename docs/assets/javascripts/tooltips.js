// Content shown on hover or focus must be dismissible without moving the pointer or the focus
// (WCAG 1.4.13). Material's glossary tooltips stay open until focus or pointer leave their term:
// Escape hides them (site.css), and the next focus or hover shows them again.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
    tip.classList.add("av-dismissed");
  });
});
function undismiss() {
  document.querySelectorAll(".md-tooltip2.av-dismissed").forEach(function (tip) {
    tip.classList.remove("av-dismissed");
  });
}
document.addEventListener("focusin", undismiss);
document.addEventListener("mouseover", undismiss);
