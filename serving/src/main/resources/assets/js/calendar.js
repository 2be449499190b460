// The date picker: a month grid where only published dates (GET /api/dates) can be picked.
// Dates that came in through the URL but are not published stay selected, marked as such,
// so the answer's missing_dates can be seen and the date removed again.
import * as fmt from './format.js';

const MAX_DATES = 31;
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DOW = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

const monthOf = (iso) => iso.slice(0, 7);
const list = (map) => [...map.values()];
function shiftMonth(ym, n) {
  const d = new Date(`${ym}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

export class DatePicker {
  constructor(grid, chips, count) {
    this.grid = grid;
    this.chips = chips;
    this.count = count;
    this.published = new Map(); // date → PublishedDate
    this.chosen = new Set();
    this.month = null;
    this.note = '';
  }

  setPublished(list) {
    this.published = new Map(list.map((d) => [d.date, d]));
    if (!this.month) this.month = monthOf(this.latest() || new Date().toISOString());
    this.draw();
  }

  setSelected(dates) {
    this.chosen = new Set(dates);
    const last = [...this.chosen].sort().pop();
    if (last) this.month = monthOf(last);
    this.note = '';
    this.draw();
  }

  selected() {
    return [...this.chosen].sort();
  }

  latest() {
    return [...this.published.keys()].sort().pop();
  }

  lastPublished(n) {
    this.setSelected([...this.published.keys()].sort().slice(-n));
  }

  toggle(date) {
    if (this.chosen.has(date)) {
      this.chosen.delete(date);
      this.note = '';
    } else if (this.chosen.size >= MAX_DATES) {
      this.note = `at most ${MAX_DATES} dates`;
    } else {
      this.chosen.add(date);
      this.note = '';
    }
    this.draw();
  }

  bounds() {
    const all = [...this.published.keys(), ...this.chosen].sort();
    if (all.length === 0) return [this.month, this.month];
    return [monthOf(all[0]), monthOf(all[all.length - 1])];
  }

  draw() {
    const [lo, hi] = this.bounds();
    if (!this.month) this.month = hi;
    const g = this.grid;
    g.replaceChildren();
    const head = document.createElement('div');
    head.className = 'cal-head';
    const prev = navButton('‹', 'Previous month', this.month <= lo, () => { this.month = shiftMonth(this.month, -1); this.draw(); });
    const next = navButton('›', 'Next month', this.month >= hi, () => { this.month = shiftMonth(this.month, 1); this.draw(); });
    const title = document.createElement('span');
    title.textContent = MONTH.format(new Date(`${this.month}-01T00:00:00Z`));
    head.append(prev, title, next);
    g.append(head);

    const days = document.createElement('div');
    days.className = 'cal-grid';
    DOW.forEach((d) => {
      const s = document.createElement('span');
      s.className = 'cal-dow';
      s.textContent = d;
      days.append(s);
    });
    const first = new Date(`${this.month}-01T00:00:00Z`);
    const offset = (first.getUTCDay() + 6) % 7;
    for (let i = 0; i < offset; i++) days.append(document.createElement('span'));
    for (const d = new Date(first); d.getUTCMonth() === first.getUTCMonth(); d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      const pub = this.published.get(iso);
      const sel = this.chosen.has(iso);
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'cal-day';
      b.dataset.date = iso;
      b.textContent = String(d.getUTCDate());
      if (pub) b.classList.add('published');
      if (pub && pub.baseline_missing) b.classList.add('nobaseline');
      if (sel) b.classList.add('selected');
      if (sel && !pub) b.classList.add('unpublished');
      b.setAttribute('aria-pressed', String(sel));
      b.disabled = !pub && !sel;
      b.title = pub
        ? `${iso}: ${fmt.int(pub.hits)} hits published${pub.baseline_missing ? ' (no baseline a week before)' : ''}`
        : `${iso}: not published`;
      b.addEventListener('click', () => this.toggle(iso));
      days.append(b);
    }
    g.append(days);
    if (this.published.size === 0) {
      const empty = document.createElement('div');
      empty.className = 'cal-note';
      empty.textContent = 'No dates are published yet.';
      g.append(empty);
    } else {
      const note = document.createElement('div');
      note.className = 'cal-note';
      const keys = [...this.published.keys()].sort();
      note.textContent = `${keys.length} published: ${keys[0]} … ${keys[keys.length - 1]}`
        + (list(this.published).some((d) => d.baseline_missing) ? ' · dot = no week-before baseline' : '');
      g.append(note);
    }
    this.drawChips();
  }

  drawChips() {
    this.chips.replaceChildren();
    for (const iso of this.selected()) {
      const chip = document.createElement('span');
      chip.className = 'date-chip';
      chip.dataset.date = iso;
      if (!this.published.has(iso)) {
        chip.classList.add('unpublished');
        chip.title = 'not published';
      }
      chip.append(iso);
      const x = document.createElement('button');
      x.type = 'button';
      x.setAttribute('aria-label', `Remove ${iso}`);
      x.textContent = '×';
      x.addEventListener('click', () => this.toggle(iso));
      chip.append(x);
      this.chips.append(chip);
    }
    const n = this.chosen.size;
    this.count.textContent = (n === 0 ? 'none selected' : `${n} selected`) + (this.note ? ` — ${this.note}` : '');
  }
}

function navButton(label, aria, disabled, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.setAttribute('aria-label', aria);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}
