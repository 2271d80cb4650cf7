// One line on any page of an allowed site (see /educators) adds a chat button that opens the bot as a side panel:
//   <script src="https://<bot host>/embed.js" data-lang="fr" data-label="Clavardage sécuritaire" async></script>
// The panel is the bot's /embed page in a frame. Quick exit inside it asks this page to leave at once (the message
// is accepted only from the bot's own origin), so the whole tab leaves, not only the frame; "Close chat" inside it
// hides the panel, and the button reopens the same conversation.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__awarenessBotPanel) {
    return;
  }

  window.__awarenessBotPanel = true;
  var botOrigin = new URL(script.src).origin;
  var lang = script.getAttribute('data-lang') || '';
  var label = script.getAttribute('data-label') || 'Chat';
  var src = botOrigin + '/embed?panel=1' + (/^[a-z]{2}$/.test(lang) ? '&lang=' + lang : '');

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('data-awarenessbot', 'open');
  Object.assign(button.style, {
    position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483646', minHeight: '48px', padding: '0 20px',
    border: '0', borderRadius: '999px', background: '#0e4f5c', color: '#fff', font: '600 16px system-ui, sans-serif',
    boxShadow: '0 6px 18px rgba(0,0,0,.25)', cursor: 'pointer',
  });

  var panel = null;
  // The panel is made on the first click; after "Close chat" the same one (the same conversation) is shown again.
  button.addEventListener('click', function () {
    if (!panel) {
      panel = document.createElement('iframe');
      panel.src = src;
      panel.title = label;
      panel.referrerPolicy = 'no-referrer';
      panel.setAttribute('data-awarenessbot', 'panel');
      Object.assign(panel.style, {
        position: 'fixed', right: '0', top: '0', zIndex: '2147483647', width: 'min(420px, 100vw)', height: '100%',
        border: '0', borderLeft: '1px solid #d5e0e1', background: '#fff', boxShadow: '-8px 0 24px rgba(0,0,0,.18)',
      });
      document.body.appendChild(panel);
    }

    panel.style.display = 'block';
    button.setAttribute('aria-expanded', 'true');
    button.style.display = 'none';
    panel.focus();
  });

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== botOrigin || !data) {
      return;
    }

    if (data.type === 'awarenessbot:close' && panel) {
      panel.style.display = 'none';
      button.setAttribute('aria-expanded', 'false');
      button.style.display = '';
      button.focus();
      return;
    }

    if (data.type !== 'awarenessbot:quick-exit' || typeof data.url !== 'string') {
      return;
    }

    var target;
    try {
      target = new URL(data.url);
    } catch (error) {
      return;
    }

    if (target.protocol === 'https:' || target.protocol === 'http:') {
      document.body.innerHTML = '';
      location.replace(target.href);
    }
  });

  document.body.appendChild(button);
}());
