// Programme dashboard: asks for the admin key (kept in sessionStorage only), fetches suppressed aggregates with it,
// and draws each aggregate as an inline SVG bar chart with a table beside it. No outside requests.
(function () {
  'use strict';
  var KEY = 'awarenessbot.adminKey';
  var SVG = 'http://www.w3.org/2000/svg';
  var HIDDEN = '<5';

  function $(id) { return document.getElementById(id); }
  function key() { return sessionStorage.getItem(KEY); }
  function status(text) { $('status').textContent = text; }
  function isoDay(date) { return date.toISOString().slice(0, 10); }

  function request(path) {
    return fetch(path, { headers: { 'X-Admin-Key': key() }, cache: 'no-store', credentials: 'omit' }).then(function (r) {
      if (r.status === 401) { sessionStorage.removeItem(KEY); throw new Error('The key was not accepted.'); }
      if (r.status === 404) { throw new Error('The dashboard is disabled on this server.'); }
      if (!r.ok) { throw new Error('The server answered ' + r.status + '.'); }
      return r;
    });
  }

  function range() { return '?from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value); }

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (a) { node.setAttribute(a, attrs[a]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // rows: [{ label, values: [{ count, kind }] }]; a count is a number or "<5" (drawn as a grey stub, never scaled).
  function barChart(name, titleId, rows, seriesNames) {
    var host = $(name + '-chart');
    host.textContent = '';
    // Draw at the container's own width so text stays readable on a phone instead of being scaled down.
    var width = Math.max(300, Math.min(720, host.clientWidth || 640));
    var barH = 18, gap = 10, labelW = Math.min(150, Math.round(width * 0.38)), valueW = 40;
    var perRow = rows.length ? rows[0].values.length : 1;
    var legendH = seriesNames && rows.length ? 22 : 0;
    var height = Math.max(40, legendH + rows.length * (perRow * barH + gap) + gap);
    var max = 1;
    rows.forEach(function (r) { r.values.forEach(function (v) { if (typeof v.count === 'number' && v.count > max) { max = v.count; } }); });
    var svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': titleId, 'data-chart': name });
    svg.appendChild(el('line', { x1: labelW, y1: 0, x2: labelW, y2: height, class: 'axis' }));
    if (!rows.length) { svg.appendChild(el('text', { x: labelW + 8, y: 24 }, 'No data in this range')); }
    var y = gap;
    if (legendH) {
      rows[0].values.forEach(function (v, i) {
        var x = labelW + 8 + i * 110;
        svg.appendChild(el('rect', { x: x, y: 4, width: 12, height: 12, class: 'bar ' + v.kind }));
        svg.appendChild(el('text', { x: x + 16, y: 14 }, v.kind));
      });
      y += legendH;
    }
    rows.forEach(function (r) {
      svg.appendChild(el('text', { x: labelW - 6, y: y + barH * perRow / 2 + 4, 'text-anchor': 'end' }, r.label));
      r.values.forEach(function (v) {
        var hidden = typeof v.count !== 'number';
        var w = hidden ? 6 : Math.max(2, (width - labelW - valueW) * v.count / max);
        var bar = el('rect', { x: labelW, y: y, width: w, height: barH - 3, class: 'bar ' + (v.kind || '') + (hidden ? ' suppressed' : '') });
        bar.appendChild(el('title', {}, r.label + (seriesNames ? ' – ' + v.kind : '') + ': ' + String(v.count)));
        svg.appendChild(bar);
        svg.appendChild(el('text', { x: labelW + w + 4, y: y + barH - 6 }, String(v.count)));
        y += barH;
      });
      y += gap;
    });
    host.appendChild(svg);
  }

  function table(name, titleId, headers, rows) {
    var host = $(name + '-table');
    host.textContent = '';
    var t = document.createElement('table');
    t.setAttribute('aria-labelledby', titleId);
    var head = t.createTHead().insertRow();
    headers.forEach(function (h) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.appendChild(th); });
    var body = t.createTBody();
    rows.forEach(function (cells) {
      var tr = body.insertRow();
      cells.forEach(function (c, i) { var td = tr.insertCell(); td.textContent = c === null || c === undefined ? '–' : String(c); if (i > 0) { td.className = 'num'; } });
    });
    if (!rows.length) { var tr = body.insertRow(); var td = tr.insertCell(); td.colSpan = headers.length; td.className = 'empty'; td.textContent = 'No data in this range'; }
    host.appendChild(t);
  }

  function labelled(name, title, header, list) {
    var rows = list.map(function (r) { return { label: r.label, values: [{ count: r.count }] }; });
    barChart(name, name + '-title', rows);
    table(name, name + '-title', [header, title], list.map(function (r) { return [r.label, r.count]; }));
  }

  function render(data) {
    labelled('sessions', 'Sessions', 'Day', data.sessionsByDay);
    labelled('services', 'Services shown', 'Region', data.servicesShownByRegion);
    labelled('crises', 'Crises raised', 'Category', data.crisesByCategory);
    var funnel = data.moduleFunnel.map(function (r) {
      return { label: r.module, values: [{ count: r.started, kind: 'started' }, { count: r.completed, kind: 'completed' }] };
    });
    barChart('funnel', 'funnel-title', funnel, true);
    table('funnel', 'funnel-title', ['Module', 'Started', 'Completed', 'Completion rate'], data.moduleFunnel.map(function (r) {
      return [r.module, r.started, r.completed, r.completionRate === null ? null : Math.round(r.completionRate * 100) + '%'];
    }));
  }

  function load() {
    status('Loading…');
    return request('/admin/api/aggregates' + range()).then(function (r) { return r.json(); }).then(function (data) {
      $('key-form').hidden = true;
      $('dashboard').hidden = false;
      render(data);
      status('Showing ' + data.from + ' to ' + data.to + '. Counts below 5 are shown as "' + HIDDEN + '".');
    }).catch(function (e) {
      status(e.message);
      if (!key()) { $('dashboard').hidden = true; $('key-form').hidden = false; }
    });
  }

  function download(name) {
    request('/admin/export/' + encodeURIComponent(name) + '.csv' + range()).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'awarenessbot-' + name + '.csv';
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }).catch(function (e) { status(e.message); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var today = new Date();
    $('to').value = isoDay(today);
    $('from').value = isoDay(new Date(today.getTime() - 29 * 86400000));
    $('key-form').addEventListener('submit', function (e) {
      e.preventDefault();
      sessionStorage.setItem(KEY, $('admin-key').value);
      $('admin-key').value = '';
      load();
    });
    $('range-form').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    $('forget-key').addEventListener('click', function () {
      sessionStorage.removeItem(KEY);
      $('dashboard').hidden = true; $('key-form').hidden = false; status('Key forgotten.');
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-export]'), function (b) {
      b.addEventListener('click', function () { download(b.getAttribute('data-export')); });
    });
    fetch('/admin/api/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      $('min-length').textContent = String(s.minimumKeyLength);
      if (!s.enabled) { $('disabled').hidden = false; return; }
      if (key()) { load(); } else { $('key-form').hidden = false; }
    }).catch(function () { status('The server could not be reached.'); });
  });
})();
