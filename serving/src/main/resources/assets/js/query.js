// The query, and its reflection in the page URL: /?postcode=P&dates=D1;D2&radius=R[&sbi=..][&activity=..]
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseQuery(search) {
  const p = new URLSearchParams(search);
  const dates = [...new Set((p.get('dates') || '').split(/[;,]/).map((s) => s.trim()).filter(Boolean))].sort();
  const radius = (p.get('radius') || '').trim();
  return {
    postcode: (p.get('postcode') || '').trim(),
    dates,
    radius: radius === '' ? '1' : radius,
    sbi: p.getAll('sbi').filter(Boolean),
    activity: p.getAll('activity').filter(Boolean),
  };
}

export function toSearch(q) {
  const enc = encodeURIComponent;
  const parts = [`postcode=${enc(q.postcode)}`, `dates=${q.dates.map(enc).join(';')}`, `radius=${enc(q.radius)}`];
  q.sbi.forEach((s) => parts.push(`sbi=${enc(s)}`));
  q.activity.forEach((a) => parts.push(`activity=${enc(a)}`));
  return `?${parts.join('&')}`;
}

export const isDate = (s) => DATE.test(s);
