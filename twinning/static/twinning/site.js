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
})();
