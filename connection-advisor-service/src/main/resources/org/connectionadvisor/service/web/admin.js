// The admin page: asks for the token (kept in sessionStorage, never in the URL or localStorage), then draws
// GET /api/admin/outcomes: the fix rate per row as inline SVG bars, the rows that never fixed anything, and the
// unresolved cases, each exportable as a facts sample (GET /api/admin/outcomes/cases/{key}/sample).
'use strict';

const TOKEN_KEY = 'connection-advisor-admin-token';
const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, String(value)));
  if (text !== undefined) node.textContent = text;
  return node;
}

async function admin(path) {
  return fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) } });
}

function percent(rate) {
  return Math.round(rate * 100) + '%';
}

// One bar per row: its label, a track for 100 %, the bar for the fix rate, and the counts.
function chart(rows) {
  const label = 260;
  const width = 520;
  const height = 28;
  const figure = svg('svg', { viewBox: '0 0 ' + (label + width + 130) + ' ' + Math.max(1, rows.length) * height,
    role: 'img', 'aria-label': 'Fix rate per row' });
  rows.forEach((row, i) => {
    const y = i * height;
    const group = svg('g', { class: 'row', 'data-row': row.row });
    group.append(svg('title', {}, (row.title || row.row) + ': fixed ' + row.fixed + ' of ' + (row.fixed + row.notFixed)));
    group.append(svg('text', { x: 0, y: y + 18 }, row.row));
    group.append(svg('rect', { class: 'track', x: label, y: y + 5, width, height: 18 }));
    group.append(svg('rect', { class: 'bar' + (row.fixed === 0 ? ' never' : ''), x: label, y: y + 5,
      width: Math.max(row.fixed === 0 ? 2 : 0, Math.round(row.fixRate * width)), height: 18, 'data-rate': row.fixRate }));
    group.append(svg('text', { x: label + width + 8, y: y + 18 }, percent(row.fixRate) + ' (' + row.fixed + '/' + (row.fixed + row.notFixed) + ')'));
    figure.append(group);
  });
  $('chart').replaceChildren(figure);
}

// The case's sample, fetched with the token (a plain link cannot send it), saved as a file.
async function exportSample(key) {
  const response = await admin('/api/admin/outcomes/cases/' + key + '/sample');
  if (!response.ok) {
    $('token-error').textContent = (await response.json()).error;
    $('token-error').hidden = false;
    return;
  }
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: 'recorded-' + key.slice(0, 12) + '.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function show(summary) {
  $('total').textContent = summary.total + ' outcomes recorded.';
  chart(summary.rows);
  const never = summary.rows.filter((row) => row.fixed === 0);
  $('never-fixed').replaceChildren(...(never.length ? never.map((row) => el('li', { 'data-row': row.row },
    el('code', {}, row.row), ' ', row.title || '(no longer in the rules)', ': tried ' + row.notFixed + (row.notFixed === 1 ? ' time' : ' times')))
    : [el('li', {}, 'None: every row tried fixed at least one case.')]));
  $('unresolved').replaceChildren(...(summary.unresolved.length ? summary.unresolved.map((c) => el('li', { 'data-key': c.key },
    el('p', {}, 'Case ', el('code', {}, c.key.slice(0, 12)), ', last reported ' + c.last + '. Did not help: ' + c.notFixedBy.join(', ') + '.'),
    el('p', {}, el('code', {}, JSON.stringify(c.facts))),
    el('button', { type: 'button', class: 'export', onclick: () => exportSample(c.key) }, 'Export as sample')))
    : [el('li', {}, 'None.')]));
  $('login').hidden = true;
  $('outcomes').hidden = false;
}

async function load() {
  document.body.setAttribute('aria-busy', 'true');
  try {
    const response = await admin('/api/admin/outcomes');
    const body = await response.json();
    if (response.status === 200) {
      $('token-error').hidden = true;
      show(body);
      return;
    }
    if (response.status === 401) sessionStorage.removeItem(TOKEN_KEY);
    $('token-error').textContent = response.status === 401 ? 'That token is not the service\'s admin token.' : body.error;
    $('token-error').hidden = false;
    $('token').setAttribute('aria-invalid', 'true');
  } finally {
    document.body.setAttribute('aria-busy', 'false');
  }
}

$('login').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('token').value = '';
  load();
});
$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  $('outcomes').hidden = true;
  $('login').hidden = false;
});
if (sessionStorage.getItem(TOKEN_KEY)) load();
