// The chat frame's script (a file, so the CSP can forbid inline scripts). It keeps the visitor
// token in this frame's own storage, sends it as a header with every htmx request, and talks to
// the loader on the host page through postMessage.
(function () {
  'use strict';
  var KEY = 'baton.visitor';
  var memory = null;
  var token = null;
  var chat, messages, form, text;
  // Until the thread has loaded, a message waits: sent earlier, the thread would replace it.
  var ready = false;
  var waitingSubmit = false;
  var lastTyping = 0;

  // The token lives in this frame's own storage. Browsers that block storage in third-party
  // frames (private windows, "block third-party cookies") get it kept by the loader in the host
  // page's storage instead, once the visitor has opened the chat.
  var ownStorage = (function () { try { localStorage.getItem(KEY); return true; } catch (e) { return false; } })();
  var fromHost = null;
  function load() {
    if (ownStorage) return localStorage.getItem(KEY);
    if (fromHost) return fromHost;
    return memory;
  }
  function save(value) {
    memory = value;
    if (ownStorage) {
      try { if (value) localStorage.setItem(KEY, value); else localStorage.removeItem(KEY); } catch (e) { /* full: memory only */ }
    } else post({ baton: 'store', token: value });
  }
  // Asks the loader for a token it kept; gives up after a second (an old loader, or none).
  function tokenFromHost() {
    if (ownStorage || window.parent === window) return Promise.resolve();
    return new Promise(function (resolve) {
      var done = function (e) {
        if (e && (e.source !== window.parent || !e.data || e.data.baton !== 'token')) return;
        window.removeEventListener('message', done);
        if (e && typeof e.data.token === 'string') fromHost = e.data.token;
        resolve();
      };
      window.addEventListener('message', done);
      setTimeout(done, 1000);
      post({ baton: 'token?' });
    });
  }

  function api(method, path, body) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (res) {
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      return res.status === 204 ? null : res.json();
    });
  }

  function ensureVisitor() {
    token = load();
    if (token) return Promise.resolve(token);
    return api('POST', '/api/v1/visitors', { language: chat.dataset.language }).then(function (body) {
      token = body.token;
      save(token);
      return token;
    });
  }

  function loadThread(retried) {
    return fetch('/widget/thread' + location.search, { headers: { Authorization: 'Bearer ' + token, 'HX-Request': 'true' } }).then(function (res) {
      // A token this server no longer knows (the visitor was erased): start afresh, once.
      if (res.status === 401 && !retried) {
        save(null);
        return ensureVisitor().then(function () { return loadThread(true); });
      }
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.text().then(function (html) {
        return htmx.swap({ sourceElement: messages, target: messages, text: html, swap: 'innerHTML' });
      }).then(scrollDown).then(revealLater);
    });
  }

  // Follows the conversation down, but keeps the start of a long answer in view: the visitor
  // reads it from its first line instead of scrolling back up to it. Never scrolls up by itself.
  function scrollDown() {
    var bottom = messages.scrollHeight - messages.clientHeight;
    var all = messages.querySelectorAll('.msg');
    var last = all[all.length - 1];
    if (!last || last.classList.contains('msg-visitor')) { messages.scrollTop = bottom; return; }
    var start = last.getBoundingClientRect().top - messages.getBoundingClientRect().top + messages.scrollTop - 12;
    var target = Math.min(bottom, Math.max(0, start));
    if (target > messages.scrollTop) messages.scrollTop = target;
  }

  function toast(message) {
    var region = document.getElementById('toast');
    var div = document.createElement('div');
    div.className = 'toast toast-error';
    div.setAttribute('role', 'alert');
    div.textContent = message;
    region.replaceChildren(div);
    setTimeout(function () { div.remove(); }, 8000);
  }

  function accent() {
    var hex = document.documentElement.dataset.accent;
    if (!/^#[0-9a-f]{6}$/i.test(hex || '')) return;
    var n = parseInt(hex.slice(1), 16);
    var light = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255) > 160;
    document.documentElement.style.setProperty('--accent', hex);
    document.documentElement.style.setProperty('--accent-text', light ? '#111111' : '#ffffff');
  }

  function post(message) { if (window.parent !== window) window.parent.postMessage(message, '*'); }

  document.addEventListener('htmx:config:request', function (e) {
    if (token) e.detail.ctx.request.headers.Authorization = 'Bearer ' + token;
  });

  // Each message gets its own id, so a retried request is stored once.
  document.addEventListener('submit', function (e) {
    if (e.target !== form) return;
    if (!text.value.trim() || !ready) {
      e.preventDefault();
      e.stopImmediatePropagation();
      if (text.value.trim()) waitingSubmit = true;
      return;
    }
    lastTyping = 0;
    form.elements.clientId.value = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  }, true);

  // What is being sent: put back in the box if sending fails, so nothing the visitor wrote is lost.
  var sending = '';
  document.addEventListener('htmx:before:request', function (e) {
    if (e.detail.ctx.sourceElement !== form) return;
    sending = text.value;
    // The request has its body already: clear the box at once, as chat apps do.
    setTimeout(function () { text.value = ''; grow(); }, 0);
  });
  function putBack() {
    if (sending && !text.value.trim()) { text.value = sending; grow(); }
    sending = '';
  }
  document.addEventListener('htmx:after:request', function (e) {
    if (e.detail.ctx.sourceElement === form && e.detail.ctx.response && e.detail.ctx.response.status < 400) sending = '';
  });
  // The server said why (its words arrive in the toast): the message goes back in the box. A
  // visitor this server no longer knows (erased) gets a new one, and the message is sent there.
  document.addEventListener('htmx:response:error', function (e) {
    if (e.detail.ctx.sourceElement !== form) return;
    setTimeout(putBack, 0);
    if (e.detail.ctx.response.status === 401) {
      save(null);
      token = null;
      ensureVisitor().then(function () { return loadThread(true); }).catch(function () { toast(chat.dataset.failed); });
    }
  });
  document.addEventListener('htmx:after:swap', scrollDown);
  document.addEventListener('htmx:sse:after:message', scrollDown);
  // "Ada is typing…" goes away by itself when no more news comes.
  var typingTimer;
  document.addEventListener('htmx:sse:after:message', function () {
    var typing = document.getElementById('typing');
    if (!typing || !typing.textContent.trim()) return;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { typing.textContent = ''; }, 6000);
  });
  // No answer at all (offline, the server down): say so, and put the message back.
  document.addEventListener('htmx:error', function (e) {
    if (e.detail && e.detail.ctx && e.detail.ctx.sourceElement === form) setTimeout(putBack, 0);
    toast(chat.dataset.failed);
  });

  // The visitor writes in another language than the frame's: the server sends the frame's words
  // in that language, and from then on the frame asks for replies and notices in it.
  function followLanguage() {
    var words = document.querySelector('#chrome-language template');
    if (!words) return;
    var d = words.dataset;
    words.remove();
    chat.dataset.language = d.lang;
    chat.dataset.failed = d.failed;
    document.documentElement.lang = d.lang;
    form.elements.lang.value = d.lang;
    document.getElementById('chat-title').textContent = d.title;
    messages.setAttribute('aria-label', d.title);
    document.getElementById('message-label').textContent = d.label;
    text.setAttribute('placeholder', d.placeholder);
    form.querySelector('button[type=submit]').setAttribute('aria-label', d.send);
    var close = document.getElementById('close-chat');
    if (close) close.setAttribute('aria-label', d.close);
    document.getElementById('disclaimer').textContent = d.powered;
  }
  document.addEventListener('htmx:after:swap', followLanguage);
  document.addEventListener('htmx:sse:after:message', followLanguage);
  document.addEventListener('click', function (e) {
    var dismiss = e.target.closest && e.target.closest('[data-dismiss]');
    if (dismiss) dismiss.parentElement.remove();
  });

  // The email offer waits until nobody has picked the conversation up for a while: the server
  // says when (data-show-at, epoch ms); the page shows it then, without another request.
  function revealLater() {
    var offers = document.querySelectorAll('[data-show-at]');
    for (var i = 0; i < offers.length; i++) {
      (function (el) {
        if (el.dataset.timer) return;
        var wait = Number(el.dataset.showAt) - Date.now();
        el.dataset.timer = '1';
        setTimeout(function () {
          el.hidden = false;
          // The collapsed "Prefer the reply by email?" gives way to the open offer.
          var early = el.parentElement && el.parentElement.querySelector('[data-until]');
          if (early && !early.open) early.remove();
        }, Math.max(0, Math.min(wait, 2147483000)));
      })(offers[i]);
    }
  }
  document.addEventListener('htmx:after:swap', revealLater);
  document.addEventListener('htmx:sse:after:message', revealLater);

  function grow() {
    text.style.height = 'auto';
    text.style.height = Math.min(text.scrollHeight, 160) + 'px';
  }

  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || !e.data) return;
    if (e.data.baton === 'focus') text.focus();
    // The embedding page's own greeting (data-greeting), shown as text.
    if (e.data.baton === 'greeting' && typeof e.data.text === 'string') {
      var greeting = document.querySelector('.msg-greeting .body p');
      if (greeting && e.data.text.trim()) greeting.textContent = e.data.text.slice(0, 300);
    }
    if (e.data.baton === 'identify' && token) {
      api('PATCH', '/api/v1/visitors/me', { email: e.data.email, name: e.data.name, hash: e.data.hash }).catch(function () { /* an invalid email or hash is ignored */ });
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    chat = document.getElementById('chat');
    messages = document.getElementById('messages');
    form = document.getElementById('composer');
    text = document.getElementById('message-text');
    accent();
    // A page of a message only (an expired link, an address confirmation): nothing to wire up.
    if (!form || !text) return;
    // The visitor's time zone, so "we're back at 09:00" is said in their own time.
    try { form.elements.tz.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* old browser: the team's time zone is used */ }
    text.addEventListener('input', grow);
    // The team sees "the visitor is typing": at most one notice every few seconds, and only
    // once there is a visitor to speak of.
    text.addEventListener('input', function () {
      var now = Date.now();
      if (!token || now - lastTyping < 3000 || !text.value.trim()) return;
      lastTyping = now;
      api('POST', '/widget/typing').catch(function () { /* a hint only */ });
    });
    text.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    var close = document.getElementById('close-chat');
    if (close) close.addEventListener('click', function () { post({ baton: 'close' }); });
    // Opened from a link in an email: the link signed the visitor in; keep it for later visits.
    if (chat.dataset.token) save(chat.dataset.token);
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') post({ baton: 'close' }); });
    tokenFromHost()
      .then(ensureVisitor)
      .then(function () { return loadThread(false); })
      .catch(function () { toast(chat.dataset.failed); })
      .then(function () {
        ready = true;
        chat.dataset.ready = 'true';
        if (waitingSubmit) form.requestSubmit();
        post({ baton: 'ready' });
      });
  });
})();
