/* Torv live preview (scripts/torv/serve.py): served as /__torv/reload.js and loaded by every page of the
   preview, with the build the page came from (data-version), the status address on the same server
   (data-status) and how often to ask (data-poll, ms). A file, not an inline script: the pages'
   Content-Security-Policy allows no inline script that is not their own. Reloads the page after a new
   successful build, shows the report of a failed one; makes no other request. */
(function () {
  "use strict";
  var me = document.currentScript;
  var version = Number(me.getAttribute("data-version"));
  var status = me.getAttribute("data-status");
  var every = Number(me.getAttribute("data-poll")) || 1000;
  var box = null;

  function show(text) {
    if (!box) {
      box = document.createElement("pre");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10000;margin:0;max-height:50vh;" +
        "overflow:auto;padding:1rem;background:#fff4f4;color:#7a0000;border-top:3px solid #a00000;" +
        "font:14px/1.4 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = text;
  }

  function hide() {
    if (box) {
      box.remove();
      box = null;
    }
  }

  function poll() {
    fetch(status, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.version !== version) {
          location.reload();
          return;
        }
        if (s.error) show(s.error); else hide();
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, every); });
  }

  setTimeout(poll, every);
})();
