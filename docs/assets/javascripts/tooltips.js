// The content's tooltips (glossary terms, copy-link and copy buttons), made on first hover or focus.
// Material's content.tooltips feature sets up every [title] in the content on load, about 200 ms of
// blocked main thread on the comparison page; this draws the same tooltip (Material's markup and
// CSS) only for the element a reader points at or tabs to. Like Material's, it holds the title while
// shown (no second, native tooltip) and names the tooltip in aria-describedby.
// Content shown on hover or focus must be dismissible without moving the pointer or the focus
// (WCAG 1.4.13): Escape hides it (site.css), and the next focus or hover shows it again.
(function () {
  var HIDE_AFTER = 250; // ms, as Material: time to move the pointer onto the tooltip
  var sequence = 0;
  var tips = new Map(); // host element -> {node, title, focus, hover, timer}

  // The element whose tooltip this is: a [title] in the content, one already showing (its title is
  // held), or the host of a tooltip the pointer has moved onto.
  function hostOf(target) {
    for (var el = target instanceof Element ? target : null; el; el = el.parentElement) {
      if (tips.has(el)) return el;
      if (el.hasAttribute("title")) {
        return !el.hasAttribute("data-preview") && el.closest("[data-md-component=content]") ? el : null;
      }
      if (el.hasAttribute("data-av-host")) {
        var host = null;
        tips.forEach(function (s, h) { if (s.node === el) host = h; });
        return host;
      }
    }
    return null;
  }

  function place(host, node) {
    var rect = host.getBoundingClientRect();
    node.style.setProperty("--md-tooltip-host-x", rect.x + window.scrollX + "px");
    node.style.setProperty("--md-tooltip-host-y", rect.y + window.scrollY + "px");
    node.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    node.style.setProperty("--md-tooltip-y", 8 + rect.height + "px");
    node.style.setProperty("--md-tooltip-width", node.firstChild.offsetWidth + "px");
    node.style.setProperty("--md-tooltip-tail", "0px");
  }

  function show(host) {
    var s = tips.get(host);
    if (!s) {
      var node = document.createElement("div");
      node.className = "md-tooltip2 md-tooltip2--bottom";
      node.setAttribute("role", "tooltip");
      node.setAttribute("data-av-host", "");
      node.id = "__tooltip2_av" + sequence++;
      var inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      inner.textContent = host.getAttribute("title");
      node.appendChild(inner);
      s = { node: node, title: host.getAttribute("title"), focus: false, hover: false, timer: 0 };
      tips.set(host, s);
      host.removeAttribute("title");
      document.body.appendChild(node);
    }
    clearTimeout(s.timer);
    s.node.classList.remove("av-dismissed");
    place(host, s.node);
    host.setAttribute("aria-describedby", s.node.id);
    requestAnimationFrame(function () {
      if (s.focus || s.hover) s.node.classList.add("md-tooltip2--active");
    });
    return s;
  }

  // Hidden at once when the focus leaves, a moment after the pointer leaves (time to reach the
  // tooltip), and removed after its fade.
  function update(host, delay) {
    var s = tips.get(host);
    if (!s || s.focus || s.hover) return;
    clearTimeout(s.timer);
    function hide() {
      s.node.classList.remove("md-tooltip2--active");
      host.removeAttribute("aria-describedby");
      s.timer = setTimeout(function () {
        s.node.remove();
        host.setAttribute("title", s.title);
        tips.delete(host);
      }, HIDE_AFTER);
    }
    if (delay) s.timer = setTimeout(hide, delay);
    else hide();
  }

  document.addEventListener("focusin", function (event) {
    var host = hostOf(event.target);
    if (host) show(host).focus = true;
  });
  document.addEventListener("focusout", function (event) {
    var host = hostOf(event.target), s = host && tips.get(host);
    if (s) { s.focus = false; update(host, 0); }
  });
  document.addEventListener("mouseover", function (event) {
    var host = hostOf(event.target);
    if (host) show(host).hover = true;
  });
  document.addEventListener("mouseout", function (event) {
    var host = hostOf(event.target), s = host && tips.get(host);
    if (!s || (event.relatedTarget instanceof Node && (host.contains(event.relatedTarget)
        || s.node.contains(event.relatedTarget)))) return;
    s.hover = false;
    update(host, HIDE_AFTER);
  });
  // A scrolled box (the comparison's matrix) moves its terms: their tooltips follow.
  document.addEventListener("scroll", function () {
    tips.forEach(function (s, host) { place(host, s.node); });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
      tip.classList.add("av-dismissed");
    });
  });
})();
