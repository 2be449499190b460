// The SBI table: one row per `stats` entry, sortable by any column, totals row from `totals`.
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
      ...s,
      change: s.delta === null ? null : s.total - s.delta,
      share: sum > 0 ? s.total / sum : 0,
    }));
    this.totals = answer.totals;
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
      numCells(tr, r.total, r.delta, r.change, r.percentage);
      const share = cell(tr, 'share', '', r.share, 'num');
      share.innerHTML = `<div class="share"><span>${fmt.pct(r.share).replace('+', '')}</span>`
        + `<div class="bar"><span style="width:${(r.share * 100).toFixed(1)}%"></span></div></div>`;
    }
    const foot = t.createTFoot().insertRow();
    foot.dataset.sbi = 'totals';
    cell(foot, 'sbi', '', '', '');
    cell(foot, 'label', 'Total', '', '');
    const tt = this.totals;
    numCells(foot, tt.total, tt.delta, tt.delta === null ? null : tt.total - tt.delta, tt.percentage);
    cell(foot, 'share', '', '', 'num');
  }
}

/** Ties break by code as the API orders them (plain string order), whatever the direction. */
const byCode = (a, b) => (a.sbi < b.sbi ? -1 : a.sbi > b.sbi ? 1 : 0);

function numCells(tr, total, delta, change, percentage) {
  cell(tr, 'total', fmt.int(total), total, 'num');
  cell(tr, 'delta', fmt.int(delta), delta, 'num');
  cell(tr, 'change', fmt.signedInt(change), change, `num ${fmt.trend(change)}`);
  const p = cell(tr, 'percentage', fmt.pct(percentage), percentage, `num ${fmt.trend(percentage)}`);
  if (delta === null) p.title = 'No baseline: a selected date has no published day a week before';
}

function cell(tr, key, content, value, cls) {
  const td = tr.insertCell();
  td.dataset.key = key;
  td.dataset.value = value === null || value === undefined ? '' : String(value);
  if (cls) td.className = cls;
  td.textContent = content;
  return td;
}
