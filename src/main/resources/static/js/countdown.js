// 钱袋子守护: live countdowns to the task deadlines. Every element with data-due (an ISO-8601 instant)
// shows the time left ("剩余 0:04:59") or how late it is ("超时 0:01:02"); when a deadline passes, the
// element turns red and so does its row ([data-overdue-row]). The texts and the server's time come from
// #countdown-texts, so a phone whose clock is wrong still counts right. htmx may swap the lists: each
// tick looks the elements up again.
(function () {
  "use strict";

  var holder = document.getElementById("countdown-texts");
  if (!holder) {
    return;
  }
  var texts = {
    left: holder.getAttribute("data-left") || "{0}",
    late: holder.getAttribute("data-late") || "-{0}",
    days: holder.getAttribute("data-days") || "{0}d",
  };
  var serverNow = Date.parse(holder.getAttribute("data-now") || "");
  var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();

  function two(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function span(seconds) {
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (days > 0) {
      return texts.days.replace("{0}", days) + " " + hours + ":" + two(minutes);
    }
    return hours + ":" + two(minutes) + ":" + two(seconds % 60);
  }

  function tick() {
    var now = Date.now() + skew;
    var elements = document.querySelectorAll("[data-due]");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var due = Date.parse(element.getAttribute("data-due"));
      if (isNaN(due)) {
        continue;
      }
      var seconds = Math.round((due - now) / 1000);
      var late = seconds <= 0;
      element.textContent = (late ? texts.late : texts.left).replace("{0}", span(Math.abs(seconds)));
      element.classList.toggle("late", late);
      if (late) {
        var row = element.closest("[data-overdue-row]");
        if (row && !row.classList.contains("done")) {
          row.classList.add("overdue");
        }
      }
    }
  }

  tick();
  window.setInterval(tick, 1000);
})();
