// The timeline: hits and the week-before hits (delta) per hour across the selected dates.
import { el, text, clear, niceStep } from './svg.js';
import * as fmt from './format.js';
import { showTip, hideTip } from './tooltip.js';

const W = 480;
const H = 380;
const M = { left: 50, right: 10, top: 14, bottom: 46 };

export function renderTimeline(svg, answer) {
  clear(svg);
  const rows = answer.timeline;
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  if (rows.length === 0) {
    svg.append(text(W / 2, H / 2, 'No published dates selected', { 'text-anchor': 'middle', fill: '#5f6b7a' }));
    return;
  }
  const max = Math.max(1, ...rows.map((r) => Math.max(r.hits, r.delta ?? 0)));
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  const bw = iw / rows.length;
  const x = (i) => M.left + (i + 0.5) * bw;
  const y = (v) => M.top + ih - (v / top) * ih;

  const axis = el('g', { class: 'y-axis', 'font-size': 12, fill: '#5f6b7a' });
  for (let v = 0; v <= top + step / 2; v += step) {
    axis.append(el('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), stroke: v === 0 ? '#b8c1cc' : '#edf0f4' }));
    axis.append(text(M.left - 8, y(v) + 4, fmt.int(v), { 'text-anchor': 'end' }));
  }
  svg.append(axis);

  // date bands and hour ticks
  const days = [...new Set(rows.map((r) => r.date))];
  const xAxis = el('g', { class: 'x-axis', 'font-size': 12, fill: '#5f6b7a' });
  const hourTicks = days.length <= 2 ? [0, 6, 12, 18] : days.length <= 5 ? [0, 12] : [];
  // Day labels must not overlap: full ("Thu 19 Nov", ~75 px), short ("Thu 19", ~45 px), or every n-th.
  const perDay = iw / Math.max(1, days.length);
  const dayLabel = perDay >= 80 ? fmt.day : fmt.shortDay;
  const labelEvery = Math.max(1, Math.ceil(48 / perDay));
  rows.forEach((r, i) => {
    if (r.hour === 0 && i > 0) {
      xAxis.append(el('line', { x1: M.left + i * bw, x2: M.left + i * bw, y1: M.top, y2: M.top + ih, stroke: '#d5dbe3', 'stroke-dasharray': '3 3' }));
    }
    if (hourTicks.includes(r.hour)) {
      xAxis.append(el('line', { x1: x(i), x2: x(i), y1: M.top + ih, y2: M.top + ih + 4, stroke: '#b8c1cc' }));
      xAxis.append(text(x(i), M.top + ih + 16, `${String(r.hour).padStart(2, '0')}h`, { 'text-anchor': 'middle' }));
    }
  });
  days.forEach((d, k) => {
    if (k % labelEvery !== 0) return;
    const first = rows.findIndex((r) => r.date === d);
    const last = rows.length - 1 - [...rows].reverse().findIndex((r) => r.date === d);
    xAxis.append(text((x(first) + x(last)) / 2, M.top + ih + 36, dayLabel(d), { 'text-anchor': 'middle', 'font-weight': 600, fill: '#3b4654' }));
  });
  svg.append(xAxis);

  // hits: area + line; delta: dashed line, broken where a date has no baseline
  const hitsPts = rows.map((r, i) => `${x(i).toFixed(1)},${y(r.hits).toFixed(1)}`);
  svg.append(el('path', {
    d: `M${x(0).toFixed(1)},${y(0)} L${hitsPts.join(' L')} L${x(rows.length - 1).toFixed(1)},${y(0)} Z`,
    fill: 'rgba(47,111,214,0.12)', stroke: 'none',
  }));
  let deltaD = '';
  let pen = false;
  rows.forEach((r, i) => {
    if (r.delta === null) { pen = false; return; }
    deltaD += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(r.delta).toFixed(1)} `;
    pen = true;
  });
  if (deltaD) {
    svg.append(el('path', { class: 'delta-line', d: deltaD, fill: 'none', stroke: '#8a94a3', 'stroke-width': 1.6, 'stroke-dasharray': '5 4' }));
  }
  svg.append(el('path', { class: 'hits-line', d: `M${hitsPts.join(' L')}`, fill: 'none', stroke: '#2f6fd6', 'stroke-width': 2, 'stroke-linejoin': 'round' }));

  // hover: one transparent slot per hour
  const guide = el('line', { y1: M.top, y2: M.top + ih, stroke: '#14263d', 'stroke-opacity': 0.35, visibility: 'hidden' });
  svg.append(guide);
  const slots = el('g', { class: 'slots' });
  rows.forEach((r, i) => {
    const title = `${r.date} ${String(r.hour).padStart(2, '0')}:00 — ${fmt.int(r.hits)} hits, week before ${fmt.int(r.delta)}`;
    const slot = el('rect', {
      class: 'slot', x: M.left + i * bw, y: M.top, width: bw, height: ih, fill: 'transparent',
      'data-date': r.date, 'data-hour': r.hour, 'data-hits': r.hits,
    }, [el('title', {}, [title])]);
    slot.addEventListener('mousemove', (evt) => {
      guide.setAttribute('x1', x(i));
      guide.setAttribute('x2', x(i));
      guide.setAttribute('visibility', 'visible');
      const change = r.delta ? (r.hits - r.delta) / r.delta : null;
      showTip(evt, `<b>${fmt.day(r.date)}, ${String(r.hour).padStart(2, '0')}:00</b><br>Hits: ${fmt.int(r.hits)}`
        + `<br>Week before: ${fmt.int(r.delta)}<br>Change: ${fmt.pct(change)}`);
    });
    slot.addEventListener('mouseleave', () => { guide.setAttribute('visibility', 'hidden'); hideTip(); });
    slots.append(slot);
  });
  svg.append(slots);
}
