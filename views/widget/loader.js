/* Baton chat widget loader. Adds a launcher button; nothing else happens, and nothing is stored
   or requested, until the visitor opens the chat. Options: data-position (right|left),
   data-colour (#rrggbb), data-language (en|da|de|fr|es), data-greeting. API: Baton.open(),
   Baton.close(), Baton.identify({ email, name, hash }). */
(function () {
  'use strict';
  // Written in by the server (src/http/widget/loader.ts): the admin's defaults, the allowed sites,
  // and the launcher's words in every language (src/locales).
  var defaults = /*SETTINGS*/{ colour: '#4f46e5', position: 'right', language: 'auto', allowed: [], labels: { en: ['Open chat', 'Close chat'] } }/*END*/;
  var queued = window.Baton && window.Baton.q;
  if (window.Baton && window.Baton.loaded) return;
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src).origin;
  // Only on the sites the admin allowed (and Baton's own pages): elsewhere the chat would refuse
  // to open, so nothing is drawn, and the site's developer is told why.
  if (location.origin !== base && (defaults.allowed || []).indexOf(location.origin) < 0) {
    if (window.console) console.info('Baton: the chat is not shown because ' + location.origin + ' is not in Allowed sites (Settings › Widget in Baton).');
    return;
  }
  var data = script.dataset;
  var colour = /^#[0-9a-f]{6}$/i.test(data.colour || '') ? data.colour : defaults.colour;
  var left = (data.position || defaults.position) === 'left';
  var language = data.language || (defaults.language !== 'auto' ? defaults.language : '');
  var labels = defaults.labels;
  var label = labels[(language || navigator.language || 'en').slice(0, 2).toLowerCase()] || labels.en;

  var side = left ? 'left' : 'right';
  var css =
    ':host{all:initial}' +
    '.launcher{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 16px rgba(0,0,0,.25);transition:transform .15s}' +
    '.launcher:hover{transform:scale(1.05)}' +
    '.launcher:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px ' + colour + '}' +
    '.launcher svg{width:28px;height:28px}' +
    '.panel{position:fixed;bottom:88px;' + side + ':20px;z-index:2147483000;width:min(400px,calc(100vw - 24px));height:min(640px,calc(100vh - 110px));border-radius:14px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.3);background:#fff}' +
    '.panel[hidden]{display:none}' +
    'iframe{border:0;width:100%;height:100%;display:block}' +
    '@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0}.open .launcher{display:none}}';

  function contrast(hex) {
    var n = parseInt(hex.slice(1), 16);
    var l = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
    return l > 160 ? '#111' : '#fff';
  }

  var host = document.createElement('div');
  host.setAttribute('data-baton-widget', '');
  var root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet works on sites whose CSP forbids inline <style>.
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    var style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  var wrap = document.createElement('div');
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.style.background = colour;
  button.style.color = contrast(colour);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'baton-panel');
  var chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
  var closeIcon = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/></svg>';
  var panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'baton-panel';
  panel.hidden = true;
  wrap.appendChild(panel);
  wrap.appendChild(button);
  root.appendChild(wrap);

  var KEY = 'baton.visitor';
  function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  var frame = null;
  var frameReady = false;
  var identity = null;
  var isOpen = false;

  function render() {
    button.innerHTML = isOpen ? closeIcon : chatIcon;
    button.setAttribute('aria-label', isOpen ? label[1] : label[0]);
    button.setAttribute('aria-expanded', String(isOpen));
    wrap.className = isOpen ? 'open' : '';
    panel.hidden = !isOpen;
  }

  function send(message) {
    if (frame && frameReady) frame.contentWindow.postMessage(message, base);
  }

  function open() {
    if (!frame) {
      var q = new URLSearchParams({ colour: colour, page: location.origin + location.pathname });
      if (language) q.set('lang', language);
      frame = document.createElement('iframe');
      frame.title = label[0];
      frame.src = base + '/widget/frame?' + q;
      panel.appendChild(frame);
    }
    isOpen = true;
    render();
    if (frameReady) send({ baton: 'focus' });
  }

  function close(restoreFocus) {
    if (!isOpen) return;
    isOpen = false;
    render();
    if (restoreFocus) button.focus();
  }

  button.addEventListener('click', function () {
    if (isOpen) close(true);
    else open();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && isOpen) close(true);
  });
  window.addEventListener('message', function (e) {
    if (!frame || e.source !== frame.contentWindow || e.origin !== base || !e.data) return;
    if (e.data.baton === 'ready') {
      frameReady = true;
      if (identity) send(identity);
      // Told to the frame, not put in its address: a link to Baton's own page must not show
      // whatever text a stranger puts in it.
      if (data.greeting) send({ baton: 'greeting', text: String(data.greeting).slice(0, 300) });
      if (isOpen) send({ baton: 'focus' });
    } else if (e.data.baton === 'close') close(true);
    // The frame cannot use its own storage (blocked in third-party frames): keep the token here.
    else if (e.data.baton === 'token?') frame.contentWindow.postMessage({ baton: 'token', token: stored() }, base);
    else if (e.data.baton === 'store') {
      try { if (e.data.token) localStorage.setItem(KEY, e.data.token); else localStorage.removeItem(KEY); } catch (err) { /* blocked too */ }
    }
  });

  window.Baton = {
    loaded: true,
    open: open,
    close: function () { close(false); },
    identify: function (person) {
      person = person || {};
      identity = { baton: 'identify', email: person.email ? String(person.email) : undefined, name: person.name ? String(person.name) : undefined, hash: person.hash ? String(person.hash) : undefined };
      send(identity);
    }
  };
  render();
  function mount() { document.body.appendChild(host); }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
  // Calls made before the loader arrived: window.Baton = { q: [['identify', {...}], ['open']] }.
  if (queued) queued.forEach(function (call) { var fn = window.Baton[call[0]]; if (fn) fn(call[1]); });
})();
