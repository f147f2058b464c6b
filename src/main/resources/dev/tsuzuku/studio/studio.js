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

  // a regeneration runs in the background: the page asks where it stands every two seconds until
  // none is queued or running, lists each one, and says so when one failed
  var polling = null;
  function showJobs(url) {
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (jobs) {
        var list = document.getElementById("jobs");
        if (list) {
          list.textContent = "";
          jobs.forEach(function (j) {
            var li = document.createElement("li");
            li.className = "job job-" + j.state;
            li.setAttribute("data-state", j.state);
            li.textContent = "Shot " + j.shot + " with " + j.provider + ": " + j.state + (j.error ? " \u2014 " + j.error : "");
            list.appendChild(li);
          });
        }
        var last = jobs[jobs.length - 1];
        if (last && (last.state === "failed" || last.state === "interrupted")) {
          say("Regenerating shot " + last.shot + " " + last.state + ": " + last.error, true);
        }
        else if (last && last.state === "done") { say("Shot " + last.shot + " is regenerated: reload to watch the new cut.", false); }
        var busy = jobs.some(function (j) { return j.state === "queued" || j.state === "running"; });
        clearTimeout(polling);
        polling = busy ? setTimeout(function () { showJobs(url); }, 2000) : null;
      })
      .catch(function () { polling = setTimeout(function () { showJobs(url); }, 5000); });
  }
  function jobsOf(regenerateUrl) { return regenerateUrl.replace(/\/shots\/\d+\/regenerate$/, "/regenerations"); }

  var regenerate = document.querySelectorAll("[data-regenerate]");
  regenerate.forEach(function (button) {
    button.addEventListener("click", function () {
      var provider = document.getElementById("provider-" + button.getAttribute("data-shot")).value;
      call(button.getAttribute("data-regenerate"), { provider: provider })
        .then(function (take) {
          say("Shot " + take.shot + " with " + take.provider + " is " + take.state + ".", false);
          showJobs(jobsOf(button.getAttribute("data-regenerate")));
        })
        .catch(function (e) { say(e.message, true); });
    });
  });
  if (regenerate.length > 0) { showJobs(jobsOf(regenerate[0].getAttribute("data-regenerate"))); }

  document.querySelectorAll("[data-logout]").forEach(function (button) {
    button.addEventListener("click", function () {
      call("/api/logout").then(function () { location.assign("/studio/login"); }, function () { location.assign("/studio/login"); });
    });
  });
})();
