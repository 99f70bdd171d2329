// Frozen editions only (src/mkdocs_adapter/edition_dates.py adds this script to them): the notice says whether the
// page has changed on the living site since this edition, from the living site's editions.json,
// and its link keeps the section the reader is at. Without JavaScript, or if editions.json cannot
// be read, the notice keeps its link to the history of changes.
(function () {
  "use strict";
  var notice = document.querySelector(".av-frozen[data-av-edition]");
  if (!notice) return;
  var living = notice.querySelector(".av-frozen__living");
  var status = notice.querySelector(".av-frozen__status");
  function keepSection() {
    living.setAttribute("href", living.getAttribute("href").split("#")[0] + window.location.hash);
  }
  keepSection();
  window.addEventListener("hashchange", keepSection);
  var edition = notice.getAttribute("data-av-edition");
  var path = notice.getAttribute("data-av-page");
  var root = notice.getAttribute("data-av-root");
  if (!window.fetch || window.location.protocol === "file:") return;
  fetch(root + "editions.json", { cache: "no-cache" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (living) {
      var page = (living.pages || {})[path];
      var text;
      if (!page) {
        text = " is no longer on the living site.";
      } else if (page.changed_since_latest || (page.revised && page.revised > edition)) {
        text = " has changed since this edition.";
      } else {
        text = " has not changed since this edition.";
      }
      status.textContent = text;
      notice.setAttribute("data-av-changed", page ? String(text.indexOf("not") < 0) : "removed");
    })
    .catch(function () { /* keep the link to the history of changes */ });
})();
