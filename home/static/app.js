// textproc home page. Everything here only enhances: without JavaScript the
// forms post as usual and the api answers with a redirect or a page.
(function () {
  "use strict";

  // Say before anyone types when translation is not offered. The api
  // reports it in /api/health (the home service cannot see the api's keys).
  function checkTranslation() {
    var form = document.getElementById("form-translate");
    var notice = document.getElementById("translate-unavailable");
    if (!form || !notice) return;
    fetch("/api/health", { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (health) {
        var available = Boolean(health.translation && health.translation.configured);
        // What the page tests wait for: the check ran, whatever it found.
        form.setAttribute("data-translation", available ? "available" : "unavailable");
        if (available) return;
        notice.hidden = false;
        Array.prototype.forEach.call(form.querySelectorAll("input, textarea, select, button"), function (field) {
          field.disabled = true;
        });
      })
      .catch(function () { /* api unreachable: leave the form as it is */ });
  }

  // Characters as the api counts them (code points, not UTF-16 units).
  function length(text) {
    return Array.from(text).length;
  }

  // "12 / 10,000 characters" under each text box, updated as one types.
  function addCounter(textarea) {
    var max = Number(textarea.getAttribute("data-max-chars"));
    var counter = document.createElement("span");
    counter.className = "counter";
    counter.id = textarea.id + "-counter";
    counter.setAttribute("aria-live", "polite");
    textarea.setAttribute("aria-describedby", counter.id);
    textarea.insertAdjacentElement("afterend", counter);
    function update() {
      var used = length(textarea.value);
      counter.textContent = used.toLocaleString("en") + " / " + max.toLocaleString("en") + " characters";
      counter.classList.toggle("over", used > max);
    }
    textarea.addEventListener("input", update);
    update();
  }

  // Posts the form in the background: a rejection is shown next to the
  // form with the text left as typed; a stored record opens the page with
  // its row highlighted.
  function enhance(form) {
    var error = document.getElementById(form.getAttribute("data-operation") + "-error");
    var button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams(new FormData(form)),
      })
        .then(function (response) {
          return response.json().then(function (body) {
            if (response.ok) {
              var id = body.id;
              keepOffered(body.changes);
              window.location.assign("/?stored=" + encodeURIComponent(id) + "#record-" + encodeURIComponent(id));
              return;
            }
            show(body.error && body.error.message ? body.error.message : "The service refused the text (" + response.status + ").");
          });
        })
        .catch(function () {
          show("The service could not be reached. Your text is still here; please try again.");
        });
    });
    function show(message) {
      error.textContent = message;
      error.hidden = false;
      button.disabled = false;
    }
  }

  // The other words offered after each correction, which the page that
  // follows cannot know (the api stores the text, not them): kept for it
  // in the tab's storage, worded as the api words them for a form posted
  // without JavaScript (api/src/routes/text.rs, also_possible).
  var OFFERED = "textproc-offered";
  var OFFERED_IN_NOTICE = 5;

  function keepOffered(changes) {
    var offered = (changes || [])
      .filter(function (change) { return change.replacements.length > 1; })
      .slice(0, OFFERED_IN_NOTICE)
      .map(function (change) { return change.original + " \u2192 " + change.replacements.slice(1).join(" or "); });
    try {
      if (offered.length) window.sessionStorage.setItem(OFFERED, "Also possible: " + offered.join("; ") + ".");
    } catch (e) {
      // Storage refused (a private window): the notice goes without them.
    }
  }

  // On the page opened after such a post (/?stored=ID), they join its notice.
  function showOffered() {
    var offered = null;
    try {
      offered = window.sessionStorage.getItem(OFFERED);
      window.sessionStorage.removeItem(OFFERED);
    } catch (e) {
      return;
    }
    var notice = document.getElementById("flash");
    if (offered === null || !notice || !new URLSearchParams(window.location.search).has("stored")) return;
    notice.textContent += " " + offered;
  }

  // After a post, the page was opened as /?stored=ID: forget that in the
  // address, so a reload neither repeats the notice nor the highlight.
  function forgetStored() {
    var params = new URLSearchParams(window.location.search);
    if (!params.has("stored")) return;
    params.delete("stored");
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  showOffered();
  forgetStored();
  checkTranslation();
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-max-chars]"), addCounter);
  Array.prototype.forEach.call(document.querySelectorAll("form[data-operation]"), enhance);
})();
