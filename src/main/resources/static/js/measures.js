// 钱袋子守护: the countdown to a stop-payment's expiry. Every element with data-expires (an ISO-8601
// instant) shows the time left ("剩余 47:59:59"; from three days on "剩余 180 天 3:04") or that it has expired. The texts and
// the server's time come from #measure-texts, so a phone whose clock is wrong still counts right. The
// script may arrive more than once (htmx swaps the section that loads it): it installs itself once,
// and looks the elements up again on every tick.
(function () {
  "use strict";

  if (window.purseguardMeasureClock) {
    return;
  }
  window.purseguardMeasureClock = true;

  var skew = null;

  function holder() {
    return document.getElementById("measure-texts");
  }

  function two(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function tick() {
    var texts = holder();
    if (!texts) {
      return;
    }
    if (skew === null) {
      var serverNow = Date.parse(texts.getAttribute("data-now") || "");
      skew = isNaN(serverNow) ? 0 : serverNow - Date.now();
    }
    var now = Date.now() + skew;
    var elements = document.querySelectorAll("[data-expires]");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      var expires = Date.parse(element.getAttribute("data-expires"));
      if (isNaN(expires)) {
        continue;
      }
      var seconds = Math.round((expires - now) / 1000);
      if (seconds <= 0) {
        element.textContent = texts.getAttribute("data-expired") || "-";
        element.classList.add("late");
        continue;
      }
      var days = Math.floor(seconds / 86400);
      var hours = Math.floor((seconds % 86400) / 3600);
      var minutes = Math.floor((seconds % 3600) / 60);
      var span =
        seconds >= 72 * 3600
          ? (texts.getAttribute("data-days") || "{0}d").replace("{0}", days) + " " + hours + ":" + two(minutes)
          : Math.floor(seconds / 3600) + ":" + two(minutes) + ":" + two(seconds % 60);
      element.textContent = (texts.getAttribute("data-left") || "{0}").replace("{0}", span);
    }
  }

  tick();
  window.setInterval(tick, 1000);
  document.addEventListener("htmx:afterSettle", tick);
})();
