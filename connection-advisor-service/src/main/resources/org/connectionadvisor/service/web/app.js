// The guided troubleshooter. All state is in the URL's query (a link can be shared; back and forward work):
// the facts in the names of POST /api/diagnose (product, scope, ..., role, symptoms, confirmed, ruledOut, dontKnow,
// several times for lists), context answers as yes=FLAG / no=FLAG, and the questions skipped as skip=ID.
'use strict';

const SINGLE = ['product', 'scope', 'client', 'os', 'visualStudioVersion', 'serverVersion', 'errorMessage', 'serverUrl', 'role'];
const LISTS = ['symptoms', 'confirmed', 'ruledOut', 'dontKnow'];
const DONT_KNOW = 'dont-know';
const START_FIELDS = ['symptoms', 'errorMessage', 'serverUrl'];
const SHOWN = 5;
const KNOWN_AS = {
  product: 'Product: ', scope: 'Where: ', client: 'You connect from: ', os: 'Windows: ',
  visualStudioVersion: 'Visual Studio: ', serverVersion: 'Server: ', serverUrl: 'The address: ', role: 'You: ',
};

let vocabulary = null;
let showAll = false;

function params() {
  return new URLSearchParams(location.search);
}

function factsOf(query) {
  const facts = {};
  SINGLE.forEach((name) => { if (query.get(name)) facts[name] = query.get(name); });
  LISTS.forEach((name) => { if (query.getAll(name).length) facts[name] = query.getAll(name); });
  const context = {};
  query.getAll('yes').forEach((flag) => { context[flag] = true; });
  query.getAll('no').forEach((flag) => { context[flag] = false; });
  if (Object.keys(context).length) facts.context = context;
  return facts;
}

function remove(query, name, value) {
  const kept = query.getAll(name).filter((v) => v !== value);
  query.delete(name);
  kept.forEach((v) => query.append(name, v));
}

function go(query) {
  history.pushState(null, '', '?' + query.toString());
  render({ focus: true });
}

// One answer, as Facts.with applies it: "I don't know" (remembered, never asked again), a field's value, which
// account (one of two flags), or a flag's yes or no.
function answer(id, value) {
  const query = params();
  if (value === DONT_KNOW) {
    remove(query, 'dontKnow', id);
    query.append('dontKnow', id);
  } else if (SINGLE.includes(id)) {
    query.set(id, value);
  } else if (id === 'signed-in-with') {
    Object.values(vocabulary.signedInWith).forEach((flag) => { remove(query, 'yes', flag); remove(query, 'no', flag); });
    query.append('yes', vocabulary.signedInWith[value]);
  } else {
    remove(query, 'yes', id);
    remove(query, 'no', id);
    query.append(value === 'yes' ? 'yes' : 'no', id);
  }
  go(query);
}

// Records what the user tried on the facts it was advised for (POST /api/outcomes; the page goes on if that fails),
// then marks it in the query.
async function mark(row, list, other) {
  const query = params();
  const outcome = { facts: factsOf(query), row, result: list === 'confirmed' ? 'fixed' : 'not-fixed' };
  document.body.setAttribute('aria-busy', 'true');
  await fetch('/api/outcomes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(outcome) })
    .catch(() => null);
  remove(query, other, row);
  remove(query, list, row);
  query.append(list, row);
  go(query);
}

async function diagnose(facts) {
  const response = await fetch('/api/diagnose', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(facts),
  });
  return { status: response.status, body: await response.json() };
}

// Markdown links [text](https://...) become links; everything else stays text (never HTML).
function withLinks(text) {
  const nodes = [];
  const link = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let at = 0;
  let match;
  while ((match = link.exec(text)) !== null) {
    nodes.push(text.slice(at, match.index));
    nodes.push(el('a', { href: match[2], rel: 'noopener noreferrer', target: '_blank' }, match[1]));
    at = link.lastIndex;
  }
  nodes.push(text.slice(at));
  return nodes;
}

