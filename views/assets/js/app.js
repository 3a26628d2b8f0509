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

  // A file over the upload limit is refused here, before minutes of uploading: the browser's own
  // validation then blocks the form, and the reason shows beside the field.
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) return;
    var file = input.files && input.files[0];
    var tooLarge = !!file && file.size > Number(input.getAttribute('data-max-bytes'));
    var message = tooLarge ? input.getAttribute('data-too-large') : '';
    input.setCustomValidity(message);
    var field = input.closest('.field');
    var note = field && field.querySelector('.field-error');
    if (tooLarge && field) {
      if (!note) {
        note = document.createElement('p');
        note.className = 'field-error';
        note.id = input.id + '-error';
        input.insertAdjacentElement('afterend', note);
      }
      note.textContent = message;
      field.classList.add('has-error');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
    } else if (field) {
      if (note) note.remove();
      field.classList.remove('has-error');
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', input.id + '-hint');
    }
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
