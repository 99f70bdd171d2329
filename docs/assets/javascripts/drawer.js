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
      var first = document.querySelector(".md-sidebar--primary a[href]");
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
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
