// The educators' page: lesson link, QR code and the two embedding snippets for the chosen topic, age band and
// language (all from the server's "lessons" data block, which reads them from the flows), the page's language, and
// the optional anonymous class results (a lesson code and its counts, under 5 shown as "fewer than 5").
'use strict';

(function () {
  const ALL = window.EducatorStrings;
  const DATA = readData();
  const origin = location.origin;
  const requested = new URLSearchParams(location.search).get('lang');
  const pageLanguage = ALL[requested] ? requested : 'en';
  // A language whose page text is not written yet shows the English text, and says so in its own language.
  const textLanguage = ALL[pageLanguage].fallback || pageLanguage;
  const T = ALL[textLanguage];

  applyText();
  fillSelect('module', DATA.modules, DATA.modules[0]);
  fillSelect('band', DATA.bands, DATA.bands.find((b) => b.url === '13_15') || DATA.bands[0]);
  fillSelect('lang', DATA.locales, DATA.locales.find((l) => l.value === pageLanguage) || DATA.locales[0]);
  for (const id of ['module', 'band', 'lang']) {
    document.getElementById(id).addEventListener('change', update);
  }

  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', () => copy(button.dataset.copy));
  }

  document.getElementById('print').addEventListener('click', () => window.print());
  document.getElementById('class-create').addEventListener('click', createClassCode);
  document.getElementById('class-show').addEventListener('click', showClassResults);
  showOrigins();
  showGuides();
  update();

  function update() {
    const module = document.getElementById('module').value;
    const band = document.getElementById('band').value;
    const lang = document.getElementById('lang').value;
    const query = `module=${encodeURIComponent(module)}&band=${encodeURIComponent(band)}&lang=${encodeURIComponent(lang)}`;
    const lessonUrl = `${origin}/embed?${query}`;
    const link = document.getElementById('lesson-link');
    link.href = lessonUrl;
    link.textContent = lessonUrl;
    const qr = document.getElementById('lesson-qr');
    qr.src = `/educators/qr.svg?${query}`;
    qr.alt = T.qrAlt;
    document.getElementById('frame-code').value =
      `<iframe src="${lessonUrl}" title="${escapeAttribute(T.chatFrameTitle)}" width="420" height="640" style="border:0;max-width:100%" referrerpolicy="no-referrer"></iframe>`;
    document.getElementById('panel-code').value =
      `<script src="${origin}/embed.js" data-lang="${lang}" data-label="${escapeAttribute(T.panelButton)}" async></script>`;
  }

  // Anonymous class results: the server makes the code and counts; this page only asks and shows.
  async function createClassCode() {
    const body = JSON.stringify({
      module: document.getElementById('module').value,
      band: document.getElementById('band').value,
      lang: document.getElementById('lang').value,
    });
    const response = await fetch('/educators/class-codes', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body, cache: 'no-store', credentials: 'omit',
    }).catch(() => null);
    if (!response || !response.ok) {
      classStatus(T.classFailed);
      return;
    }

    // The link (and its QR code) is for the students and carries the code only; the key is the teacher's, shown once.
    const made = await response.json();
    const link = document.getElementById('class-link');
    link.href = made.link;
    link.textContent = made.link;
    const qr = document.getElementById('class-qr');
    qr.src = `/educators/qr.svg${new URL(made.link).search}`;
    qr.alt = T.classQrAlt;
    document.getElementById('class-key-made').value = made.resultsKey;
    document.getElementById('class-made').hidden = false;
    document.getElementById('class-input').value = made.code;
    document.getElementById('class-key').value = made.resultsKey;
    classStatus('');
  }

  async function showClassResults() {
    const code = document.getElementById('class-input').value.trim();
    const key = document.getElementById('class-key').value.trim();
    const table = document.getElementById('class-table');
    table.replaceChildren();
    if (!key) {
      classStatus(T.classNeedKey);
      return;
    }

    const lang = encodeURIComponent(document.getElementById('lang').value);
    const response = await fetch(`/educators/class-codes/${encodeURIComponent(code)}?lang=${lang}`, {
      cache: 'no-store', credentials: 'omit', headers: { Authorization: `Bearer ${key}` },
    }).catch(() => null);
    if (!response || !response.ok) {
      classStatus(!response || response.status >= 500 ? T.classFailed
        : response.status === 401 ? T.classNeedKey
          : response.status === 403 ? T.classWrongKey : T.classUnknown);
      return;
    }

    const results = await response.json();
    classStatus(results.questions.length === 0 ? T.classNone : '');
    for (const question of results.questions) {
      const element = document.createElement('table');
      const caption = element.createCaption();
      caption.textContent = question.question || question.id;
      const head = element.createTHead().insertRow();
      for (const text of [T.classChoice, T.classCount]) {
        const cell = document.createElement('th');
        cell.scope = 'col';
        cell.textContent = text;
        head.append(cell);
      }

      const rows = element.createTBody();
      for (const choice of question.choices) {
        const row = rows.insertRow();
        const label = document.createElement('th');
        label.scope = 'row';
        label.textContent = `${choice.choice}. ${choice.label || ''}${choice.correct ? ` ${T.classCorrect}` : ''}`;
        row.append(label);
        // A count under 5 arrives as the string "<5" and is never known here as a number.
        row.insertCell().textContent = typeof choice.count === 'number' ? String(choice.count) : T.classFewer;
      }

      table.append(element);
    }
  }

  function classStatus(text) {
    document.getElementById('class-status').textContent = text;
  }

  function fillSelect(id, options, selected) {
    const select = document.getElementById(id);
    for (const option of options) {
      const element = document.createElement('option');
      element.value = option.url;
      element.textContent = option.labels[textLanguage] || option.labels.en || option.value;
      element.selected = option === selected;
      select.append(element);
    }
  }

  async function copy(id) {
    const field = document.getElementById(id);
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
    } catch (error) {
      document.execCommand('copy');
    }

    document.getElementById('copied').textContent = T.copied;
  }

  function showOrigins() {
    const origins = DATA.embedOrigins || [];
    document.getElementById('origins-none').hidden = origins.length > 0;
    document.getElementById('origins-some').hidden = origins.length === 0;
    const list = document.getElementById('origins');
    for (const allowed of origins) {
      const item = document.createElement('li');
      item.textContent = allowed;
      list.append(item);
    }
  }

  function showGuides() {
    for (const block of document.querySelectorAll('[data-guides-locale]')) {
      block.hidden = block.dataset.guidesLocale !== pageLanguage;
    }
  }

  function applyText() {
    document.documentElement.lang = textLanguage;
    document.title = `${T.title} — AwarenessBot`;
    for (const element of document.querySelectorAll('[data-t]')) {
      if (typeof T[element.dataset.t] === 'string') {
        element.textContent = T[element.dataset.t];
      }
    }

    // Notes inside the server-rendered guides carry the page language (their lang attribute), also above a guide
    // shown in English because it is not translated yet.
    for (const element of document.querySelectorAll('[data-i18n]')) {
      const strings = ALL[element.closest('[lang]').lang] || T;
      const text = (strings.fallback ? T : strings)[element.dataset.i18n];
      if (typeof text === 'string') {
        element.textContent = text;
      }
    }

    if (ALL[pageLanguage].pageNotTranslated) {
      const note = document.getElementById('page-note');
      note.textContent = ALL[pageLanguage].pageNotTranslated;
      note.lang = pageLanguage;
      note.hidden = false;
    }

    const nav = document.getElementById('languages');
    nav.setAttribute('aria-label', T.languageNav);
    for (const code of Object.keys(ALL)) {
      const link = document.createElement('a');
      link.href = `/educators?lang=${code}`;
      link.lang = code;
      link.hreflang = code;
      link.textContent = ALL[code].languageName;
      if (code === pageLanguage) {
        link.setAttribute('aria-current', 'page');
      }

      nav.append(link);
    }
  }

  function escapeAttribute(text) {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  }

  function readData() {
    try {
      const data = JSON.parse(document.getElementById('lessons').textContent);
      return data && Array.isArray(data.modules) ? data : { modules: [], bands: [], locales: [], embedOrigins: [] };
    } catch (error) {
      return { modules: [], bands: [], locales: [], embedOrigins: [] };
    }
  }
}());
