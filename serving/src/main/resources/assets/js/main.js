// The dashboard: wires the form, the URL, the API and the three views together.
import { getJson, areaPath, setApiKey, ApiError } from './api.js';
import { parseQuery, toSearch } from './query.js';
import { DatePicker } from './calendar.js';
import { renderMap, legendHtml } from './map.js';
import { renderTimeline } from './timeline.js';
import { StatsTable } from './table.js';
import * as fmt from './format.js';

const $ = (id) => document.getElementById(id);
const picker = new DatePicker($('calendar'), $('selected-dates'), $('date-count'));
const table = new StatsTable($('stats'), $('stats-count'));
let current = null; // the last query asked, re-run after an API key is entered
let seq = 0; // answers to older queries are dropped
let pendingSbi = [];

const TITLES = {
  0: 'The service cannot be reached',
  400: 'The query is not valid',
  401: 'An API key is required',
  404: 'Not found',
  503: 'The data store is unavailable right now — try again shortly',
};

function setState(state, status = '') {
  document.body.dataset.state = state;
  $('status').textContent = status;
}

// ------------------------------------------------------------------ form

function updateRadius() {
  $('radius-out').textContent = fmt.km(Number($('radius').value));
}

function updateFilterCount() {
  const n = $('sbi').selectedOptions.length + splitList($('activity').value).length;
  $('filter-count').textContent = n ? `(${n} active)` : '';
  if (n) $('filters').open = true;
}

const splitList = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);

function fillSbi(codes) {
  const sel = $('sbi');
  const want = new Set([...pendingSbi, ...[...sel.selectedOptions].map((o) => o.value)]);
  sel.replaceChildren();
  const known = new Set();
  for (const c of codes) {
    known.add(c.sbi);
    sel.append(new Option(`${c.sbi} — ${c.label}`, c.sbi, false, want.has(c.sbi)));
  }
  for (const s of want) {
    if (!known.has(s)) sel.append(new Option(`${s} — (unknown code)`, s, false, true));
  }
  pendingSbi = [];
  updateFilterCount();
}

function fillForm(q) {
  $('postcode').value = q.postcode;
  picker.setSelected(q.dates);
  const r = Number(q.radius);
  $('radius').value = Number.isFinite(r) ? String(r) : '1';
  updateRadius();
  $('activity').value = q.activity.join(', ');
  pendingSbi = q.sbi;
  fillSbi([...$('sbi').options].map((o) => ({ sbi: o.value, label: o.textContent.replace(/^.*? — /, '') })));
}

function readForm() {
  return {
    postcode: $('postcode').value.trim(),
    dates: picker.selected(),
    radius: $('radius').value,
    sbi: [...$('sbi').selectedOptions].map((o) => o.value),
    activity: splitList($('activity').value),
  };
}

function formError(message) {
  $('form-error').textContent = message;
  $('form-error').hidden = !message;
}

// ------------------------------------------------------------------ API key

function showKey(reason) {
  $('apikey').hidden = false;
  $('apikey-reason').textContent = reason;
  $('apikey-input').focus();
}

async function useKey(evt) {
  evt.preventDefault();
  const key = $('apikey-input').value.trim();
  if (!key) return;
  setApiKey(key);
  $('apikey-input').value = '';
  $('apikey').hidden = true;
  $('error').hidden = true;
  setState('loading', 'Loading…');
  const ok = await loadReference();
  if (ok && current) run(current);
}

// ------------------------------------------------------------------ loading

async function loadReference() {
  try {
    const [dates, sbi, settings] = await Promise.all([getJson('/api/dates'), getJson('/api/sbi'),
      getJson('/api/settings')]);
    fmt.setMaxMarginShare(settings.max_margin_share);
    picker.setPublished(dates);
    fillSbi(sbi);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showKey(e.message);
      setState('auth', 'API key required');
    } else {
      showError(e, 'Published dates could not be loaded');
    }
    return false;
  }
}

async function run(q) {
  current = q;
  history.replaceState(null, '', toSearch(q));
  const mine = ++seq;
  setState('loading', 'Loading…');
  $('error').hidden = true;
  try {
    const answer = await getJson(areaPath(q));
    if (mine === seq) showAnswer(answer);
  } catch (e) {
    if (mine !== seq) return;
    if (e instanceof ApiError && e.status === 401) {
      showKey(e.message);
      setState('auth', 'API key required');
    } else {
      showError(e);
    }
  }
}

function showError(e, title) {
  $('intro').hidden = true;
  $('answer').hidden = true;
  $('missing').hidden = true;
  $('empty').hidden = true;
  const status = e instanceof ApiError ? e.status : 0;
  $('error-title').textContent = title || TITLES[status] || `The service answered ${status}`;
  $('error-text').textContent = e instanceof ApiError ? e.message : String(e);
  $('error').dataset.status = String(status);
  $('error').hidden = false;
  setState('error', status ? `Error ${status}` : 'Error');
}

