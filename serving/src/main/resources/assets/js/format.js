// Number formatting shared by every view: thousands separators, percentages with a sign.
const INT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const PCT = new Intl.NumberFormat('en-GB', {
  style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero',
});
const KM = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
export const DASH = '—';

export const int = (v) => (v === null || v === undefined ? DASH : INT.format(v));
export const signedInt = (v) => (v === null || v === undefined ? DASH : (v > 0 ? '+' : '') + INT.format(v));
export const pct = (v) => (v === null || v === undefined ? DASH : PCT.format(v));
export const km = (v) => `${KM.format(v)} km`;

/** 'up' / 'down' / '' — for colouring a change. */
export const trend = (v) => (v === null || v === undefined || v === 0 ? '' : v > 0 ? 'up' : 'down');

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
export const day = (iso) => DAY.format(new Date(`${iso}T00:00:00Z`));
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
/** "Thu 19": for axes where a whole "Thu 19 Nov" does not fit. */
export const shortDay = (iso) => SHORT_DAY.format(new Date(`${iso}T00:00:00Z`));

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ------------------------------------------------------------------ released figures
// Every figure of the answer is a sum of noisy released values with a 95% margin of error. A
// figure whose margin exceeds `maxMarginShare` of its value (GET /api/settings) is not shown as
// a number: it is "too few to show reliably".
export const TOO_FEW = 'too few to show reliably';
let maxMarginShare = 0.5;

export function setMaxMarginShare(v) {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) maxMarginShare = v;
}

export const marginShare = () => maxMarginShare;

const SHARE = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
/** A share as the notes say it: "50%", "12.5%". */
export const share = (v) => SHARE.format(v);

/** Whether a figure with this margin can be shown: its margin is at most the share of its value. */
export const reliable = (value, moe) => value !== null && value !== undefined && !(moe > maxMarginShare * value);

/** "± 1,234" */
export const margin = (moe) => `± ${INT.format(moe)}`;

/** A figure as text: "12,345 ± 120", "too few to show reliably", or "—" when there is none. */
export function figure(value, moe) {
  if (value === null || value === undefined) return DASH;
  return reliable(value, moe) ? `${INT.format(value)} ${margin(moe)}` : TOO_FEW;
}

/** The same as HTML, the margin in a span of its own (class "moe"), the too-few text in class "too-few". */
export function figureHtml(value, moe) {
  if (value === null || value === undefined) return DASH;
  return reliable(value, moe) ? `${INT.format(value)} <span class="moe">${margin(moe)}</span>`
    : `<span class="too-few">${TOO_FEW}</span>`;
}

/**
 * The margin of a difference of two figures with independent noise (a date and the date a
 * week before are released with separate draws): √(m₁² + m₂²), rounded up.
 */
export const differenceMoe = (m1, m2) => Math.ceil(Math.hypot(m1, m2));

/** ε and δ as the note shows them: "1.0", "0.35"; "1e-8". */
export const epsilon = (v) => (Number.isInteger(v) ? v.toFixed(1) : String(Number(v.toPrecision(6))));
export const delta = (v) => (v === 0 ? '0' : v < 1e-3 ? v.toExponential() : String(v));
