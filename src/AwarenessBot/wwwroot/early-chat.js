// The chat's first turns while Web Chat loads: a small client of the same Direct Line conversation (the bot's own
// /v3/directline endpoints) that shows the bot's real messages and choices as plain HTML and posts the person's
// answers exactly as Web Chat would (messageBack with its display text, imBack, typed text). Web Chat (3.9 MB, seconds
// to parse on a phone) then joins the same conversation, replays its history from the server and replaces this view
// (app.js): nothing here is kept or stored, and nothing is shown that the server does not hold.
// Text is added as text nodes and links only, never as HTML: the bot's Markdown is the small subset its renderer
// writes (Rendering/ReplyText.cs: paragraphs, hard line breaks, **bold**, [label](url), numbered lines).
'use strict';

(function () {
  window.SafeChatEarly = Object.freeze({ open });

  /**
   * Shows the conversation in `host` and keeps it up to date until close().
   * options: conversation ({ conversationId, token, streamUrl }), webSocket (false: HTTP polling), text(key) (the
   * page's current strings), locale() (the page's current locale), onActivity(activity) for every message
   * received, onEnded() when the server says the conversation is gone.
   */
  function open(options) {
    const { conversation } = options;
    const base = `/v3/directline/conversations/${encodeURIComponent(conversation.conversationId)}`;
    const shown = new Set(); // server ids of the activities on screen
    const pending = new Map(); // clientActivityID -> list item, posted and not yet echoed by the server
    let watermark = '';
    let closed = false;
    let socket = null;
    let pollTimer = 0;
    let polls = 0;
    let clientIds = 0;

    const view = element('div', 'early');
    const log = element('div', 'early-log');
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'polite');
    const actions = element('div', 'early-actions');
    actions.setAttribute('role', 'group');
    const sendBox = element('div', 'early-sendbox');
    const input = element('input', 'early-input');
    input.type = 'text';
    input.autocomplete = 'off';
    input.id = 'early-input';
    const inputLabel = element('label', 'visually-hidden');
    inputLabel.htmlFor = input.id;
    const send = element('button', 'early-send');
    send.type = 'button';
    sendBox.append(inputLabel, input, send);
    view.append(log, actions, sendBox);
    options.host.replaceChildren(view);
    relabel();

    send.addEventListener('click', sendTyped);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        sendTyped();
      }
    });

    if (options.webSocket && conversation.streamUrl) {
      connect();
    } else {
      poll();
    }

    return {
      /** Server ids of every activity this view shows. */
      shown: () => new Set(shown),
      has: (id) => shown.has(id),
      /** True while an answer is on its way (Web Chat must see its echo before it takes over). */
      sending: () => pending.size > 0,
      count: () => log.children.length,
      draft: () => input.value,
      hasFocus: () => view.contains(document.activeElement),
      sendText: (text) => post({ type: 'message', text }, text),
      relabel,
      close,
    };

    function relabel() {
      log.setAttribute('aria-label', options.text('earlyTranscript'));
      actions.setAttribute('aria-label', options.text('earlyChoices'));
      inputLabel.textContent = options.text('earlyInput');
      input.placeholder = options.text('earlyInput');
      send.textContent = options.text('earlySend');
      for (const item of log.children) {
        const who = item.querySelector('.early-who');
        if (who) {
          who.textContent = options.text(item.classList.contains('early-from-user') ? 'earlyYou' : 'earlyBot');
        }
      }
    }

    function close() {
      closed = true;
      clearTimeout(pollTimer);
      if (socket) {
        socket.onclose = null;
        socket.close();
        socket = null;
      }
    }

    // The server sends the backlog first, then each new activity, with empty keep-alive frames in between.
    function connect() {
      const url = new URL(conversation.streamUrl, location.href);
      if (watermark) {
        url.searchParams.set('watermark', watermark);
      }

      socket = new WebSocket(url.href);
      socket.onmessage = (event) => {
        if (typeof event.data === 'string' && event.data) {
          receive(JSON.parse(event.data));
        }
      };
      // A lost socket: carry on by polling (Web Chat will reconnect its own).
      socket.onclose = () => {
        socket = null;
        if (!closed) {
          poll();
        }
      };
    }

    async function poll() {
      if (closed) {
        return;
      }

      try {
        const response = await fetch(`${base}/activities?watermark=${encodeURIComponent(watermark)}`, request('GET'));
        if (response.status === 403 || response.status === 404) {
          ended();
          return;
        }

        if (response.ok && !closed) {
          receive(await response.json());
        }
      } catch (error) {
        // Offline for a moment: try again at the next tick.
      }

      // Quick while the greeting is on its way, then once a second (as Web Chat polls).
      polls++;
      if (!closed) {
        pollTimer = setTimeout(poll, polls < 12 ? 250 : 1000);
      }
    }

    function receive(set) {
      if (closed || !set || !Array.isArray(set.activities)) {
        return;
      }

      for (const activity of set.activities) {
        show(activity);
      }

      if (set.watermark) {
        watermark = String(set.watermark);
      }
    }

    function show(activity) {
      if (!activity || !activity.id || shown.has(activity.id) || activity.type !== 'message') {
        return;
      }

      const fromUser = activity.from && activity.from.role === 'user';
      const clientId = activity.channelData && activity.channelData.clientActivityID;
      shown.add(activity.id);
      if (fromUser && clientId && pending.has(clientId)) {
        // The echo of an answer already on screen: now it is the server's.
        pending.get(clientId).classList.remove('early-sending');
        pending.delete(clientId);
        options.onActivity(activity);
        return;
      }

      log.append(fromUser ? userItem(userText(activity)) : botItem(activity));
      if (!fromUser) {
        showChoices(activity);
      }

      options.onActivity(activity);
      log.scrollTop = log.scrollHeight;
    }

    function ended() {
      if (!closed) {
        close();
        options.onEnded();
      }
    }

    function botItem(activity) {
      const item = element('div', 'early-message early-from-bot');
      const who = element('span', 'early-who visually-hidden');
      who.textContent = options.text('earlyBot');
      const bubble = element('div', 'early-bubble');
      if (typeof activity.locale === 'string' && activity.locale) {
        bubble.lang = activity.locale;
      }

      if (typeof activity.text === 'string' && activity.text) {
        if (activity.textFormat === 'plain') {
          bubble.append(paragraph(activity.text));
        } else {
          markdown(bubble, activity.text);
        }
      }

      for (const attachment of activity.attachments || []) {
        const card = attachment && attachment.content;
        if (!card || !/^application\/vnd\.microsoft\.card\.(hero|thumbnail)$/.test(attachment.contentType || '')) {
          continue;
        }

        for (const field of ['title', 'subtitle', 'text']) {
          if (typeof card[field] === 'string' && card[field]) {
            markdown(bubble, card[field]);
          }
        }

        const buttons = (card.buttons || []).map(actionControl).filter(Boolean);
        if (buttons.length) {
          const row = element('div', 'early-card-actions');
          row.append(...buttons);
          bubble.append(row);
        }
      }

      item.append(who, bubble);
      return item;
    }

    function userItem(text) {
      const item = element('div', 'early-message early-from-user');
      const who = element('span', 'early-who visually-hidden');
      who.textContent = options.text('earlyYou');
      const bubble = element('div', 'early-bubble');
      bubble.append(paragraph(text));
      item.append(who, bubble);
      return item;
    }

    // Suggested actions belong to the latest message: answers become buttons here, contact-only actions (Call,
    // Website) stay with their message as links, as app.js has Web Chat do.
    function showChoices(activity) {
      actions.replaceChildren();
      const list = activity.suggestedActions && activity.suggestedActions.actions;
      if (!Array.isArray(list)) {
        return;
      }

      const contacts = list.every((a) => a && (a.type === 'call' || a.type === 'openUrl'));
      const controls = list.map(actionControl).filter(Boolean);
      if (contacts) {
        const row = element('div', 'early-card-actions');
        row.append(...controls);
        log.lastElementChild.querySelector('.early-bubble').append(row);
      } else {
        actions.append(...controls);
      }
    }

    function actionControl(action) {
      if (!action || typeof action.title !== 'string') {
        return null;
      }

      if (action.type === 'call' || action.type === 'openUrl') {
        const target = String(action.value || '');
        const href = action.type === 'call' && !/^tel:/i.test(target) ? `tel:${target}` : target;
        if (!safeUrl(href)) {
          return null;
        }

        const link = element('a', 'early-action');
        link.href = href;
        link.textContent = action.title;
        if (/^https?:/i.test(href)) {
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
        }

        return link;
      }

      const answer = answerFor(action);
      if (!answer) {
        return null;
      }

      const button = element('button', 'early-action');
      button.type = 'button';
      button.textContent = action.title;
      button.addEventListener('click', () => post(answer.activity, answer.display));
      return button;
    }

    // The activity Web Chat posts for each kind of answer button (botframework-webchat-core's sagas).
    function answerFor(action) {
      const value = action.value;
      switch (action.type) {
        case 'imBack':
          return typeof value === 'string' ? { activity: { type: 'message', text: value }, display: value } : null;
        case 'messageBack':
          return {
            activity: { type: 'message', text: action.text, value, channelData: { messageBack: { displayText: action.displayText } } },
            display: action.displayText || null,
          };
        case 'postBack':
          return { activity: { type: 'message', text: typeof value === 'string' ? value : undefined, value, channelData: { postBack: true } }, display: null };
        default:
          return null;
      }
    }

    function sendTyped() {
      const text = input.value.trim();
      if (text) {
        input.value = '';
        post({ type: 'message', text }, text);
      }
    }

    async function post(activity, display) {
      if (closed) {
        return;
      }

      clientIds++;
      const clientActivityID = `early-${Date.now().toString(36)}-${clientIds}`;
      const outgoing = {
        ...activity,
        channelData: { ...(activity.channelData || {}), clientActivityID },
        from: { id: '', role: 'user' },
        locale: options.locale(),
      };
      actions.replaceChildren();
      let item = null;
      if (display) {
        item = userItem(display);
        item.classList.add('early-sending');
        log.append(item);
        log.scrollTop = log.scrollHeight;
      }

      // Without a bubble (a postBack) the echo still has to be seen before Web Chat takes over.
      pending.set(clientActivityID, item || element('div', 'early-message'));
      try {
        const response = await fetch(`${base}/activities`, {
          ...request('POST'),
          headers: { ...request('POST').headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(outgoing),
        });
        if (response.status === 403 || response.status === 404) {
          ended();
          return;
        }

        if (!response.ok) {
          throw new Error(`Not sent (${response.status})`);
        }
      } catch (error) {
        pending.delete(clientActivityID);
        if (item) {
          item.classList.remove('early-sending');
          const failed = element('span', 'early-failed');
          failed.textContent = options.text('earlySendFailed');
          item.append(failed);
        }
      }
    }

    function request(method) {
      return {
        method,
        headers: { Authorization: `Bearer ${conversation.token}` },
        cache: 'no-store',
        credentials: 'omit',
      };
    }
  }

  function userText(activity) {
    const back = activity.channelData && activity.channelData.messageBack;
    return (back && typeof back.displayText === 'string' && back.displayText) || (typeof activity.text === 'string' ? activity.text : '');
  }

  function element(tag, className) {
    const node = document.createElement(tag);
    node.className = className;
    return node;
  }

  function paragraph(text) {
    const p = document.createElement('p');
    p.append(text);
    return p;
  }

  // Paragraphs (blank lines), numbered lines as a list, hard line breaks (two spaces at a line's end), and inline runs.
  function markdown(parent, source) {
    for (const block of source.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
      const lines = block.split('\n');
      if (lines.length > 1 && lines.every((line) => /^\d+\.\s/.test(line))) {
        const list = document.createElement('ol');
        list.start = Number.parseInt(lines[0], 10);
        for (const line of lines) {
          const item = document.createElement('li');
          inline(item, line.replace(/^\d+\.\s+/, ''));
          list.append(item);
        }

        parent.append(list);
        continue;
      }

      const p = document.createElement('p');
      lines.forEach((line, index) => {
        if (index > 0) {
          p.append(/ {2,}$/.test(lines[index - 1]) ? document.createElement('br') : ' ');
        }

        inline(p, line.replace(/ {2,}$/, ''));
      });
      parent.append(p);
    }
  }

  const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

  function inline(parent, text) {
    let from = 0;
    for (const match of text.matchAll(INLINE)) {
      parent.append(typographic(text.slice(from, match.index)));
      if (match[1] !== undefined) {
        const strong = document.createElement('strong');
        strong.append(typographic(match[1]));
        parent.append(strong);
      } else {
        const href = match[3] || match[4];
        const label = match[2] !== undefined ? match[2] : match[4];
        parent.append(safeUrl(href) ? link(href, typographic(label)) : typographic(match[0]));
      }

      from = match.index + match[0].length;
    }

    parent.append(typographic(text.slice(from)));
  }

  function link(href, label) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    if (/^https?:/i.test(href)) {
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }

    return a;
  }

  function safeUrl(href) {
    return /^(https?:\/\/|tel:|sms:|mailto:)/i.test(href);
  }

  // Curly quotes and an ellipsis, as Web Chat's Markdown shows them, so a message reads the same before and after.
  function typographic(text) {
    return text
      .replace(/\.\.\./g, '…')
      .replace(/(^|[\s([{\u2014-])'/g, '$1‘')
      .replace(/'/g, '’')
      .replace(/(^|[\s([{\u2014-])"/g, '$1“')
      .replace(/"/g, '”');
  }
}());
