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
