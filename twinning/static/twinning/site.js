/* twinning: small behaviours shared by every page. Works without it; adds comfort. */
(function () {
  "use strict";

  // htmx filters and pagination change the query string without a new page; the language
  // links were drawn for the address the page was loaded at, so carry the present query.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".language-switch a");
    if (!link) return;
    var target = new URL(link.href, location.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.toString();
  });

  // A table wider than the window scrolls inside its own region, which then takes
  // keyboard focus so that it can be scrolled without a mouse; one that fits does not.
  function markScrollingTables() {
    document.querySelectorAll(".table-wrap").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1) region.setAttribute("tabindex", "0");
      else region.removeAttribute("tabindex");
    });
  }
  // On a phone the filters come before the results; fold them behind their heading so
  // that the first result is in view, unless they report an error.
  function foldFilters() {
    if (!window.matchMedia("(max-width: 800px)").matches) return;
    document.querySelectorAll("aside.filters").forEach(function (aside, index) {
      var heading = aside.querySelector("h2");
      var form = aside.querySelector("form");
      if (!heading || !form || heading.querySelector("button") || aside.querySelector(".error")) return;
      if (!form.id) form.id = "filters-form-" + index;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "filters-toggle";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", form.id);
      button.textContent = heading.textContent;
      heading.textContent = "";
      heading.appendChild(button);
      form.hidden = true;
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        form.hidden = !open;
      });
    });
  }

  // When htmx replaces the part that held the focus (a page link in the results, a
  // "move up" button), the focus would fall back to the page. Put it back on the same
  // control when the new content has it (by id), on the first field of a form that asks
  // for it (the next programme item), or else on the new content itself.
  var focusedId = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    focusedId = active && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;
    var target = event.detail.target;
    if (!target) return;
    var again = focusedId && document.getElementById(focusedId);
    if (!again && focusedId && /-(up|down)$/.test(focusedId)) {
      // An item moved to the top or bottom has lost that button; take its other one.
      again = document.getElementById(focusedId.replace(/-(up|down)$/, function (_m, way) {
        return way === "up" ? "-down" : "-up";
      }));
    }
    if (!again) {
      var form = document.querySelector("[data-focus-first]");
      again = form && form.querySelector("input:not([type=hidden]), select, textarea");
    }
    if (again) {
      again.focus();
      return;
    }
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  });

  document.addEventListener("DOMContentLoaded", foldFilters);
  document.addEventListener("DOMContentLoaded", markScrollingTables);
  window.addEventListener("resize", markScrollingTables);
  document.addEventListener("htmx:afterSettle", markScrollingTables);
})();
