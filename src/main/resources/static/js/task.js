// 钱袋子守护: the task page's one helper. The "定位" button next to a visit's location fills in where
// the phone is (latitude, longitude and accuracy), if the browser may tell; without it, the location is
// typed. The button is shown only where the browser has geolocation.
(function () {
  "use strict";

  var buttons = document.querySelectorAll("[data-geolocate]");
  if (!("geolocation" in navigator)) {
    return;
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-geolocate]") : null;
    if (!button) {
      return;
    }
    event.preventDefault();
    var input = document.querySelector(button.getAttribute("data-geolocate"));
    if (!input) {
      return;
    }
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.getAttribute("data-locating") || label;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var c = position.coords;
        var where = c.latitude.toFixed(5) + "," + c.longitude.toFixed(5) + " ±" + Math.round(c.accuracy) + "m";
        input.value = input.value ? input.value + " " + where : where;
        button.textContent = label;
        button.disabled = false;
      },
      function () {
        button.textContent = button.getAttribute("data-failed") || label;
        button.disabled = false;
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  });
})();
