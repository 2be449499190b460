// The timeline: hits and the week-before hits (delta) per hour across the selected dates, the
// hits with a band of their 95% margin. An hour whose hits are too few to show reliably
// (format.reliable) is a hatched slot and breaks the line; so does its week-before.
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
  const ok = rows.map((r) => fmt.reliable(r.hits, r.hits_moe));
  const okDelta = rows.map((r) => fmt.reliable(r.delta, r.delta_moe));
  const max = Math.max(1, ...rows.map((r, i) => Math.max(ok[i] ? r.hits + r.hits_moe : 0, okDelta[i] ? r.delta : 0)));
  const step = Math.max(1, niceStep(max, 5)); // whole hits: no 0.2 steps on a near-empty chart
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

  // too few to show: a hatched slot behind the lines
  svg.append(el('defs', {}, [el('pattern', {
    id: 'too-few-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)',
  }, [el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#c3cad3', 'stroke-width': 2 })])]));
  const hatches = el('g', { class: 'too-few-slots' });
  rows.forEach((r, i) => {
    if (!ok[i]) {
      hatches.append(el('rect', {
        class: 'too-few', x: M.left + i * bw, y: M.top, width: bw, height: ih, fill: 'url(#too-few-hatch)',
        'data-date': r.date, 'data-hour': r.hour,
      }));
    }
  });
  svg.append(hatches);

  // hits: margin band + line, delta: dashed line; each broken where its figure cannot be shown
  // (no baseline, or too few to show reliably)
  const runs = (shown) => {
    const out = [];
    let run = [];
    rows.forEach((r, i) => {
      if (shown[i]) {
        run.push(i);
      } else if (run.length) {
        out.push(run);
        run = [];
      }
    });
    if (run.length) out.push(run);
    return out;
  };
  const band = el('g', { class: 'moe-band' });
  const line = (pts, v) => pts.map((i) => `${x(i).toFixed(1)},${y(v(i)).toFixed(1)}`).join(' L');
  let hitsD = '';
  for (const run of runs(ok)) {
    const upper = line(run, (i) => rows[i].hits + rows[i].hits_moe);
    const lower = line([...run].reverse(), (i) => Math.max(0, rows[i].hits - rows[i].hits_moe));
    band.append(el('path', { d: `M${upper} L${lower} Z`, fill: 'rgba(47,111,214,0.16)', stroke: 'none' }));
    hitsD += `M${line(run, (i) => rows[i].hits)} `;
  }
  svg.append(band);
  let deltaD = '';
  for (const run of runs(okDelta)) {
    deltaD += `M${line(run, (i) => rows[i].delta)} `;
  }
  if (deltaD) {
    svg.append(el('path', { class: 'delta-line', d: deltaD, fill: 'none', stroke: '#8a94a3', 'stroke-width': 1.6, 'stroke-dasharray': '5 4' }));
  }
  if (hitsD) {
    svg.append(el('path', { class: 'hits-line', d: hitsD, fill: 'none', stroke: '#2f6fd6', 'stroke-width': 2, 'stroke-linejoin': 'round' }));
  }

  // hover: one transparent slot per hour
  const guide = el('line', { y1: M.top, y2: M.top + ih, stroke: '#14263d', 'stroke-opacity': 0.35, visibility: 'hidden' });
  svg.append(guide);
  const slots = el('g', { class: 'slots' });
  rows.forEach((r, i) => {
    const when = `${r.date} ${String(r.hour).padStart(2, '0')}:00`;
    const title = `${when} — ${ok[i] ? `${fmt.figure(r.hits, r.hits_moe)} hits` : `hits ${fmt.TOO_FEW}`}, `
      + `week before ${fmt.figure(r.delta, r.delta_moe)}`;
    const slot = el('rect', {
      class: 'slot', x: M.left + i * bw, y: M.top, width: bw, height: ih, fill: 'transparent',
      'data-date': r.date, 'data-hour': r.hour, 'data-hits': r.hits, 'data-moe': r.hits_moe,
      'data-reliable': String(ok[i]),
    }, [el('title', {}, [title])]);
    slot.addEventListener('mousemove', (evt) => {
      guide.setAttribute('x1', x(i));
      guide.setAttribute('x2', x(i));
      guide.setAttribute('visibility', 'visible');
      const change = ok[i] && okDelta[i] && r.delta ? (r.hits - r.delta) / r.delta : null;
      showTip(evt, `<b>${fmt.day(r.date)}, ${String(r.hour).padStart(2, '0')}:00</b>`
        + `<br>Hits: ${fmt.figureHtml(r.hits, r.hits_moe)}`
        + `<br>Week before: ${fmt.figureHtml(r.delta, r.delta_moe)}<br>Change: ${fmt.pct(change)}`);
    });
    slot.addEventListener('mouseleave', () => { guide.setAttribute('visibility', 'hidden'); hideTip(); });
    slots.append(slot);
  });
  svg.append(slots);
}
