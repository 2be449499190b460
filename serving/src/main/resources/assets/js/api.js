// Talks to the service's /api. Every request carries the API key kept in sessionStorage, if any.
const KEY_STORE = 'datapoints.apiKey';

/** An answer other than 2xx; `message` is the API's JSON message (docs/api.md §4 error body). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORE) || '';
  } catch {
    return '';
  }
}

export function setApiKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_STORE, key);
    else sessionStorage.removeItem(KEY_STORE);
  } catch {
    // storage disabled: the key lives only as long as this page
  }
}

export async function getJson(path) {
  const headers = { Accept: 'application/json' };
  const key = apiKey();
  if (key) headers['X-Api-Key'] = key;
  let res;
  try {
    res = await fetch(path, { headers, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'The service cannot be reached. Check that it is running and try again.');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const message = body && typeof body.message === 'string' ? body.message : `HTTP ${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return body;
}

/** The area query path: /api/{postcode}/{d1%3Bd2}/{radius}?sbi=..&activity=.. */
export function areaPath(q) {
  const dates = q.dates.map(encodeURIComponent).join('%3B');
  const path = `/api/${encodeURIComponent(q.postcode)}/${dates}/${encodeURIComponent(q.radius)}`;
  const params = new URLSearchParams();
  q.sbi.forEach((s) => params.append('sbi', s));
  q.activity.forEach((a) => params.append('activity', a));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
