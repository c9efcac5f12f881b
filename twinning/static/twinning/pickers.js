/* twinning: searchable pickers. Each <select data-picker> becomes a tom-select combobox
   that finds records as one types (from its lookup when the page lists only the chosen
   ones) and, where the form allows, creates a new record in a small dialog. Without
   this script the plain select still works. */
(function () {
  "use strict";

  function fill(template, text) {
    return (template || "%s").replace("%s", text);
  }

  // Show the lookup's creation form in a modal dialog; hand the new record to done(),
  // or nothing when the user cancels.
  function openCreateDialog(url, name, done) {
    var dialog = document.createElement("dialog");
    dialog.className = "picker-dialog";
    document.body.appendChild(dialog);
    var finished = false;
    function finish(item) {
      if (finished) return;
      finished = true;
      done(item);
      if (dialog.open) dialog.close();
      dialog.remove();
    }
    dialog.addEventListener("close", function () { finish(); });
    function show(html) {
      dialog.innerHTML = html;
      enhance(dialog);
      var form = dialog.querySelector("form");
      dialog.querySelectorAll("[data-dialog-close]").forEach(function (button) {
        button.addEventListener("click", function () { finish(); });
      });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { "X-Requested-With": "fetch" },
          credentials: "same-origin",
        }).then(function (response) {
          if (response.status === 201) return response.json().then(finish);
          return response.text().then(show);
        });
      });
      var first = dialog.querySelector(".has-error input, .has-error select, input:not([type=hidden]), select");
      if (first) first.focus();
    }
    var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "name=" + encodeURIComponent(name);
    fetch(address, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      })
      .then(function (html) {
        dialog.showModal();
        show(html);
      })
      .catch(function () { finish(); });
  }

  function enhanceOne(select) {
    if (select.tomselect || !window.TomSelect) return;
    var data = select.dataset;
    var multiple = data.picker === "multiple";
    var settings = {
      valueField: "value",
      labelField: "text",
      searchField: ["text"],
      maxOptions: 100,
      // Choices listed on the page are filtered at once, so that Enter right after typing
      // takes the match shown rather than offering to create what was typed.
      refreshThrottle: data.complete === "true" ? 0 : 300,
      allowEmptyOption: !multiple,
      // Ready for the next name once one is chosen.
      clearAfterSelect: multiple,
      create: false,
      plugins: multiple ? { remove_button: { title: data.textRemove || "Remove" } } : {},
      render: {
        no_results: function (_data, escape) {
          return '<div class="no-results">' + escape(data.textNone || "") + "</div>";
        },
        option_create: function (item, escape) {
          return '<div class="create">' + escape(fill(data.textCreate, item.input)) + "</div>";
        },
      },
    };
    if (data.complete !== "true") {
      // The page lists only the chosen records; the lookup finds the others, and its
      // order (names that begin with the text first) is kept.
      settings.shouldLoad = function (query) { return query.trim().length > 0; };
      settings.score = function () { return function () { return 1; }; };
      settings.load = function (query, callback) {
        var self = this;
        fetch(data.lookupUrl + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            self.clearOptions();
            callback(answer.results);
          })
          .catch(function () { callback(); });
      };
    }
    if (data.createUrl) {
      settings.create = function (input, callback) {
        openCreateDialog(data.createUrl, input, callback);
      };
    }
    new window.TomSelect(select, settings);
    // The label now names the combobox; the select it fills stays out of the way of
    // screen readers (it is already out of the tab order).
    select.setAttribute("aria-hidden", "true");
  }

  function enhance(root) {
    (root || document).querySelectorAll("select[data-picker]").forEach(enhanceOne);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.detail.elt); });
})();
