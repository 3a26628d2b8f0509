// Baton's only page script. Loaded as a file so the Content-Security-Policy can forbid inline scripts.
(function () {
  'use strict';

  // htmx has no CSRF option: add the session's token to every htmx request as a header.
  document.addEventListener('htmx:config:request', function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta && e.detail && e.detail.ctx) e.detail.ctx.request.headers['X-CSRF-Token'] = meta.content;
  });

  // Toasts: dismiss on click, fade out successes after a few seconds (errors stay until dismissed).
  document.addEventListener('click', function (e) {
    var btn = e.target.closest && e.target.closest('[data-dismiss]');
    if (btn) btn.parentElement.remove();
  });
  function autoHide(root) {
    (root || document).querySelectorAll('.toast-success, .toast-info').forEach(function (t) {
      setTimeout(function () { t.remove(); }, 6000);
    });
  }
  document.addEventListener('DOMContentLoaded', function () { autoHide(document); });
  document.addEventListener('htmx:after:swap', function () { autoHide(document.getElementById('toast')); });

  // Copy buttons: data-copy names the element whose text goes to the clipboard.
  document.addEventListener('click', function (e) {
    var btn = e.target.closest && e.target.closest('[data-copy]');
    if (!btn || !navigator.clipboard) return;
    var source = document.querySelector(btn.getAttribute('data-copy'));
    if (!source) return;
    var label = btn.textContent;
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      btn.textContent = btn.getAttribute('data-copied') || 'Copied';
      setTimeout(function () { btn.textContent = label; }, 2000);
    });
  });

  // Setup wizard: preselect the browser's time zone.
  document.addEventListener('DOMContentLoaded', function () {
    var select = document.querySelector('select[data-detect-timezone]');
    if (!select || select.getAttribute('aria-invalid') === 'true') return;
    try {
      var tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (tz && select.querySelector('option[value="' + tz + '"]')) select.value = tz;
    } catch (err) { /* keep UTC */ }
  });
})();
