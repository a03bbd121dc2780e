// 钱袋子守护: the little script every page shares. htmx does the work; this only wires it up.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // Spring Security wants the CSRF token on every state-changing request; htmx sends it as a header.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("_csrf");
    var header = meta("_csrf_header");
    if (token && header && event.detail.verb !== "get") {
      event.detail.headers[header] = token;
    }
  });

  // A signed-out session answers an htmx request with the sign-in page: go there instead of
  // swapping a login form into the middle of the page.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname.endsWith("/login")) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL);
    }
  });

  // htmx does not swap error answers; say that something went wrong (the text comes from the page).
  function toast(text) {
    var box = document.getElementById("toast");
    if (!box) {
      return;
    }
    box.textContent = text;
    box.hidden = false;
    window.clearTimeout(toast.timer);
    toast.timer = window.setTimeout(function () {
      box.hidden = true;
    }, 6000);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var texts = document.getElementById("toast");
    if (!texts) {
      return;
    }
    var text =
      status === 403
        ? texts.getAttribute("data-text-forbidden")
        : status === 404
          ? texts.getAttribute("data-text-not-found")
          : texts.getAttribute("data-text-error");
    toast(text + (status ? " (" + status + ")" : ""));
  });

  document.addEventListener("htmx:sendError", function () {
    var texts = document.getElementById("toast");
    if (texts) {
      toast(texts.getAttribute("data-text-offline"));
    }
  });

  // The language switch keeps the page as it is now (htmx may have changed the address since it was drawn).
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-lang]") : null;
    if (link) {
      var url = new URL(window.location.href);
      url.searchParams.set("lang", link.getAttribute("data-lang"));
      link.setAttribute("href", url.toString());
    }
  });

  // A form with data-confirm asks before it is sent (no onsubmit attribute: the Content-Security-Policy runs none).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // A field with data-select-on-focus selects its text when focused (a token to copy).
  document.addEventListener("focusin", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-select-on-focus")) {
      event.target.select();
    }
  });
})();