function showAnswer(a) {
  $('intro').hidden = true;
  $('error').hidden = true;
  const missing = a.missing_dates;
  $('missing-text').textContent = missing.length ? `not published: ${missing.join(', ')}` : '';
  $('missing').hidden = missing.length === 0;
  const published = a.dates.length - missing.length;
  const empty = a.points.length === 0 && a.stats.length === 0;
  $('empty-text').textContent = published === 0
    ? 'None of the selected dates is published.'
    : 'Nothing was published for this area on the selected dates.';
  $('empty').hidden = !empty;
  $('answer').hidden = empty;
  if (!empty) {
    renderNotes(a, published);
    renderKpis(a, published);
    $('map-legend').innerHTML = legendHtml();
    renderMap($('map'), a);
    renderTimeline($('timeline'), a);
    table.render(a);
    placeName(a.postcode);
  }
  setState(empty ? 'empty' : 'ready',
    `${a.postcode} · ${fmt.km(a.radius_km)} · ${published} of ${a.dates.length} date${a.dates.length === 1 ? '' : 's'}`);
}

/** What the figures guarantee (the answer's privacy) and where a part comes from the CELL level. */
function renderNotes(a, published) {
  const p = a.privacy;
  const share = fmt.share(fmt.marginShare());
  const note = $('privacy-note');
  if (p && p.epsilon !== null) {
    note.textContent = `Differential privacy per ${p.unit}, ε = ${fmt.epsilon(p.epsilon)} per day `
      + `(δ = ${fmt.delta(p.delta)}); every figure ± its 95% margin of error; the answer over ${published} `
      + `date${published === 1 ? '' : 's'} is at most ε = ${fmt.epsilon(p.epsilon_over_dates)}. `
      + `A figure whose margin is more than ${share} of it is shown as “${fmt.TOO_FEW}”. `
      + 'Margins cover the noise; the per-person limits leave out about 1% of events besides.';
  } else {
    note.textContent = 'No privacy guarantee is recorded for the selected dates.';
  }
  const levels = a.levels || {};
  const level = $('level-note');
  if (levels.totals === 'cell') {
    level.textContent = 'Filtered by activity: only cells with many users are released, figures are lower bounds.';
  } else if (levels.timeline === 'cell') {
    level.textContent = 'Filtered by industry: the per-hour figures come from cells, of which only those with many '
      + 'users are released, so they are lower bounds; the totals, map and table are complete.';
  }
  level.hidden = levels.totals !== 'cell' && levels.timeline !== 'cell';
}

function renderKpis(a, published) {
  const t = a.totals;
  const kpi = (id, label, value, sub, cls = '') => `<div class="kpi" data-kpi="${id}"><div class="k-label">${label}</div>`
    + `<div class="k-value ${cls}">${value}</div><div class="k-sub">${sub}</div></div>`;
  const shown = t.delta !== null && fmt.reliable(t.total, t.total_moe) && fmt.reliable(t.delta, t.delta_moe);
  const change = shown ? t.percentage : null;
  const deltaSub = t.delta === null
    ? (t.delta_reason === 'not_published' ? 'no published date' : 'no baseline for every date')
    : 'same days, 7 days earlier';
  $('kpis').innerHTML = [
    kpi('center', 'Centre', fmt.escapeHtml(a.postcode), `<span id="place-name">${a.center.lat.toFixed(4)}, ${a.center.lon.toFixed(4)}</span>`),
    kpi('total', 'Hits', fmt.figureHtml(t.total, t.total_moe), `${published} published day${published === 1 ? '' : 's'}`),
    kpi('delta', 'Week before', fmt.figureHtml(t.delta, t.delta_moe), deltaSub),
    kpi('percentage', 'Change', fmt.pct(change),
      shown ? `${fmt.signedInt(t.total - t.delta)} ${fmt.margin(fmt.differenceMoe(t.total_moe, t.delta_moe))} hits` : '—',
      fmt.trend(change)),
    kpi('area', 'Postcodes in area', fmt.int(a.postcodes.length), `${a.points.length} with values · ${fmt.km(a.radius_km)}`),
  ].join('');
}

async function placeName(pc) {
  try {
    const info = await getJson(`/api/postcodes/${encodeURIComponent(pc)}`);
    const el = $('place-name');
    if (el && info && info.name) el.textContent = info.name;
  } catch {
    // the coordinates stay; the name is decoration
  }
}

// ------------------------------------------------------------------ start

function submit(evt) {
  evt.preventDefault();
  const q = readForm();
  if (!q.postcode) return formError('Enter a postcode, e.g. 1012 or 1012 AB.');
  if (q.dates.length === 0) return formError('Pick at least one published date.');
  formError('');
  run(q);
}

async function start() {
  const q = parseQuery(location.search);
  fillForm(q);
  $('query').addEventListener('submit', submit);
  $('apikey').addEventListener('submit', useKey);
  $('radius').addEventListener('input', updateRadius);
  $('sbi').addEventListener('change', updateFilterCount);
  $('activity').addEventListener('input', updateFilterCount);
  $('dates-latest').addEventListener('click', () => picker.lastPublished(1));
  $('dates-last7').addEventListener('click', () => picker.lastPublished(7));
  $('dates-clear').addEventListener('click', () => picker.setSelected([]));
  const ok = await loadReference();
  if (ok && q.dates.length === 0) picker.lastPublished(1);
  if (q.postcode && q.dates.length) {
    await run(q);
  } else if (ok) {
    setState('idle');
  }
}

start();