function labelOf(field, value) {
  const entry = vocabulary.fields.find((f) => f.name === field);
  const known = entry && entry.values.find((v) => v.value === value);
  return known ? known.label : value;
}

function showStart(query, error) {
  $('guide').hidden = true;
  $('start').hidden = false;
  const symptoms = query.getAll('symptoms');
  document.querySelectorAll('#symptoms input').forEach((box) => { box.checked = symptoms.includes(box.value); });
  $('errorMessage').value = query.get('errorMessage') || '';
  $('serverUrl').value = query.get('serverUrl') || '';
  START_FIELDS.concat(['form']).forEach((field) => {
    $(field + '-error').hidden = true;
    $(field + '-error').textContent = '';
  });
  document.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  if (error) {
    const field = START_FIELDS.includes(error.field) ? error.field : 'form';
    $(field + '-error').textContent = error.error;
    $(field + '-error').hidden = false;
    const input = field === 'symptoms' ? document.querySelector('#symptoms input') : $(field);
    if (input) {
      if (field !== 'symptoms') input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }
}

function showKnown(query) {
  const list = $('known');
  list.replaceChildren();
  query.getAll('symptoms').forEach((s) => list.append(el('li', {}, 'You see: ' + labelOf('symptoms', s))));
  if (query.get('errorMessage')) list.append(el('li', {}, 'The error message: “' + query.get('errorMessage') + '”'));
  SINGLE.filter((f) => f !== 'errorMessage' && query.get(f)).forEach((f) => {
    list.append(el('li', {}, KNOWN_AS[f] + labelOf(f, query.get(f))));
  });
  const flags = vocabulary.fields.find((f) => f.name === 'context').values;
  query.getAll('yes').forEach((flag) => list.append(el('li', {}, capital((flags.find((v) => v.value === flag) || {}).label || flag))));
  query.getAll('no').forEach((flag) => list.append(el('li', {}, capital((flags.find((v) => v.value === flag) || {}).labelNo || flag))));
  query.getAll('dontKnow').forEach((id) => {
    const known = vocabulary.questions.find((q) => q.id === id);
    list.append(el('li', {}, 'You do not know: ' + (known ? known.text : id)));
  });
  $('known-section').hidden = list.children.length === 0;
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function showQuestion(question) {
  const answers = $('answers');
  answers.replaceChildren();
  if (!question) {
    $('question-text').textContent = 'No more questions: try the causes below, from the top.';
    return;
  }
  $('question-text').textContent = question.text;
  if (question.answeredBy === 'administrator') {
    answers.append(el('p', { class: 'hint' }, 'An administrator usually knows this; “I don’t know” is a fine answer.'));
  }
  question.answers.forEach((a) => answers.append(el('button', { type: 'button', onclick: () => answer(question.id, a.value) }, capital(a.label))));
  answers.append(el('button', { type: 'button', class: 'skip', onclick: () => {
    const query = params();
    query.append('skip', question.id);
    go(query);
  } }, 'Skip this question'));
}

function showResults(recommendations) {
  const list = $('results');
  list.replaceChildren();
  const shown = showAll ? recommendations : recommendations.slice(0, SHOWN);
  shown.forEach((r) => {
    const item = el('li', { 'aria-labelledby': 'r-' + r.id });
    item.append(el('h3', { id: 'r-' + r.id }, r.rank + '. ' + r.title));
    const marks = [el('span', { class: 'status ' + r.status }, r.status), ' '];
    if (r.actor === 'administrator') marks.push(el('span', { class: 'status administrator' }, 'only an administrator can do this'), ' ');
    item.append(el('p', {}, ...marks, el('span', { class: 'why' }, 'Why: ' + r.because.join('; ') + '.')));
    item.append(el('p', {}, withLinks(r.resolution)));
    if (r.steps.length) item.append(el('ol', {}, r.steps.map((step) => el('li', {}, withLinks(step)))));
    if (r.sources.length) {
      item.append(el('p', { class: 'why' }, 'Source: ' + r.sources.map((s) => s.title + (s.section ? ', “' + s.section + '”' : '')).join('; ')));
    }
    const actions = el('div', { class: 'actions' });
    if (r.status !== 'confirmed') {
      actions.append(el('button', { type: 'button', 'aria-describedby': 'r-' + r.id, onclick: () => mark(r.id, 'confirmed', 'ruledOut') }, 'This fixed it'));
    }
    actions.append(el('button', { type: 'button', 'aria-describedby': 'r-' + r.id, onclick: () => mark(r.id, 'ruledOut', 'confirmed') }, 'I tried this, it did not help'));
    item.append(actions);
    list.append(item);
  });
  const more = $('more');
  more.hidden = recommendations.length <= SHOWN;
  more.textContent = showAll ? 'Show the top ' + SHOWN + ' only' : 'Show all ' + recommendations.length + ' causes';
  more.setAttribute('aria-expanded', String(showAll));
}

// The checks only an administrator can make, as a message a user can send: text to copy, and each check's link.
function showHandoff(handoff) {
  $('handoff-section').hidden = !handoff;
  if (!handoff) return;
  $('handoff-text').textContent = handoff.text;
  $('handoff-checks').replaceChildren(...handoff.checks.map((c) => el('li', {}, c.title + ' ',
    el('a', { href: c.link, rel: 'noopener noreferrer', target: '_blank' }, 'read more'))));
}

// aria-busy tells assistive technology (and the browser tests) that the page is being updated.
async function render(options) {
  document.body.setAttribute('aria-busy', 'true');
  try {
    await update(options);
  } finally {
    document.body.setAttribute('aria-busy', 'false');
  }
}

async function update(options) {
  const query = params();
  $('loading').hidden = true;
  const started = [...query.keys()].length > 0;
  if (!started) {
    showStart(query);
    return;
  }
  const { status, body } = await diagnose(factsOf(query));
  if (status === 400) {
    showStart(query, body);
    return;
  }
  if (status !== 200) {
    showStart(query, { error: body.error || 'The service answered ' + status + '.' });
    return;
  }
  $('start').hidden = true;
  $('guide').hidden = false;
  showKnown(query);
  const skipped = query.getAll('skip');
  const question = body.questions.find((q) => !skipped.includes(q.id));
  showQuestion(question);
  showResults(body.recommendations);
  showHandoff(body.handoff);
  const first = body.recommendations[0];
  const fixed = query.getAll('confirmed');
  $('status').textContent = fixed.length
    ? 'Glad that fixed it. The cause you confirmed is listed first.'
    : first ? 'Most likely now: ' + first.title + ' (' + first.status + '). ' + body.recommendations.length + ' causes fit.'
      : 'No cause fits what you told us: start over, or ask your administrator.';
  if (options && options.focus) (question ? $('question-text') : $('results-heading')).focus();
}

function startForm(event) {
  event.preventDefault();
  const query = new URLSearchParams();
  document.querySelectorAll('#symptoms input:checked').forEach((box) => query.append('symptoms', box.value));
  const message = $('errorMessage').value.trim();
  const url = $('serverUrl').value.trim();
  if (message) query.set('errorMessage', message);
  if (url) query.set('serverUrl', url);
  if ([...query.keys()].length === 0) {
    showStart(query, { field: 'symptoms', error: 'Tick what you see, or paste the error message.' });
    return;
  }
  go(query);
}

async function init() {
  vocabulary = await (await fetch('/api/vocabulary')).json();
  const symptoms = vocabulary.fields.find((f) => f.name === 'symptoms').values;
  $('symptoms').replaceChildren(...symptoms.map((s) => el('label', {}, el('input', { type: 'checkbox', name: 'symptoms', value: s.value }), capital(s.label))));
  $('start').addEventListener('submit', startForm);
  $('more').addEventListener('click', () => { showAll = !showAll; render(); });
  window.addEventListener('popstate', () => render({ focus: true }));
  render();
}

init();
