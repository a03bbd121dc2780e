// 钱袋子守护: the centers' board. When the poll says warnings changed, the manual queue reloads, unless
// someone is filling in one of its transfer forms. (An htmx trigger filter would say this in the page,
// but htmx evaluates filters as code, and the Content-Security-Policy allows no eval.)
(function () {
  "use strict";

  document.addEventListener("warnings-changed", function () {
    var queue = document.getElementById("queue");
    if (queue && !queue.contains(document.activeElement) && typeof htmx !== "undefined") {
      htmx.trigger(document.body, "queue-changed");
    }
  });
})();
