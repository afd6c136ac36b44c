/*
 * CreditGate operator console. Everything shown comes from /api/v1 with the operator's own Karaf login (HTTP Basic,
 * kept in this tab's sessionStorage only), so the page can do exactly what the operator's role allows and no more.
 * DOM is built with textContent only: record data, upstream error texts and alert messages are never parsed as HTML.
 */
(function () {
  'use strict';

  var AUTH_KEY = 'creditgate.console.auth';
  var settings = { apiBase: '/api/v1', refreshMs: 5000 };
  var operator = null;
  var timer = null;
  var charts = {};
  var previous = null;          // the last metrics sample, for rates
  var upstreams = [];
  var alertsSeen = 0;

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; }
      else if (k === 'class') { e.className = attrs[k]; }
      else if (k === 'on') { Object.keys(attrs.on).forEach(function (ev) { e.addEventListener(ev, attrs.on[ev]); }); }
      else if (attrs[k] !== undefined && attrs[k] !== null) { e.setAttribute(k, attrs[k]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c !== null && c !== undefined) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function text(v) { return v === null || v === undefined ? '' : String(v); }

  function time(v) {
    if (!v) { return ''; }
    return String(v).replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, ' UTC');
  }

  function stateCell(state) { return el('td', { class: 'state ' + text(state), text: text(state) }); }

  /** Fills a table body with rows; `cells` turns an item into its cells, `attrs` into the row's attributes. */
  function fill(table, items, cells, attrs, emptyText) {
    var body = clear(table.tBodies[0]);
    if (!items.length) {
      var cols = table.tHead.rows[0].cells.length;
      body.appendChild(el('tr', { class: 'empty' }, el('td', { colspan: cols, text: emptyText || 'none' })));
      return;
    }
    items.forEach(function (item) {
      var row = el('tr', attrs ? attrs(item) : {});
      cells(item).forEach(function (c) {
        row.appendChild(c instanceof Node ? c : el('td', { text: text(c) }));
      });
      body.appendChild(row);
    });
  }

  function num(v) { return el('td', { class: 'num', text: v === undefined ? '' : String(Math.round(v * 100) / 100) }); }

  function base64(s) {
    var bytes = new TextEncoder().encode(s), bin = '';
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin);
  }

  function banner(message) {
    var b = $('banner');
    b.textContent = message || '';
    b.hidden = !message;
  }

  // ---------------------------------------------------------------- API

  /** Calls the API; resolves {status, body} (JSON, or text for metrics); a 401 ends the session. */
  function api(method, path, body, asText) {
    var headers = { 'X-Requested-With': 'creditgate-console', 'Accept': asText ? 'text/plain' : 'application/json' };
    var auth = sessionStorage.getItem(AUTH_KEY);
    if (auth) { headers.Authorization = 'Basic ' + auth; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(settings.apiBase + path, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      var read = asText ? r.text() : r.text().then(function (t) {
        try { return t ? JSON.parse(t) : {}; } catch (e) { return { error: 'BAD_ANSWER', message: t.slice(0, 200) }; }
      });
      return read.then(function (b) {
        if (r.status === 401 && operator) {
          logout('Your login is no longer accepted — log in again.');
        }
        return { status: r.status, body: b };
      });
    });
  }

  function problem(answer) {
    var b = answer.body || {};
    return 'HTTP ' + answer.status + (b.error ? ' ' + b.error : '') + (b.message ? ': ' + b.message : '');
  }

  // ---------------------------------------------------------------- login

  function login(event) {
    event.preventDefault();
    var user = $('login-user').value.trim(), password = $('login-password').value;
    $('login-error').textContent = '';
    sessionStorage.setItem(AUTH_KEY, base64(user + ':' + password));
    api('GET', '/operator').then(function (a) {
      if (a.status === 200) {
        $('login-password').value = '';
        start(a.body);
      } else {
        sessionStorage.removeItem(AUTH_KEY);
        $('login-error').textContent = a.status === 401
          ? 'Login refused: wrong user or password, or the user has no role viewer, manager or admin.'
          : 'Login failed: ' + problem(a);
      }
    }).catch(function (e) {
      sessionStorage.removeItem(AUTH_KEY);
      $('login-error').textContent = 'The gateway did not answer: ' + e.message;
    });
  }

  function logout(message) {
    sessionStorage.removeItem(AUTH_KEY);
    operator = null;
    if (timer) { clearInterval(timer); timer = null; }
    $('console-view').hidden = true;
    $('login-view').hidden = false;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('login-error').textContent = message || '';
  }

  function start(who) {
    operator = who;
    $('login-view').hidden = true;
    $('console-view').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = who.name + ' · ' + (who.canOperate ? 'operator' : 'read-only') + ' (' + who.roles.join(', ') + ')';
    $('dlq-replay').disabled = !who.canOperate;
    $('dlq-role').textContent = who.canOperate ? '' : 'read-only login: replay needs role manager or admin';
    // a new login starts on the overview, whatever tab the previous one left open
    show('overview');
    refresh();
    timer = setInterval(refresh, settings.refreshMs);
  }

  // ---------------------------------------------------------------- tabs

  var active = 'overview';

  function show(tab) {
    active = tab;
    document.querySelectorAll('.tabs button').forEach(function (b) {
      b.classList.toggle('active', b.getAttribute('data-tab') === tab);
    });
    document.querySelectorAll('section.tab').forEach(function (s) { s.hidden = s.id !== 'tab-' + tab; });
    if (tab === 'dlq') { loadDeadLetters(); }
    if (tab === 'shields') { loadShields(); }
    if (tab === 'deadlines') { loadDeadlines(); }
    if (tab === 'alerts') { loadAlerts(true); }
  }

  function refresh() {
    loadHealth();
    loadMetrics();
    loadAlerts(active === 'alerts');
    if (active === 'shields') { loadShields(); }
    if (active === 'deadlines') { loadDeadlines(); }
  }

  // ---------------------------------------------------------------- overview

  function loadHealth() {
    api('GET', '/health').then(function (a) {
      var report = a.body || {};
      var components = report.components || [];
      var overall = $('overall-status');
      overall.textContent = text(report.status);
      overall.className = 'state ' + text(report.status);
      $('health-updated').textContent = 'checked ' + new Date().toLocaleTimeString();
      fill($('health-table'), components, function (c) {
        return [c.component, stateCell(c.state), c.detail];
      }, function (c) { return { 'data-component': c.component, 'data-state': c.state }; }, 'no components');
      var ups = components.map(function (c) { return c.component; })
        .filter(function (n) { return n.indexOf('upstream:') === 0; })
        .map(function (n) { return n.substring('upstream:'.length); }).sort();
      setUpstreams(ups);
      banner(a.status >= 500 && !report.components ? 'Health not available: ' + problem(a) : '');
    }).catch(function (e) { banner('The gateway did not answer: ' + e.message); });
  }

  function setUpstreams(list) {
    if (list.join() === upstreams.join()) { return; }
    upstreams = list;
    var select = $('dlq-upstream'), chosen = select.value;
    clear(select);
    list.forEach(function (u) { select.appendChild(el('option', { value: u, text: u })); });
    if (chosen && list.indexOf(chosen) >= 0) { select.value = chosen; }
  }

  /** Parses Prometheus text exposition: [{name, labels, value}]. */
  function parseMetrics(textBody) {
    var out = [];
    textBody.split('\n').forEach(function (line) {
      if (!line || line.charAt(0) === '#') { return; }
      var m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
      if (!m) { return; }
      var labels = {}, re = /(\w+)="((?:[^"\\]|\\.)*)"/g, l;
      while ((l = re.exec(m[3] || '')) !== null) { labels[l[1]] = l[2].replace(/\\"/g, '"').replace(/\\\\/g, '\\'); }
      out.push({ name: m[1], labels: labels, value: parseFloat(m[4]) });
    });
    return out;
  }

  /** Sums a metric by its upstream label. */
  function byUpstream(samples, name) {
    var sums = {};
    samples.forEach(function (s) {
      if (s.name === name && s.labels.upstream) { sums[s.labels.upstream] = (sums[s.labels.upstream] || 0) + s.value; }
    });
    return sums;
  }

  function loadMetrics() {
    api('GET', '/metrics', undefined, true).then(function (a) {
      if (a.status !== 200) { return; }
      var samples = parseMetrics(a.body), now = Date.now();
      var m = {
        sent: byUpstream(samples, 'creditgate_upstream_sent_total'),
        acked: byUpstream(samples, 'creditgate_upstream_acked_total'),
        rejected: byUpstream(samples, 'creditgate_upstream_rejected_total'),
        queued: byUpstream(samples, 'creditgate_upstream_queue_depth'),
        oldest: byMax(samples, 'creditgate_upstream_queue_oldest_age_seconds'),
        awaiting: byUpstream(samples, 'creditgate_upstream_awaiting_receipt'),
        dlq: byUpstream(samples, 'creditgate_upstream_dlq_depth'),
        shields: byUpstream(samples, 'creditgate_upstream_shields_pending_ack')
      };
      var names = Object.keys(m.sent).concat(Object.keys(m.queued)).filter(function (u, i, all) {
        return all.indexOf(u) === i;
      }).sort();
      if (previous) {
        var seconds = Math.max(1, (now - previous.at) / 1000), rates = {};
        names.forEach(function (u) {
          rates[u] = Math.max(0, ((m.sent[u] || 0) - (previous.sent[u] || 0)) / seconds);
        });
        charts.throughput.add(now, rates);
      }
      var backlog = {};
      names.forEach(function (u) { backlog[u] = m.queued[u] || 0; });
      backlog['dead letters'] = names.reduce(function (s, u) { return s + (m.dlq[u] || 0); }, 0);
      charts.backlog.add(now, backlog);
      previous = { at: now, sent: m.sent };
      fill($('upstream-table'), names, function (u) {
        return [u, num(m.sent[u]), num(m.acked[u]), num(m.rejected[u]), num(m.queued[u]), num(m.oldest[u]),
          num(m.awaiting[u]), num(m.dlq[u]), num(m.shields[u])];
      }, function (u) { return { 'data-upstream': u }; }, 'no upstream bound');
    });
  }

  function byMax(samples, name) {
    var out = {};
    samples.forEach(function (s) {
      if (s.name === name && s.labels.upstream) { out[s.labels.upstream] = Math.max(out[s.labels.upstream] || 0, s.value); }
    });
    return out;
  }

  // ---------------------------------------------------------------- dead letters

  function loadDeadLetters() {
    var upstream = $('dlq-upstream').value;
    if (!upstream) { $('dlq-summary').textContent = 'no upstream bound'; return; }
    var q = $('dlq-class').value ? '?errorClass=' + encodeURIComponent($('dlq-class').value) : '';
    api('GET', '/dlq/' + encodeURIComponent(upstream) + q).then(function (a) {
      if (a.status !== 200) { $('dlq-summary').textContent = problem(a); return; }
      var letters = a.body.letters || [];
      $('dlq-summary').textContent = letters.length + ' letter(s) on ' + a.body.queue;
      fill($('dlq-table'), letters, function (l) {
        return [l.recordId, l.version, l.dataset, l.errorClass, l.reason, time(l.queuedAt), l.deliveryCount];
      }, function (l) { return { 'data-record-id': l.recordId, 'data-message-id': l.messageId }; },
      'no dead letters for ' + upstream);
    });
  }

  function replay(dryRun) {
    var upstream = $('dlq-upstream').value, reason = $('dlq-reason').value.trim(), result = $('dlq-result');
    if (!reason) { result.textContent = 'Give a reason: every replay is audited with your name and the reason.'; return; }
    var body = { reason: reason, dryRun: dryRun };
    if ($('dlq-class').value) { body.errorClass = $('dlq-class').value; }
    result.textContent = dryRun ? 'Checking…' : 'Replaying…';
    api('POST', '/dlq/' + encodeURIComponent(upstream) + '/replay', body).then(function (a) {
      if (a.status !== 200) { result.textContent = 'Replay refused: ' + problem(a); return; }
      var r = a.body;
      result.textContent = (r.dryRun ? 'Dry run: would replay ' + r.matched : 'Replayed ' + r.replayed + ' of ' + r.matched)
        + ' letter(s) to ' + r.upstream + (r.recordIds && r.recordIds.length ? ': ' + r.recordIds.join(', ') : '');
      result.setAttribute('data-replayed', String(r.dryRun ? 0 : r.replayed));
      loadDeadLetters();
    });
  }

  // ---------------------------------------------------------------- shields

  function loadShields() {
    api('GET', '/shields?pending=true').then(function (a) {
      if (a.status !== 200) { banner('Shields: ' + problem(a)); return; }
      fill($('shields-table'), a.body.pending || [], function (p) {
        return [el('td', {}, el('button', { type: 'button', class: 'link', text: p.shieldId,
          on: { click: function () { loadProof(p.shieldId); } } })), p.upstream, stateCell(p.state),
          time(p.queuedAt), time(p.dispatchedAt), p.resends, p.error];
      }, function (p) { return { 'data-shield-id': p.shieldId, 'data-upstream': p.upstream }; },
      'every shield is acknowledged by every platform that holds its record');
    });
  }

  function loadProof(shieldId) {
    api('GET', '/shields/' + encodeURIComponent(shieldId)).then(function (a) {
      var panel = clear($('shield-proof'));
      panel.hidden = false;
      if (a.status !== 200) { panel.appendChild(el('p', { class: 'error', text: problem(a) })); return; }
      var p = a.body;
      panel.appendChild(el('h3', { text: 'Proof of shield ' + p.shieldId + (p.complete ? ' — complete' : ' — pending') }));
      panel.appendChild(definitions([['Cause', p.cause], ['Record', p.targetRecordId], ['Dataset', p.targetDataset],
        ['Record state', p.targetState], ['Decision', p.decisionRef], ['Effective', time(p.effectiveAt)],
        ['Source', p.source], ['Recorded', time(p.recordedAt)],
        ['Origin', p.origin ? p.origin.platform + ' at ' + time(p.origin.receivedAt) : '']]));
      var t = table(['Platform', 'State', 'Version', 'Dispatched', 'Acked', 'Receipt', 'Resends', 'Error']);
      fill(t, p.platforms || [], function (x) {
        return [x.upstream, stateCell(x.state), x.targetVersion, time(x.dispatchedAt), time(x.ackedAt), x.receiptId,
          x.resends, x.error];
      }, null, 'no platform held the record: nothing to propagate');
      panel.appendChild(t);
      if (p.suppressed && p.suppressed.length) {
        panel.appendChild(el('p', { text: 'Suppressed before sending: ' + p.suppressed.map(function (s) {
          return s.upstream + ' v' + s.version;
        }).join(', ') }));
      }
    });
  }

  // ---------------------------------------------------------------- deadlines

  function loadDeadlines() {
    api('GET', '/deadlines').then(function (a) {
      if (a.status !== 200) { banner('Deadlines: ' + problem(a)); return; }
      var r = a.body, depts = Object.keys(r.departments || {}).sort();
      fill($('deadline-summary'), depts, function (d) {
        var c = r.departments[d] || {};
        return [d, num(c.AT_RISK || 0), num(c.OVERDUE || 0)];
      }, function (d) { return { 'data-department': d }; }, 'no record at risk on ' + text(r.today));
      fill($('deadline-table'), r.items || [], function (i) {
        return [i.recordId, i.dataset, i.department, i.decided, i.deadline, stateCell(i.status),
          (i.missing || []).join(', ')];
      }, function (i) { return { 'data-record-id': i.recordId }; }, 'none');
    });
  }

  // ---------------------------------------------------------------- lineage

  function searchLineage(event) {
    event.preventDefault();
    var q = $('lineage-query').value.trim(), out = clear($('lineage-result'));
    if (!q) { return; }
    out.appendChild(el('p', { class: 'muted', text: 'Searching…' }));
    var call = $('lineage-kind').value === 'record' ? api('GET', '/lineage/' + encodeURIComponent(q))
      : api('POST', '/lineage/search', { subject: q, limit: 20 });
    call.then(function (a) {
      clear(out);
      if (a.status !== 200) { out.appendChild(el('p', { class: 'error', text: problem(a) })); return; }
      var records = a.body.records || [a.body];
      if (a.body.records) {
        out.appendChild(el('p', { text: a.body.count + ' record(s) of subject ' + text(a.body.subject)
          + (a.body.limitReached ? ' (first 20)' : '') }));
      }
      records.forEach(function (r) { out.appendChild(lineage(r)); });
    });
  }

  function lineage(r) {
    var box = el('div', { class: 'record', 'data-record-id': r.recordId });
    box.appendChild(el('h3', { text: 'Record ' + r.recordId + ' [' + r.dataset + '] ' + r.state + ', version '
      + r.currentVersion }));
    box.appendChild(definitions([['Subject', r.subject], ['Department', r.department],
      ['Channel', (r.channels && r.channels.length) ? r.channels.join(', ') : 'REST API (no source connector)'],
      ['Updated', time(r.updatedAt)]]));
    section(box, 'Versions', ['Version', 'Op', 'State', 'Received', 'Warnings'], r.versions, function (v) {
      return [v.version, v.op, stateCell(v.state), time(v.receivedAt), warnings(v.warnings)];
    });
    section(box, 'Deliveries (gateway → upstream)', ['Upstream', 'Version', 'State', 'Batch', 'Receipt', 'Queued',
      'Updated', 'Error'], r.deliveries, function (d) {
      return [d.upstream, d.version, stateCell(d.state), d.batchId, d.receiptId, time(d.queuedAt), time(d.updatedAt),
        d.error];
    }, function (d) { return { 'data-upstream': d.upstream, 'data-state': d.state }; }, 'not routed to any upstream yet');
    var shieldRows = [];
    (r.shields || []).forEach(function (s) {
      var ds = s.dispatches && s.dispatches.length ? s.dispatches : [{ upstream: '(local only)' }];
      ds.forEach(function (d) { shieldRows.push({ s: s, d: d }); });
    });
    section(box, 'Shields', ['Shield', 'Cause', 'Decision', 'Effective', 'Platform', 'Dispatched', 'Acked', 'Receipt'],
      shieldRows, function (x) {
        return [x.s.shieldId, x.s.cause, x.s.decisionRef, time(x.s.effectiveAt), x.d.upstream, time(x.d.dispatchedAt),
          time(x.d.ackedAt), x.d.receiptId];
      });
    section(box, 'Objections', ['Objection', 'Provider', 'Forwarded', 'Due', 'Status', 'Result on'], r.objections,
      function (o) { return [o.objectionId, o.provider, o.forwardedOn, o.dueOn, stateCell(o.status), o.resultOn]; });
    section(box, 'History', ['At', 'Version', 'Event', 'Detail'], r.history, function (h) {
      return [time(h.at), h.version, h.event, h.detail];
    });
    return box;
  }

  /** A version's warnings: the validator's [{code, field, message}] as one line each, or the text as stored. */
  function warnings(list) {
    if (!Array.isArray(list)) { return text(list); }
    return list.map(function (w) {
      return typeof w === 'object' && w !== null
        ? [w.code, w.field, w.message].filter(function (x) { return x; }).join(' ') : text(w);
    }).join('; ');
  }

  function section(box, title, columns, items, cells, attrs, emptyText) {
    box.appendChild(el('h3', { text: title }));
    var t = table(columns);
    t.setAttribute('data-section', title.split(' ')[0].toLowerCase());
    fill(t, items || [], cells, attrs, emptyText);
    box.appendChild(t);
  }

  function table(columns) {
    var head = el('tr');
    columns.forEach(function (c) { head.appendChild(el('th', { text: c })); });
    return el('table', {}, el('thead', {}, head), el('tbody'));
  }

  function definitions(pairs) {
    var dl = el('dl');
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === '') { return; }
      dl.appendChild(el('dt', { text: p[0] }));
      dl.appendChild(el('dd', { text: text(p[1]) }));
    });
    return dl;
  }

  // ---------------------------------------------------------------- alerts

  function loadAlerts(seen) {
    api('GET', '/alerts?limit=200').then(function (a) {
      if (a.status !== 200) { return; }
      var list = a.body.alerts || [];
      if (seen) { alertsSeen = list.length; }
      var unseen = Math.max(0, list.length - alertsSeen);
      $('alert-count').textContent = unseen ? String(unseen) : '';
      fill($('alerts-table'), list, function (x) {
        return [time(x.raisedAt), x.class, stateCell(x.severity), x.component, x.message];
      }, function (x) { return { 'data-alert-id': x.alertId, 'data-class': x.class }; }, 'no alert raised');
    });
  }

  // ---------------------------------------------------------------- start

  function init() {
    charts.throughput = new window.TimeChart($('chart-throughput'), $('legend-throughput'), 120);
    charts.backlog = new window.TimeChart($('chart-backlog'), $('legend-backlog'), 120);
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', function () { logout(''); });
    document.querySelectorAll('.tabs button').forEach(function (b) {
      b.addEventListener('click', function () { show(b.getAttribute('data-tab')); });
    });
    $('dlq-upstream').addEventListener('change', loadDeadLetters);
    $('dlq-class').addEventListener('change', loadDeadLetters);
    $('dlq-refresh').addEventListener('click', loadDeadLetters);
    $('dlq-dry-run').addEventListener('click', function () { replay(true); });
    $('dlq-replay').addEventListener('click', function () { replay(false); });
    $('lineage-form').addEventListener('submit', searchLineage);
    fetch('settings.json', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      settings = s;
    }).catch(function () { /* the defaults above match the shipped configuration */ }).then(function () {
      if (sessionStorage.getItem(AUTH_KEY)) {
        api('GET', '/operator').then(function (a) {
          if (a.status === 200) { start(a.body); } else { logout(''); }
        });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', init);
})();
