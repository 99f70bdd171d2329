// The navigation drawer by keyboard (below 76.25em, where the sidebar becomes a drawer).
// Material opens it with a <label for="__drawer">, which Tab never reaches and screen readers do
// not announce as a control. With JavaScript, a real button takes the label's place: it says
// whether the drawer is open, moves focus into it when opened from the keyboard, and Escape
// closes it. Without JavaScript the label stays. While closed, site.css hides the drawer, so Tab
// does not walk through links off screen.
(function () {
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !label) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon av-menu";
  button.setAttribute("aria-label", "Navigation menu");
  button.innerHTML = label.innerHTML;
  label.before(button);
  label.hidden = true;
  var byKeyboard = false;
  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    if (toggle.checked && byKeyboard) {
      // The first link or section title shown: an open sub-panel (the current page's section)
      // covers the main list, which site.css takes out of the tab order.
      var first = Array.prototype.find.call(
        document.querySelectorAll(".md-sidebar--primary :is(a[href], label[tabindex])"),
        function (el) { return getComputedStyle(el).visibility === "visible"; });
      if (first) setTimeout(function () { first.focus(); }, 50);
    }
    byKeyboard = false;
  }
  sync();
  toggle.addEventListener("change", sync);
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") byKeyboard = true;
  });
  button.addEventListener("click", function () {
    toggle.click();  // checks the hidden box as the label would, and fires its change event
  });
  // Tab pressed while a sub-panel still slides in from the right focuses a link outside the
  // drawer's box, and Chromium scrolls the drawer sideways to show it: once the panel is in
  // place, it sits a drawer's width off screen. The drawer never scrolls sideways.
  var wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
  if (wrap) wrap.addEventListener("scroll", function () { if (wrap.scrollLeft) wrap.scrollLeft = 0; });
  // Leaving a sub-panel by its title (the way back): the focus goes to the entry that opened it,
  // since the panel, and the title with it, is hidden.
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches(".md-nav--primary .md-nav__toggle") || box.checked) return;
    var panel = box.parentElement.querySelector(":scope > .md-nav");
    var entry = box.parentElement.querySelector('label[for="' + box.id + '"]:not(.md-nav__title)');
    var focus = document.activeElement;  // a label's click moves the focus to its checkbox
    if (!panel || !entry || !(focus === box || panel.contains(focus))) return;
    if (!entry.hasAttribute("tabindex")) entry.tabIndex = 0;  // Material leaves the current section's out
    entry.focus();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
