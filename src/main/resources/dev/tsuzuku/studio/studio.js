// The studio's only script: login, and the buttons that call the JSON API with the session's CSRF token.
(function () {
  "use strict";
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : null;
  var message = document.getElementById("message");

  function say(text, bad) {
    if (message) {
      message.textContent = text;
      message.className = "message" + (bad ? " bad" : " good");
    }
  }

  function call(url, body) {
    var headers = { "Content-Type": "application/json" };
    if (csrf) { headers["X-CSRF-Token"] = csrf; }
    return fetch(url, { method: "POST", headers: headers, body: JSON.stringify(body || {}), credentials: "same-origin" })
      .then(function (r) {
        return r.text().then(function (t) {
          var data = {};
          try { data = t ? JSON.parse(t) : {}; } catch (e) { data = { error: t }; }
          if (!r.ok) { throw new Error((data.error || ("HTTP " + r.status)) + (data.fix ? " (" + data.fix + ")" : "")); }
          return data;
        });
      });
  }

  var form = document.getElementById("login");
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      call("/api/login", { password: document.getElementById("password").value })
        .then(function () {
          var target = location.pathname === "/studio/login" ? "/studio" : location.pathname;
          location.assign(target);
        })
        .catch(function (e) { say(e.message, true); });
    });
  }

  document.querySelectorAll("[data-post]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      call(button.getAttribute("data-post"))
        .then(function (episode) {
          say("Episode " + episode.number + " is " + episode.status + ".", false);
          var status = document.getElementById("status");
          if (status) { status.textContent = episode.status; status.className = "status status-" + episode.status; }
          var approve = document.getElementById("approve");
          var release = document.getElementById("release");
          if (approve) { approve.disabled = episode.status !== "produced"; }
          if (release) { release.disabled = episode.status !== "approved"; }
        })
        .catch(function (e) { say(e.message, true); button.disabled = false; });
    });
  });

  document.querySelectorAll("[data-regenerate]").forEach(function (button) {
    button.addEventListener("click", function () {
      var provider = document.getElementById("provider-" + button.getAttribute("data-shot")).value;
      call(button.getAttribute("data-regenerate"), { provider: provider })
        .then(function (take) { say("Shot " + take.shot + ": take " + take.take + " from " + take.provider + " is " + take.state + ".", false); })
        .catch(function (e) { say(e.message, true); });
    });
  });

  document.querySelectorAll("[data-logout]").forEach(function (button) {
    button.addEventListener("click", function () {
      call("/api/logout").then(function () { location.assign("/studio/login"); }, function () { location.assign("/studio/login"); });
    });
  });
})();
