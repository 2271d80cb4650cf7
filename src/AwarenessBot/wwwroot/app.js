// The chat page: Bot Framework Web Chat on the bot's own Direct Line endpoint (/v3/directline), plus the safety
// features a shared device needs. The greeting does not wait for Web Chat (3.9 MB, seconds to parse on a phone):
// this script starts the conversation, early-chat.js shows its first turns as plain HTML and takes answers, and Web
// Chat, loaded after that first paint, joins the same conversation with its history and replaces the early view.
// The conversation lives in this tab's memory only: nothing is written to localStorage or sessionStorage, a reload
// starts a fresh chat, and idle time or Quick exit wipes the screen.
// At /embed (data-mode="embed") the same page lives in another site's frame: Quick exit then leaves the top window.
// A lesson link (data-lesson-*) starts the conversation in that module, age band and language.
'use strict';

(function () {
  const STRINGS = window.SafeChatStrings;
  const SERVICES = readServices();
  const body = document.body;
  const config = {
    idleMinutes: positiveInteger(body.dataset.idleMinutes, 5),
    quickExitUrl: httpUrl(body.dataset.quickExitUrl, 'https://weather.gc.ca/'),
    // ?transport=polling switches Web Chat to HTTP polling (for testing and for networks that block WebSockets).
    webSocket: new URLSearchParams(location.search).get('transport') !== 'polling',
    embedded: body.dataset.mode === 'embed',
    lesson: body.dataset.lessonModule && body.dataset.lessonBand && body.dataset.lessonLocale
      ? Object.assign(
        { module: body.dataset.lessonModule, band: body.dataset.lessonBand, locale: body.dataset.lessonLocale },
        // A teacher's lesson code: the bot counts quiz answers under it (anonymous class results).
        body.dataset.lessonClass ? { class: body.dataset.lessonClass } : {})
      : null,
  };
  const QUICK_EXIT_MESSAGE = 'awarenessbot:quick-exit'; // understood by embed.js in the embedding page
  const CLOSE_PANEL_MESSAGE = 'awarenessbot:close'; // embed.js hides its side panel
  const nonceMeta = document.querySelector('meta[name="csp-nonce"]');
  const nonce = nonceMeta && !nonceMeta.content.startsWith('__') ? nonceMeta.content : undefined;

  const PLACEHOLDERS = /\{([a-z0-9_]+)\.(name|phone|text|web)\}/g; // {service_id.field}, see strings.js
  const CONTACT_ACTIONS = new Set(['call', 'openUrl']);
  const HERO_CARD = 'application/vnd.microsoft.card.hero';
  const ConnectionStatus = { ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };
  const SEND_BOX = "[data-id='webchat-sendbox-input']";

  let language = initialLanguage();
  // { conversation, host, early, frame, directLine, store, subscription, seen, swapping } — memory only, gone with the tab
  let session = null;
  let webChatScript = null; // the promise of /lib/webchat.js, loaded once per page
  let triageCategory = null;
  let noticeKey = null;
  let idleTimer = 0;
  let readAloud = false; // off by default: the bot's answers are read out only after the person turns it on

  // Quick exit is wired first so that it works even if Web Chat fails to load.
  document.getElementById('quick-exit').addEventListener('click', quickExit);
  // On window, in the capture phase, registered before Web Chat renders: runs before any handler that could stop it.
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      quickExit();
    }
  }, true);
  // One footer per mode: the page's (emergency line and "not a person"), or the frame's (emergency line and the privacy link).
  document.querySelector(config.embedded ? '.footer-page' : '.footer-embed').remove();
  if (config.embedded) {
    // The frame has no site header or introduction: the chat's own title becomes the page's heading.
    const title = document.getElementById('chat-title');
    const heading = document.createElement('h1');
    heading.id = title.id;
    heading.className = title.className;
    heading.dataset.i18n = title.dataset.i18n;
    title.replaceWith(heading);
  }

  buildLanguageButtons();
  document.getElementById('read-aloud').addEventListener('click', toggleReadAloud);
  if (config.embedded) {
    // The privacy page cannot be framed: it opens in a new tab, and the chat stays where it is.
    for (const link of document.querySelectorAll('[data-privacy-link]')) {
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
  }
  if (config.embedded && new URLSearchParams(location.search).get('panel') === '1') {
    // embed.js's side panel: "Close chat" hides the panel (the conversation stays; the page's button reopens it).
    const close = document.getElementById('close-panel');
    close.hidden = false;
    close.addEventListener('click', () => window.parent.postMessage({ type: CLOSE_PANEL_MESSAGE }, '*'));
  }
  document.getElementById('restart').addEventListener('click', startChat);
  for (const type of ['keydown', 'pointerdown', 'input']) {
    document.addEventListener(type, resetIdleTimer, { passive: true, capture: true });
  }

  applyText();
  startChat();

  async function startChat() {
    endSession();
    hideNotice();
    document.getElementById('chat').hidden = false;
    const host = freshChatHost();
    let conversation;
    try {
      const response = await fetch('/v3/directline/conversations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // A lesson link tells the bot which module, age band and language to open (it asks no question first).
        // The page's language goes with the start, so the bot greets in it.
        body: JSON.stringify(config.lesson
          ? { locale: STRINGS[language].locale, channelData: { lesson: config.lesson } }
          : { locale: STRINGS[language].locale }),
        cache: 'no-store',
        credentials: 'omit',
      });
      if (!response.ok) {
        throw new Error(`Could not start a conversation (${response.status})`);
      }

      conversation = await response.json();
    } catch (error) {
      host.setAttribute('aria-busy', 'false');
      showNotice('connectFailed');
      return;
    }

    const current = { conversation, host, seen: new Set() };
    session = current;
    current.early = window.SafeChatEarly.open({
      host,
      conversation,
      webSocket: config.webSocket,
      text: (key) => STRINGS[language][key],
      locale: () => STRINGS[language].locale,
      onActivity: (activity) => {
        if (session !== current) {
          return;
        }

        // Web Chat, while it joins, may have received (and read out) this one first.
        const isNew = !current.seen.has(activity.id);
        onActivity(activity, isNew);
        if (readAloud && isNew && activity.from && activity.from.role === 'bot') {
          speakEarly(activity);
        }

        // Web Chat is fetched once the first message is on screen, so that it never delays the greeting.
        if (!current.loadRequested) {
          current.loadRequested = true;
          afterPaint(() => joinWebChat(current));
        }
      },
      onEnded: () => session === current && clearChat('connectionLost'),
    });
    host.setAttribute('aria-busy', 'false');
    resetIdleTimer();
    // Should the greeting be slow, Web Chat is not held back for long.
    setTimeout(() => {
      if (session === current && !current.loadRequested) {
        current.loadRequested = true;
        joinWebChat(current);
      }
    }, 3000);
  }

  // Runs after the browser has painted what is on screen now (the next frame, then the next task).
  function afterPaint(callback) {
    requestAnimationFrame(() => setTimeout(callback, 0));
  }

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve();
    }

    if (!webChatScript) {
      webChatScript = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/lib/webchat.js';
        script.async = true;
        script.onload = resolve;
        script.onerror = () => {
          script.remove();
          webChatScript = null;
          reject(new Error('Web Chat did not load'));
        };
        document.head.append(script);
      });
    }

    return webChatScript;
  }

  // Web Chat joins the conversation (its Direct Line client starts from the same token and replays the history from
  // the server) in a hidden frame; once it holds everything the early view shows, it takes that view's place.
  // Without Web Chat (it failed to load) the early view simply stays: it is a complete, if plain, chat.
  async function joinWebChat(current) {
    try {
      await loadWebChat();
    } catch (error) {
      return;
    }

    if (session !== current || current.directLine) {
      return;
    }

    const directLine = window.WebChat.createDirectLine({
      domain: `${location.origin}/v3/directline`,
      token: current.conversation.token,
      webSocket: config.webSocket,
    });
    current.directLine = directLine;
    current.store = window.WebChat.createStore({}, storeMiddleware);
    current.subscription = directLine.connectionStatus$.subscribe((status) => {
      if (status === ConnectionStatus.Ended || status === ConnectionStatus.ExpiredToken) {
        clearChat('connectionLost');
      }
    });
    current.frame = document.createElement('div');
    current.frame.className = 'webchat-frame webchat-frame--joining';
    current.host.append(current.frame);
    renderChat();
  }

  // Web Chat holds every activity the early view shows (and no answer is still on its way): once it has drawn them,
  // it replaces the early view, with the person's unsent words and focus carried over.
  function swapWhenCaughtUp(current) {
    if (current.swapping || !current.early || current.early.sending()) {
      return;
    }

    if (!caughtUp(current)) {
      return;
    }

    current.swapping = true;
    const expected = current.early.count();
    let frames = 0;
    const check = () => {
      if (session !== current || !current.early) {
        return;
      }

      const drawn = current.frame.querySelectorAll('.webchat__basic-transcript__activity').length;
      const sendBox = current.frame.querySelector(SEND_BOX);
      if ((drawn < expected || !sendBox) && frames++ < 120) {
        requestAnimationFrame(check);
        return;
      }

      if (current.early.sending() || !caughtUp(current)) {
        current.swapping = false; // something came or left in the meantime: the next activity tries again
        return;
      }

      const draft = current.early.draft();
      const hadFocus = current.early.hasFocus();
      current.early.close();
      current.early = null;
      current.host.querySelector('.early').remove();
      current.frame.classList.remove('webchat-frame--joining');
      if (draft) {
        current.store.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: draft } });
      }

      if (hadFocus && sendBox) {
        sendBox.focus();
      }
    };
    requestAnimationFrame(check);
  }

  function caughtUp(current) {
    for (const id of current.early.shown()) {
      if (!current.seen.has(id)) {
        return false;
      }
    }

    return true;
  }

  function renderChat() {
    if (!session || !session.store) {
      return;
    }

    window.WebChat.renderWebChat({
      directLine: session.directLine,
      store: session.store,
      locale: STRINGS[language].locale,
      nonce,
      styleOptions: window.SafeChatTheme,
      sendTypingIndicator: false,
      // Read aloud: the browser's own speech synthesis (no cloud), in the chat's language; no microphone.
      webSpeechPonyfillFactory: readAloud ? speechSynthesisOnly() : undefined,
    }, session.frame);
  }

  // Before Web Chat: the bot's new messages read with the browser's own voice, in the chat's language.
  function speakEarly(activity) {
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance || typeof activity.text !== 'string') {
      return;
    }

    const utterance = new SpeechSynthesisUtterance(activity.speak || activity.text.replace(/\*\*|\[|\]\([^)]*\)/g, ''));
    utterance.lang = STRINGS[language].locale;
    window.speechSynthesis.speak(utterance);
  }

  // What the page does with every activity, whether the early view or Web Chat received it: the emergency banner
  // for channelData.triage, and the page's language following the bot's. An activity Web Chat replays from the
  // history was handled when the early view showed it (isNew false).
  function onActivity(activity, isNew) {
    const fromBot = activity && activity.from && activity.from.role === 'bot';
    const triage = fromBot && activity.channelData && activity.channelData.triage;
    if (triage) {
      showEmergency(triage);
    }

    // When the bot changes language (the person typed "français"), the page follows, without telling the bot again.
    if (isNew && fromBot && activity.type === 'message' && typeof activity.locale === 'string') {
      followLanguage(activity.locale.slice(0, 2).toLowerCase());
    }

    resetIdleTimer();
  }

  // Web Chat store middleware: every activity goes through onActivity (the emergency banner, the page's language),
  // and Web Chat replaces the early view once it holds the same conversation.
  function storeMiddleware({ dispatch }) {
    return (next) => (action) => {
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
        action = { ...action, payload: { ...action.payload, activity: keepContactButtons(action.payload.activity) } };
      }

      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
        const activity = action.payload.activity;
        const replayed = Boolean(session && session.early && session.early.has(activity.id));
        if (session && activity.id) {
          session.seen.add(activity.id);
        }

        onActivity(activity, !replayed);
        // Web Chat reads a bot message aloud while "speaking" is on; typing turns it off, so read-aloud turns it on again.
        // The history it replays was read (or not) when it first came.
        if (readAloud && !replayed && activity.from && activity.from.role === 'bot' && activity.type === 'message') {
          dispatch({ type: 'WEB_CHAT/START_SPEAKING' });
        }
      }

      // Every activity carries the page's current language, even one sent in the same tick as a language switch.
      if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity) {
        action.payload.activity.locale = STRINGS[language].locale;
      }

      const result = next(action);
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && session && session.early) {
        swapWhenCaughtUp(session);
      }

      return result;
    };
  }

  // Web Chat shows suggested actions only under the latest message, so a service's Call/Chat/Website buttons would
  // vanish as soon as the next message arrives (a crisis answer sends several services and then a question).
  // Buttons that only open a contact become a card that stays with its service; answers stay suggested actions.
  function keepContactButtons(activity) {
    const fromBot = activity.from && activity.from.role === 'bot';
    if (!fromBot) {
      return activity;
    }

    const actions = activity.suggestedActions && activity.suggestedActions.actions;
    const attachments = (activity.attachments || []).map(dialableCard);
    if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => CONTACT_ACTIONS.has(a.type))) {
      return { ...activity, attachments };
    }

    const card = dialableCard({ contentType: HERO_CARD, content: { buttons: actions } });
    return { ...activity, suggestedActions: undefined, attachments: [...attachments, card] };
  }

  // In a card Web Chat dials `tel:${value}` itself (a suggested action opens its value as it is), while Bot
  // Framework call actions carry "tel:…": without this a card's Call button would open "tel:tel:…".
  function dialableCard(attachment) {
    const buttons = attachment && attachment.contentType === HERO_CARD && attachment.content && attachment.content.buttons;
    if (!Array.isArray(buttons)) {
      return attachment;
    }

    const dialable = buttons.map((b) => (b && b.type === 'call' && typeof b.value === 'string' ? { ...b, value: b.value.replace(/^tel:/i, '') } : b));
    return { ...attachment, content: { ...attachment.content, buttons: dialable } };
  }

  function buildLanguageButtons() {
    const nav = document.getElementById('languages');
    for (const [code, strings] of Object.entries(STRINGS)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'lang-button';
      button.dataset.lang = code;
      button.lang = code;
      const long = document.createElement('span');
      long.className = 'lang-long';
      long.textContent = strings.languageName;
      const short = document.createElement('span');
      short.className = 'lang-short';
      short.setAttribute('aria-hidden', 'true');
      short.textContent = strings.languageShort;
      button.append(long, short);
      button.addEventListener('click', () => switchLanguage(code));
      nav.append(button);
    }
  }

  function toggleReadAloud() {
    readAloud = !readAloud;
    document.getElementById('read-aloud').setAttribute('aria-pressed', String(readAloud));
    if (!readAloud && window.speechSynthesis) {
      window.speechSynthesis.cancel();
    }

    renderChat();
  }

  // Web Chat's browser speech ponyfill, keeping only speech synthesis: without SpeechRecognition it shows no microphone.
  function speechSynthesisOnly() {
    if (!window.speechSynthesis || !window.WebChat.createBrowserWebSpeechPonyfillFactory) {
      return undefined;
    }

    const factory = window.WebChat.createBrowserWebSpeechPonyfillFactory();
    return (options) => {
      const ponyfill = factory(options);
      return { speechSynthesis: inChatLanguage(ponyfill.speechSynthesis), SpeechSynthesisUtterance: ponyfill.SpeechSynthesisUtterance };
    };
  }

  // The browser's speech synthesis, with every utterance in the chat's language (Web Chat leaves it empty).
  function inChatLanguage(synth) {
    return {
      speak: (utterance) => {
        if (!utterance.lang) {
          utterance.lang = STRINGS[language].locale;
        }

        synth.speak(utterance);
      },
      cancel: () => synth.cancel(),
      pause: () => synth.pause(),
      resume: () => synth.resume(),
      getVoices: () => synth.getVoices(),
      addEventListener: (...args) => synth.addEventListener(...args),
      removeEventListener: (...args) => synth.removeEventListener(...args),
      get speaking() { return synth.speaking; },
      get pending() { return synth.pending; },
      get paused() { return synth.paused; },
      get onvoiceschanged() { return synth.onvoiceschanged; },
      set onvoiceschanged(handler) { synth.onvoiceschanged = handler; },
    };
  }

  function switchLanguage(next) {
    if (!STRINGS[next] || next === language) {
      return;
    }

    language = next;
    applyText();
    renderChat();
    // The bot's engine understands the bare language name as "switch language".
    if (session && session.early) {
      session.early.sendText(STRINGS[language].botCommand);
    } else if (session && session.store) {
      session.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: STRINGS[language].botCommand } });
    }
  }

  function followLanguage(next) {
    if (STRINGS[next] && next !== language) {
      language = next;
      applyText();
      // Re-rendering Web Chat from inside its own store middleware would re-enter React: do it next tick.
      setTimeout(renderChat, 0);
    }
  }

  function quickExit() {
    endSession();
    document.title = '';
    body.replaceChildren();
    try {
      sessionStorage.clear();
    } catch (error) {
      // Storage may be disabled; there is nothing in it anyway.
    }

    leave(config.quickExitUrl);
  }

  // replace(): the chat does not stay in this tab's Back history. In another site's frame the whole tab leaves:
  // embed.js (the side panel) does it on the message; a plain frame navigates the top window itself, which
  // browsers allow after a click. If neither is possible, at least the frame leaves.
  function leave(url) {
    if (window.top !== window.self) {
      try {
        window.parent.postMessage({ type: QUICK_EXIT_MESSAGE, url }, '*');
      } catch (error) {
        // No parent to tell.
      }

      try {
        window.top.location.replace(url);
        return;
      } catch (error) {
        // Blocked (no click, or a sandbox): leave the frame instead.
      }
    }

    location.replace(url);
  }

  function resetIdleTimer() {
    clearTimeout(idleTimer);
    if (session) {
      idleTimer = setTimeout(() => clearChat('idleCleared'), config.idleMinutes * 60 * 1000);
    }
  }

  // Wipes the conversation from the screen and from memory, and says why.
  function clearChat(reason) {
    if (!session) {
      return;
    }

    endSession();
    freshChatHost().setAttribute('aria-busy', 'false');
    document.getElementById('chat').hidden = true;
    hideEmergency();
    showNotice(reason);
    document.getElementById('restart').focus();
  }

  function endSession() {
    clearTimeout(idleTimer);
    if (!session) {
      return;
    }

    const ending = session;
    session = null;
    if (ending.early) {
      ending.early.close();
    }

    try {
      if (ending.subscription) {
        ending.subscription.unsubscribe();
        ending.directLine.end();
      }
    } catch (error) {
      // Already closed.
    }
  }

  // A new, empty element for Web Chat: replacing the old one removes every message from the page.
  function freshChatHost() {
    const old = document.getElementById('webchat');
    const host = document.createElement('div');
    host.id = 'webchat';
    host.className = 'webchat';
    host.setAttribute('aria-busy', 'true');
    old.replaceWith(host);
    return host;
  }

  function showEmergency(triage) {
    triageCategory = String(triage.category || 'other');
    const banner = document.getElementById('emergency');
    banner.hidden = false;
    renderEmergencyText();
  }

  function hideEmergency() {
    triageCategory = null;
    document.getElementById('emergency').hidden = true;
  }

  function renderEmergencyText() {
    if (triageCategory) {
      const texts = STRINGS[language].triage;
      renderText(document.getElementById('emergency-detail'), texts[triageCategory] || texts.other);
    }
  }

  function showNotice(key) {
    noticeKey = key;
    document.getElementById('notice').hidden = false;
    renderNoticeText();
  }

  function hideNotice() {
    noticeKey = null;
    document.getElementById('notice').hidden = true;
  }

  function renderNoticeText() {
    if (noticeKey) {
      const text = STRINGS[language][noticeKey];
      document.getElementById('notice-text').textContent = typeof text === 'function' ? text(config.idleMinutes) : text;
    }
  }

  function applyText() {
    const strings = STRINGS[language];
    document.documentElement.lang = language;
    document.title = `${strings.brand} — ${strings.title}`;
    for (const element of document.querySelectorAll('[data-i18n]')) {
      const text = strings[element.dataset.i18n];
      if (typeof text === 'string' || Array.isArray(text)) {
        renderText(element, text);
      }
    }

    document.getElementById('languages').setAttribute('aria-label', strings.languageNav);
    // The privacy page opens with the chat's language first.
    for (const link of document.querySelectorAll('[data-privacy-link]')) {
      link.href = `/privacy?lang=${encodeURIComponent(language)}`;
    }

    for (const button of document.querySelectorAll('[data-lang]')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === language));
    }

    renderEmergencyText();
    renderNoticeText();
    if (session && session.early) {
      session.early.relabel();
    }
  }

  // Fills an element with a text from strings.js: its {service.field} placeholders become the directory's names and
  // contacts (see strings.js for the format). Everything is added as text nodes and links, never as HTML.
  function renderText(element, text) {
    const sentences = (Array.isArray(text) ? text : [text])
      .map((sentence) => (Array.isArray(sentence) ? sentence : [sentence]).find((alternative) => resolvable(alternative)))
      .filter((sentence) => sentence !== undefined);
    element.replaceChildren();
    sentences.forEach((sentence, index) => {
      if (index > 0) {
        element.append(' ');
      }

      let from = 0;
      for (const match of sentence.matchAll(PLACEHOLDERS)) {
        element.append(sentence.slice(from, match.index), contactNode(match[1], match[2]));
        from = match.index + match[0].length;
      }

      element.append(sentence.slice(from));
    });
  }

  function resolvable(sentence) {
    return [...sentence.matchAll(PLACEHOLDERS)].every((match) => Boolean(contact(match[1], match[2])));
  }

  function contact(serviceId, field) {
    const service = (SERVICES[language] || {})[serviceId];
    return service && typeof service[field] === 'string' && service[field] ? service[field] : null;
  }

  function contactNode(serviceId, field) {
    const value = contact(serviceId, field);
    if (field === 'name') {
      return value;
    }

    const link = document.createElement('a');
    link.className = 'contact';
    if (field === 'web') {
      link.href = value;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = contact(serviceId, 'name') || new URL(value).hostname;
    } else {
      link.href = `${field === 'text' ? 'sms' : 'tel'}:${value.replace(/[^0-9+]/g, '')}`;
      link.textContent = value;
    }

    return link;
  }

  // The server's data block (see index.html); empty when it is missing, so the page still works without numbers.
  function readServices() {
    try {
      const data = JSON.parse(document.getElementById('services').textContent);
      return data && typeof data === 'object' ? data : {};
    } catch (error) {
      return {};
    }
  }

  function initialLanguage() {
    if (config.lesson && STRINGS[config.lesson.locale]) {
      return config.lesson.locale;
    }

    const requested = new URLSearchParams(location.search).get('lang');
    if (requested && STRINGS[requested]) {
      return requested;
    }

    const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
    return STRINGS[browser] ? browser : 'en';
  }

  function positiveInteger(value, fallback) {
    const number = Number.parseInt(value, 10);
    return Number.isFinite(number) && number > 0 ? number : fallback;
  }

  function httpUrl(value, fallback) {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : fallback;
    } catch (error) {
      return fallback;
    }
  }
}());
