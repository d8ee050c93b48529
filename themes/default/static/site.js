/* Shovel Ready: dates on the reader's clock, on every page. No framework, nothing from elsewhere.
 *
 * The build writes absolute dates (<time datetime="…">8 Aug 2026</time>), which are true whenever the page is
 * read. This script says them in words counted from the reader's own now: "4 months ago" (the absolute date
 * stays as the title), shows the "new" mark on issues opened in the last 7 days, and says in the header how
 * old the data is, as a warning when older than two days. `ago` and `day` mirror generator/core/dates.py
 * (a test keeps them in step).
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var NEW_FOR = 7;
  var OLD_AFTER = 2;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // A bare date is midnight UTC, as the build reads it.
  function parse(value) {
    return Date.parse(/^\d{4}-\d\d-\d\d$/.test(value) ? value + "T00:00:00Z" : value);
  }

  function ago(then, now) {
    var days = Math.floor((now - then) / DAY);
    var units = [[365, "year"], [30, "month"], [7, "week"], [1, "day"]];
    for (var i = 0; i < units.length; i++) {
      if (days >= units[i][0]) {
        var count = Math.floor(days / units[i][0]);
        return count + " " + units[i][1] + (count !== 1 ? "s" : "") + " ago";
      }
    }
    return "today";
  }

  function day(then) {
    var d = new Date(then);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  // Every dated thing below `root`, said from `now`.
  function refresh(root, now) {
    Array.prototype.forEach.call(root.querySelectorAll("time[data-ago]"), function (time) {
      var then = parse(time.getAttribute("datetime"));
      if (isNaN(then)) return;
      time.title = day(then);
      time.textContent = ago(then, now);
    });
    Array.prototype.forEach.call(root.querySelectorAll("[data-new]"), function (mark) {
      var then = parse(mark.getAttribute("data-new"));
      mark.hidden = isNaN(then) || now - then < 0 || now - then > NEW_FOR * DAY;
    });
  }

  function dataAge(now) {
    var time = document.querySelector("time[data-since]");
    var age = document.getElementById("age");
    if (!time || !age) return;
    var then = parse(time.getAttribute("datetime"));
    if (isNaN(then)) return;
    var days = Math.floor((now - then) / DAY);
    age.textContent = ", " + (days < 1 ? "today" : days === 1 ? "1 day ago" : days + " days ago");
    age.classList.add("said");
    if (days > OLD_AFTER) {
      time.parentNode.classList.add("old");
      var why = age.appendChild(document.createElement("span"));
      why.className = "vh";
      why.textContent = " (old: newer issues may be missing and some may be closed)";
    }
  }

  window.ShovelReady = { ago: ago, day: day, parse: parse, refresh: refresh };
  var now = Date.now();
  refresh(document, now);
  dataAge(now);
})();
