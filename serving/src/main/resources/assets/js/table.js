// The SBI table: one row per `stats` entry, sortable by any column, totals row from `totals`.
// Hits and week-before show their 95% margin; a figure too noisy to show (format.reliable) reads
// "too few to show reliably", and the change and share derived from it are not shown either.
import * as fmt from './format.js';

const COLUMNS = [
  { key: 'sbi', title: 'SBI', type: 'text' },
  { key: 'label', title: 'Industry', type: 'text' },
  { key: 'total', title: 'Hits', type: 'num' },
  { key: 'delta', title: 'Week before', type: 'num' },
  { key: 'change', title: 'Change', type: 'num' },
  { key: 'percentage', title: 'Change %', type: 'num' },
  { key: 'share', title: 'Share of hits', type: 'num' },
];

export class StatsTable {
  constructor(table, counter) {
    this.table = table;
    this.counter = counter;
    this.sort = { key: 'total', dir: 'desc' };
    this.rows = [];
    this.totals = null;
  }

  render(answer) {
    const sum = answer.totals.total;
    this.rows = answer.stats.map((s) => ({
      ...derived(s),
      share: sum > 0 && fmt.reliable(s.total, s.total_moe) ? s.total / sum : null,
    }));
    this.totals = derived(answer.totals);
    this.counter.textContent = `${this.rows.length} ${this.rows.length === 1 ? 'industry' : 'industries'}`;
    this.draw();
  }

  sortBy(key) {
    const col = COLUMNS.find((c) => c.key === key);
    this.sort = this.sort.key === key
      ? { key, dir: this.sort.dir === 'asc' ? 'desc' : 'asc' }
      : { key, dir: col.type === 'num' ? 'desc' : 'asc' };
    this.draw();
  }

  sorted() {
    const { key, dir } = this.sort;
    const sign = dir === 'asc' ? 1 : -1;
    return [...this.rows].sort((a, b) => {
      const va = a[key];
      const vb = b[key];
      if (va === null && vb === null) return byCode(a, b);
      if (va === null) return 1; // no value sorts last either way
      if (vb === null) return -1;
      const c = typeof va === 'number' ? va - vb : String(va).localeCompare(String(vb), 'en', { numeric: true });
      return c !== 0 ? sign * c : byCode(a, b);
    });
  }

  draw() {
    const t = this.table;
    t.replaceChildren();
    const head = t.createTHead().insertRow();
    for (const c of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.key = c.key;
      if (c.type === 'num') th.className = 'num';
      th.setAttribute('aria-sort', this.sort.key === c.key ? (this.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.title;
      b.addEventListener('click', () => this.sortBy(c.key));
      th.append(b);
      head.append(th);
    }
    const body = t.createTBody();
    for (const r of this.sorted()) {
      const tr = body.insertRow();
      tr.dataset.sbi = r.sbi;
      cell(tr, 'sbi', r.sbi, r.sbi, 'sbi-code');
      cell(tr, 'label', r.label, r.label, 'label-cell');
      numCells(tr, r);
      const share = cell(tr, 'share', fmt.DASH, r.share, 'num');
      if (r.share !== null) {
        share.innerHTML = `<div class="share"><span>${fmt.pct(r.share).replace('+', '')}</span>`
          + `<div class="bar"><span style="width:${(Math.min(1, r.share) * 100).toFixed(1)}%"></span></div></div>`;
      }
    }
    const foot = t.createTFoot().insertRow();
    foot.dataset.sbi = 'totals';
    cell(foot, 'sbi', '', '', '');
    cell(foot, 'label', 'Total', '', '');
    numCells(foot, this.totals);
    cell(foot, 'share', '', '', 'num');
  }
}

/** Ties break by code as the API orders them (plain string order), whatever the direction. */
const byCode = (a, b) => (a.sbi < b.sbi ? -1 : a.sbi > b.sbi ? 1 : 0);

/**
 * A stats entry or the totals with what the table derives: the change in hits and its margin,
 * and the percentage, only when both figures can be shown (else null, shown as "—").
 */
function derived(s) {
  const shown = s.delta !== null && fmt.reliable(s.total, s.total_moe) && fmt.reliable(s.delta, s.delta_moe);
  return {
    ...s,
    change: shown ? s.total - s.delta : null,
    change_moe: shown ? fmt.differenceMoe(s.total_moe, s.delta_moe) : null,
    percentage: shown ? s.percentage : null,
  };
}

function figureCell(tr, key, value, moe) {
  const td = cell(tr, key, '', value, 'num');
  td.innerHTML = fmt.figureHtml(value, moe);
  td.dataset.moe = moe === null || moe === undefined ? '' : String(moe);
  td.dataset.reliable = String(fmt.reliable(value, moe));
  if (value !== null && !fmt.reliable(value, moe)) {
    td.classList.add('too-few');
    td.title = `Its 95% margin of error is more than ${fmt.share(fmt.marginShare())} of the figure`;
  }
  return td;
}

function numCells(tr, r) {
  figureCell(tr, 'total', r.total, r.total_moe);
  const d = figureCell(tr, 'delta', r.delta, r.delta_moe);
  if (r.delta === null) d.title = reasonText(r.delta_reason);
  const c = cell(tr, 'change', r.change === null ? fmt.DASH : `${fmt.signedInt(r.change)} ${fmt.margin(r.change_moe)}`,
    r.change, `num ${fmt.trend(r.change)}`);
  if (r.change !== null) c.dataset.moe = String(r.change_moe);
  const p = cell(tr, 'percentage', fmt.pct(r.percentage), r.percentage, `num ${fmt.trend(r.percentage)}`);
  if (r.delta === null) p.title = reasonText(r.delta_reason);
  else if (r.percentage === null) p.title = 'No change shown: a figure is too few to show reliably or the week before is 0';
}

/** Why a week-before figure is missing (the answer's delta_reason). */
export function reasonText(reason) {
  return reason === 'not_published' ? 'None of the selected dates is published'
    : 'No baseline: a selected date has no published day a week before';
}

function cell(tr, key, content, value, cls) {
  const td = tr.insertCell();
  td.dataset.key = key;
  td.dataset.value = value === null || value === undefined ? '' : String(value);
  if (cls) td.className = cls;
  td.textContent = content;
  return td;
}
