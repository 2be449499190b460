// One floating tooltip for the map and the timeline.
const tip = () => document.getElementById('tooltip');

export function showTip(evt, html) {
  const t = tip();
  t.innerHTML = html;
  t.hidden = false;
  const pad = 14;
  const w = t.offsetWidth;
  const h = t.offsetHeight;
  let x = evt.clientX + pad;
  let y = evt.clientY + pad;
  if (x + w > window.innerWidth - 4) x = evt.clientX - w - pad;
  if (y + h > window.innerHeight - 4) y = evt.clientY - h - pad;
  t.style.left = `${x}px`;
  t.style.top = `${y}px`;
}

export function hideTip() {
  tip().hidden = true;
}
