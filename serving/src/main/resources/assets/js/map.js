// The map: every postcode4 centroid of `points` at its position (equirectangular around the
// centre, longitudes scaled by cos(lat)), circle area ∝ hits, colour by week-over-week change.
// A point whose hits are too few to show reliably (format.reliable) is a small hollow, dashed
// mark: neither its size nor its colour says a number.
import { el, text, clear, niceStep } from './svg.js';
import * as fmt from './format.js';
import { showTip, hideTip } from './tooltip.js';

const W = 480;
const H = 380;
const PAD = 26;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32;
/** Changes beyond ±25 % get the end colours (week-over-week changes are rarely larger). */
const CLAMP = 0.25;
const STOPS = [[-1, [178, 24, 43]], [-0.5, [214, 96, 77]], [-0.15, [244, 200, 185]], [0, [247, 247, 247]], [0.15, [190, 215, 234]], [0.5, [67, 147, 195]], [1, [33, 102, 172]]];
export const NO_BASELINE = '#b9bec6';

/** Diverging colour for a change fraction; grey when there is no baseline. */
export function colour(p) {
  if (p === null || p === undefined) return NO_BASELINE;
  const t = Math.max(-1, Math.min(1, p / CLAMP));
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i];
    const [t0, c0] = STOPS[i - 1];
    if (t <= t1) {
      const f = (t - t0) / (t1 - t0);
      const c = c0.map((v, k) => Math.round(v + (c1[k] - v) * f));
      return `rgb(${c.join(',')})`;
    }
  }
  return 'rgb(33,102,172)';
}

export function legendHtml() {
  return `<span class="key"><span class="ramp"></span>&minus;25% … +25% vs week before</span>`
    + `<span class="key"><span class="swatch" style="background:${NO_BASELINE}"></span>no baseline</span>`
    + `<span class="key"><span class="swatch too-few"></span>${fmt.TOO_FEW}</span>`;
}

/** The change a point's colour shows: only when its hits and week-before can both be shown. */
function shownChange(p) {
  return fmt.reliable(p.hits, p.hits_moe) && fmt.reliable(p.delta, p.delta_moe) ? p.percentage : null;
}

function kmOffset(center, lat, lon) {
  const cos = Math.cos((center.lat * Math.PI) / 180);
  return [(lon - center.lon) * KM_PER_DEG_LON * cos, (lat - center.lat) * KM_PER_DEG_LAT];
}

