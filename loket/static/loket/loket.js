// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  function tickClock(clock) {
    var lang = clock.dataset.lang === "en" ? "en-GB" : "id-ID";
    var format = new Intl.DateTimeFormat(lang, {
      weekday: "short", day: "numeric", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", timeZone: clock.dataset.tz,
    });
    var update = function () {
      var now = new Date();
      clock.textContent = format.format(now) + " " + clock.dataset.tzname;
      clock.setAttribute("datetime", now.toISOString());
    };
    update();
    window.setInterval(update, 30000);
  }

  function autosubmit(select) {
    select.addEventListener("change", function () { select.form.submit(); });
  }

  function navToggle(button) {
    var list = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      list.classList.toggle("open", !open);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    var clock = document.getElementById("clock");
    if (clock) tickClock(clock);
    document.querySelectorAll(".js-autosubmit").forEach(autosubmit);
    document.querySelectorAll(".nav-toggle").forEach(navToggle);
  });
})();
