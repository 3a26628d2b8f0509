// The inbox's keyboard shortcuts, alerts and small conveniences. Everything else is htmx.
(function () {
  'use strict';

  var TYPING_VISIBLE_MS = 6000;
  var ALERTS_KEY = 'baton.inbox.alerts';
  var baseTitle = document.title;

  function typingInField(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('.conv-row a')); }

  function move(step) {
    var list = rows();
    if (!list.length) return;
    var current = list.findIndex(function (a) { return a.getAttribute('aria-current') === 'true'; });
    var next = list[Math.max(0, Math.min(list.length - 1, current + step))];
    if (next && next.getAttribute('aria-current') !== 'true') {
      next.focus();
      next.click();
    }
  }

  function clickShortcut(name) {
    var el = document.querySelector('[data-shortcut="' + name + '"]');
    if (el) el.click();
    return el;
  }

  function focusComposer(kind) {
    var radio = document.querySelector('#composer input[name="kind"][value="' + kind + '"]');
    if (radio) { radio.checked = true; radio.dispatchEvent(new Event('change', { bubbles: true })); }
    var text = document.getElementById('composer-text');
    if (text) text.focus();
  }

  document.addEventListener('keydown', function (e) {
    // Ctrl/Cmd+Enter sends from the composer.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.id === 'composer-text') {
      e.preventDefault();
      e.target.form.requestSubmit();
      return;
    }
    if (e.key === 'Escape' && e.target.id === 'composer-text') { e.target.blur(); return; }
    if (typingInField(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'c': clickShortcut('claim'); break;
      case 'e': clickShortcut('resolve'); break;
      case 'r': focusComposer('reply'); break;
      case 'n': focusComposer('note'); break;
      case '/': var q = document.getElementById('inbox-q'); if (q) q.focus(); break;
      case '?': var d = document.getElementById('shortcuts'); if (d && !d.open) d.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });

  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-shortcuts-open]')) document.getElementById('shortcuts').showModal();
  });

  // "Use this draft" puts the AI's draft in the reply box, to edit before sending.
  document.addEventListener('click', function (e) {
    var btn = e.target.closest && e.target.closest('[data-use-draft]');
    if (!btn) return;
    var source = document.querySelector(btn.getAttribute('data-use-draft'));
    var text = document.getElementById('composer-text');
    if (!source || !text) return;
    focusComposer('reply');
    text.value = source.textContent.trim();
  });

  // Saved replies: "/" and a shortcut at the cursor opens the list; Enter or Tab inserts.
  function cannedQuery(text) {
    var m = /(^|\s)\/([a-z0-9_-]*)$/i.exec(text.value.slice(0, text.selectionStart));
    return m ? { query: m[2].toLowerCase(), start: text.selectionStart - m[2].length - 1 } : null;
  }
  function cannedOptions(menu) { return Array.prototype.slice.call(menu.querySelectorAll('li:not([hidden])')); }
  function showCanned(text) {
    var menu = document.getElementById('canned-menu');
    if (!menu) return;
    var q = cannedQuery(text);
    var any = false;
    menu.querySelectorAll('li').forEach(function (li) {
      var match = !!q && li.getAttribute('data-shortcut').indexOf(q.query) === 0;
      li.hidden = !match;
      li.setAttribute('aria-selected', 'false');
      any = any || match;
    });
    menu.hidden = !any;
    if (any) cannedOptions(menu)[0].setAttribute('aria-selected', 'true');
  }
  function insertCanned(text, li) {
    var q = cannedQuery(text);
    var menu = document.getElementById('canned-menu');
    if (!q || !li) return;
    var insert = li.getAttribute('data-text');
    text.value = text.value.slice(0, q.start) + insert + text.value.slice(text.selectionStart);
    text.selectionStart = text.selectionEnd = q.start + insert.length;
    menu.hidden = true;
    text.focus();
  }
  document.addEventListener('input', function (e) { if (e.target.id === 'composer-text') showCanned(e.target); });
  document.addEventListener('keydown', function (e) {
    var menu = document.getElementById('canned-menu');
    if (e.target.id !== 'composer-text' || !menu || menu.hidden) return;
    var options = cannedOptions(menu);
    var current = options.findIndex(function (li) { return li.getAttribute('aria-selected') === 'true'; });
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      var next = options[(current + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length];
      options.forEach(function (li) { li.setAttribute('aria-selected', li === next ? 'true' : 'false'); });
      e.target.setAttribute('aria-activedescendant', next.id);
    } else if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === 'Tab') {
      e.preventDefault();
      e.stopImmediatePropagation();
      insertCanned(e.target, options[Math.max(0, current)]);
    } else if (e.key === 'Escape') {
      e.stopImmediatePropagation();
      menu.hidden = true;
    }
  }, true);
  document.addEventListener('mousedown', function (e) {
    var li = e.target.closest && e.target.closest('#canned-menu li');
    if (!li) return;
    e.preventDefault();
    insertCanned(document.getElementById('composer-text'), li);
  });

  // The composer's wording follows the kind chosen: a reply or a private note.
  document.addEventListener('change', function (e) {
    if (e.target.name !== 'kind' || !e.target.closest('#composer')) return;
    var form = e.target.closest('#composer');
    var note = e.target.value === 'note';
    form.classList.toggle('composer-note', note);
    form.querySelector('textarea').placeholder = note ? 'Note for the team (the visitor never sees it)…' : 'Reply to the visitor…';
    form.querySelector('button[type="submit"]').textContent = note ? 'Add note' : 'Send reply';
  });

  // "The visitor is typing…" fades after a few seconds without news.
  var typingTimer;
  document.addEventListener('htmx:after:swap', function () {
    var typing = document.getElementById('typing');
    if (typing && typing.textContent.trim()) {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { typing.textContent = ''; }, TYPING_VISIBLE_MS);
    }
    var timeline = document.getElementById('timeline');
    if (timeline) timeline.scrollTop = timeline.scrollHeight;
    var list = document.getElementById('inbox-list');
    var unread = list ? Number(list.getAttribute('data-unread')) : 0;
    document.title = (unread ? '(' + unread + ') ' : '') + baseTitle;
  });

  // Presence: the heartbeat tells the server whether the agent did anything since the last one.
  function markActive() {
    var field = document.getElementById('presence-active');
    if (field) field.value = '1';
  }
  ['keydown', 'mousedown', 'scroll'].forEach(function (type) { document.addEventListener(type, markActive, { passive: true, capture: true }); });

  // Opt-in alerts for new escalations: a desktop notification and a short tone.
  function alertsOn() {
    try { return localStorage.getItem(ALERTS_KEY) === 'on'; } catch (err) { return false; }
  }
  function tone() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    var ctx = new Ctx();
    var osc = ctx.createOscillator();
    var gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
  }
  function renderToggle() {
    var btn = document.querySelector('[data-notify-toggle]');
    if (!btn) return;
    btn.hidden = false;
    btn.textContent = alertsOn() ? 'Turn off alerts' : 'Turn on alerts';
    btn.setAttribute('aria-pressed', alertsOn() ? 'true' : 'false');
  }
  document.addEventListener('DOMContentLoaded', renderToggle);
  document.addEventListener('click', function (e) {
    if (!e.target.closest || !e.target.closest('[data-notify-toggle]')) return;
    var turnOn = !alertsOn();
    try { localStorage.setItem(ALERTS_KEY, turnOn ? 'on' : 'off'); } catch (err) { /* private mode */ }
    if (turnOn && 'Notification' in window && Notification.permission === 'default') Notification.requestPermission();
    renderToggle();
  });
  document.addEventListener('escalation', function (e) {
    if (!alertsOn()) return;
    tone();
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    var id = '';
    try { id = JSON.parse(e.detail && e.detail.data).id; } catch (err) { /* no id */ }
    var n = new Notification('A visitor is waiting', { body: 'A conversation was handed to the team.', tag: id || 'baton' });
    n.onclick = function () { window.focus(); if (id) location.href = '/inbox/conversations/' + encodeURIComponent(id); };
  });
})();
