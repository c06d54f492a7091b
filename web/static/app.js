// kehoach web: small progressive enhancements; every page works without.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Filters apply as soon as they change.
  document.querySelectorAll("select.autosubmit").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
  // Compare: choosing a key selects its radio button.
  var pick = function (cls, by) {
    var s = document.querySelector("select." + cls);
    if (!s) return;
    s.addEventListener("change", function () {
      var r = document.querySelector('input[name="by"][value="' + by + '"]');
      if (r) r.checked = true;
    });
  };
  pick("key-indicator", "indicator");
  pick("key-citation", "citation");
  pick("key-province", "province");
  // Upload: post with fetch and show where the document went.
  var up = document.querySelector("form.upload");
  if (up) {
    up.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var out = document.querySelector(".upload-result");
      out.textContent = "…";
      fetch(up.action, { method: "POST", body: new FormData(up) })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          out.textContent = "";
          if (j.url) {
            var a = document.createElement("a");
            a.href = j.url;
            a.textContent = j.source;
            out.appendChild(a);
          } else {
            out.textContent = j.error || "error";
          }
        })
        .catch(function (e) { out.textContent = String(e); });
    });
  }
});
