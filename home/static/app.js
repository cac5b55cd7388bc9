// textproc home page: say before anyone types when translation is not
// offered. The api reports it in /api/health (the home service cannot see
// the api's keys). Without JavaScript the form still posts, and the api
// answers with a readable 503 page.
(function () {
  "use strict";
  var form = document.getElementById("form-translate");
  var notice = document.getElementById("translate-unavailable");
  if (!form || !notice) return;
  fetch("/api/health", { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (health) {
      if (health.translation && health.translation.configured) return;
      notice.hidden = false;
      Array.prototype.forEach.call(form.querySelectorAll("input, textarea, select, button"), function (field) {
        field.disabled = true;
      });
    })
    .catch(function () { /* api unreachable: leave the form as it is */ });
})();
