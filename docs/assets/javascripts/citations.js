// Citations (overrides/partials/av-cite.html). A "Cite this argument" link beside a heading opens
// that argument's citation box and moves the focus to it; without JavaScript the link still leads
// there. Copying a BibTeX, RIS or CSL-JSON citation adds today's date as the date accessed: the
// text is completed just before Material's copy button reads it.
(function () {
  function openBox(hash) {
    if (!/^#cite-/.test(hash)) return;
    var box = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!box || box.tagName !== "DETAILS") return;
    for (var open = box; open; open = open.parentElement && open.parentElement.closest("details")) {
      open.open = true;  // the box, and the box of all the arguments around it
    }
    var summary = box.querySelector("summary");
    if (summary) summary.focus();
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.av-cite-link");
    if (link) {
      // Let the browser follow the link (history, scroll); then open and focus the box.
      setTimeout(function () { openBox(link.getAttribute("href")); }, 0);
    }
  });
  window.addEventListener("hashchange", function () { openBox(location.hash); });
  openBox(location.hash);

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function withAccessDate(format, text, day) {
    var y = day.getFullYear(), m = day.getMonth() + 1, d = day.getDate();
    if (format === "BibTeX" && !/urldate/.test(text)) {
      return text.replace(/\n\}\s*$/, ",\n  urldate      = {" + y + "-" + pad(m) + "-" + pad(d) + "}\n}");
    }
    if (format === "RIS" && !/^Y2 {2}- /m.test(text)) {
      return text.replace(/\nER {2}-\s*$/, "\nY2  - " + y + "/" + pad(m) + "/" + pad(d) + "\nER  -");
    }
    if (format === "CSL-JSON") {
      var records = JSON.parse(text);
      records.forEach(function (r) { r.accessed = {"date-parts": [[y, m, d]]}; });
      return JSON.stringify(records, null, 2);
    }
    return text;
  }
  // Capture phase: runs before Material's own handler of the copy button copies the code.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".av-cite .md-code__button, .av-cite .md-clipboard");
    if (!button) return;
    var pre = button.closest("pre[data-format]");
    var code = pre && pre.querySelector("samp");
    if (code) code.textContent = withAccessDate(pre.dataset.format, code.textContent, new Date());
  }, true);
  document.querySelectorAll(".av-cite__access").forEach(function (note) {
    note.textContent = "Copying a citation adds today's date as the date you accessed it (BibTeX, RIS, CSL-JSON); " +
      "APA and Chicago need none for a dated page.";
  });
})();