export function renderMap(svg, answer) {
  clear(svg);
  const { center, points } = answer;
  const radius = answer.radius_km;
  const offsets = points.map((p) => kmOffset(center, p.lat, p.lon));
  const farthest = Math.max(0, ...offsets.map(([x, y]) => Math.hypot(x, y)));
  const extent = Math.max(radius, farthest, 0.25) * 1.08;
  const scale = (Math.min(W, H) / 2 - PAD) / extent; // px per km
  const cx = W / 2;
  const cy = H / 2;

  svg.append(el('rect', { x: 0, y: 0, width: W, height: H, fill: '#f8fafc', rx: 6 }));

  // km grid, so distances read without tiles
  const step = niceStep(extent, 3);
  const grid = el('g', { stroke: '#e6eaf0', 'stroke-width': 1 });
  for (let k = -Math.ceil(W / 2 / scale / step) * step; k * scale <= W / 2; k += step) {
    grid.append(el('line', { x1: cx + k * scale, y1: 0, x2: cx + k * scale, y2: H }));
  }
  for (let k = -Math.ceil(H / 2 / scale / step) * step; k * scale <= H / 2; k += step) {
    grid.append(el('line', { x1: 0, y1: cy + k * scale, x2: W, y2: cy + k * scale }));
  }
  svg.append(grid);

  if (radius > 0) {
    svg.append(el('circle', {
      class: 'radius', cx, cy, r: radius * scale, fill: 'rgba(31,95,191,0.05)',
      stroke: '#1f5fbf', 'stroke-width': 1.5, 'stroke-dasharray': '6 4',
    }));
    svg.append(text(cx, cy - radius * scale - 6, `${fmt.km(radius)} radius`, {
      'text-anchor': 'middle', 'font-size': 12, fill: '#1f5fbf',
    }));
  }

  const maxHits = Math.max(1, ...points.filter((p) => fmt.reliable(p.hits, p.hits_moe)).map((p) => p.hits));
  const maxR = Math.min(28, Math.max(10, 150 / Math.sqrt(Math.max(points.length, 1))));
  const marks = el('g', { class: 'marks' });
  const order = points.map((p, i) => i).sort((a, b) => points[b].hits - points[a].hits); // small on top
  const labels = points.length <= 60;
  for (const i of order) {
    const p = points[i];
    const [dx, dy] = offsets[i];
    const x = cx + dx * scale;
    const y = cy - dy * scale;
    const ok = fmt.reliable(p.hits, p.hits_moe);
    const r = ok ? Math.max(3, maxR * Math.sqrt(p.hits / maxHits)) : 4;
    const change = shownChange(p);
    const title = ok
      ? `${p.postcode}: ${fmt.figure(p.hits, p.hits_moe)} hits, week before ${fmt.figure(p.delta, p.delta_moe)}, ${fmt.pct(change)}`
      : `${p.postcode}: ${fmt.TOO_FEW}`;
    const g = el('g', {
      class: ok ? 'mark' : 'mark too-few', 'data-postcode': p.postcode, 'data-hits': p.hits, 'data-moe': p.hits_moe,
      'data-reliable': String(ok),
      'data-delta': p.delta === null ? '' : p.delta, 'data-percentage': p.percentage === null ? '' : p.percentage,
    }, [
      el('title', {}, [title]),
      ok
        ? el('circle', {
          cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: colour(change),
          'fill-opacity': 0.9, stroke: 'rgba(20,38,61,0.55)', 'stroke-width': 1,
        })
        : el('circle', {
          cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: '#ffffff', 'fill-opacity': 0.7,
          stroke: '#6b7684', 'stroke-width': 1.3, 'stroke-dasharray': '2 2',
        }),
    ]);
    if (labels) {
      g.append(text(x.toFixed(1), (y + r + 11).toFixed(1), p.postcode, {
        'text-anchor': 'middle', 'font-size': 11, fill: '#3b4654', 'paint-order': 'stroke',
        stroke: '#f8fafc', 'stroke-width': 3,
      }));
    }
    g.addEventListener('mousemove', (evt) => showTip(evt, tipHtml(p)));
    g.addEventListener('mouseleave', hideTip);
    marks.append(g);
  }
  svg.append(marks);

  // the centre
  svg.append(el('g', { class: 'center', stroke: '#14263d', 'stroke-width': 1.5 }, [
    el('line', { x1: cx - 7, y1: cy, x2: cx + 7, y2: cy }),
    el('line', { x1: cx, y1: cy - 7, x2: cx, y2: cy + 7 }),
  ]));

  // scale bar
  const barKm = niceStep(extent, 2);
  const barPx = barKm * scale;
  svg.append(el('g', { class: 'scalebar' }, [
    el('line', { x1: 16, y1: H - 16, x2: 16 + barPx, y2: H - 16, stroke: '#14263d', 'stroke-width': 2 }),
    el('line', { x1: 16, y1: H - 20, x2: 16, y2: H - 12, stroke: '#14263d', 'stroke-width': 2 }),
    el('line', { x1: 16 + barPx, y1: H - 20, x2: 16 + barPx, y2: H - 12, stroke: '#14263d', 'stroke-width': 2 }),
    text(16 + barPx / 2, H - 24, fmt.km(barKm), { 'text-anchor': 'middle', 'font-size': 12, fill: '#14263d' }),
  ]));
  svg.append(text(W - 12, H - 12, `${points.length} postcode areas with released values`, {
    'text-anchor': 'end', 'font-size': 12, fill: '#5f6b7a',
  }));
}

function tipHtml(p) {
  const change = shownChange(p);
  const cls = fmt.trend(change);
  return `<b>${fmt.escapeHtml(p.postcode)}</b><br>Hits: ${fmt.figureHtml(p.hits, p.hits_moe)}`
    + `<br>Week before: ${fmt.figureHtml(p.delta, p.delta_moe)}`
    + `<br>Change: <span class="${cls}">${fmt.pct(change)}</span>`;
}
