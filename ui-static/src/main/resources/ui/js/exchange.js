// Pieces the data exchange pages share: the access request form, request state badges, field
// errors from a problem's `errors[]`, transition histories and readable lead times. Everything here
// shows what the API answers; the server alone decides who may request, approve or read.
import { h, mount, when } from './dom.js';
import { api, ApiError } from './api.js';
import { productHref } from './links.js';
import { problemView } from './problems.js';

let purposeCodes = null;

/** The purpose codes a request may name (`GET /api/v1/purpose-codes`), asked once per page load. */
function knownPurposeCodes() {
  purposeCodes ??= api('/api/v1/purpose-codes').then((codes) => [...codes], (error) => {
    purposeCodes = null;
    throw error;
  });
  return purposeCodes;
}

const STATE_LABELS = {
  requested: 'Requested', approved: 'Approved', active: 'Active', rejected: 'Rejected',
  withdrawn: 'Withdrawn', revoked: 'Revoked', expired: 'Expired',
};

/** A badge for an access request's state. */
export function requestBadge(state) {
  return h('span', { class: `badge badge-request badge-${state}`, dataset: { state } }, STATE_LABELS[state] || state);
}

/** `/api/v1/products/{d}/{n}` for `d/n`. */
export function productPath(product) {
  const [domain, name] = String(product).split('/');
  return `/api/v1/products/${encodeURIComponent(domain)}/${encodeURIComponent(name)}`;
}

/** A link to the product page for `d/n`. */
export function productLink(product, attrs = {}) {
  const [domain, name] = String(product || '').split('/');
  return name ? h('a', { href: productHref(domain, name), ...attrs }, product) : h('span', {}, product || '—');
}

/**
 * The value of a settled API call, or null when the server answered 401, 403 or 404 (a section the
 * caller may not see is left out, not shown as an error). Any other failure is returned as it is,
 * an Error, for the section to show.
 */
export function optional(result) {
  if (result.status === 'fulfilled') return result.value;
  const e = result.reason;
  if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) return null;
  if (e?.name === 'AbortError') throw e;
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Shows each `{field, message}` of `errors` under the control `controls[field]` names (an element
 * id), with `aria-invalid` and `aria-describedby`; returns the errors no control was found for.
 */
export function showFieldErrors(form, errors, controls) {
  clearFieldErrors(form);
  const unplaced = [];
  errors.forEach((error, n) => {
    const control = form.querySelector(`#${CSS.escape(controls[error.field] || `no-control-${n}`)}`);
    if (!control) {
      unplaced.push(error);
      return;
    }
    const id = `${control.id}-error-${n}`;
    (control.closest('.field') || control.parentElement)
      .append(h('p', { class: 'field-error', id, dataset: { field: error.field } }, error.message));
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  });
  const first = form.querySelector('[aria-invalid="true"]');
  first?.focus();
  return unplaced;
}

/** Removes what `showFieldErrors` added. */
export function clearFieldErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const kept = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.includes('-error-'));
    if (kept.length) el.setAttribute('aria-describedby', kept.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/** A labelled field: label, optional hint, control. */
export function field(label, control, hint) {
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: control.id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control);
}

/**
 * The access request form for `product` (`d/n`): purpose (required), purpose code, intended use,
 * duration in days and, when the product has output ports, one of them. `prefill` fills the purpose
 * (an interest's use case). `onSent(request)` is called with the created request.
 */
export function requestForm({ product, ports = [], prefill = '', onSent, onCancel, id = 'request-form' }) {
  const ids = {
    purpose: `${id}-purpose`, purposeCode: `${id}-purpose-code`, intendedUse: `${id}-intended-use`,
    durationDays: `${id}-duration`, port: `${id}-port`,
  };
  const purpose = h('textarea', { id: ids.purpose, rows: 2, required: true, 'aria-required': 'true' });
  purpose.value = prefill || '';
  const purposeCode = h('input', { id: ids.purposeCode, type: 'text', list: `${id}-codes`, autocomplete: 'off', spellcheck: 'false' });
  const intendedUse = h('input', { id: ids.intendedUse, type: 'text' });
  const duration = h('input', { id: ids.durationDays, type: 'number', min: '1', step: '1', inputmode: 'numeric', class: 'narrow-input' });
  const port = ports.length ? h('select', { id: ids.port },
    h('option', { value: '' }, 'The whole product'),
    ports.map((p) => h('option', { value: p }, p))) : null;
  const result = h('div', { id: `${id}-result`, role: 'status' });
  const submit = h('button', { type: 'submit', id: `${id}-submit` }, 'Send request');
  const codes = h('datalist', { id: `${id}-codes` });
  const terms = h('p', { class: 'hint', id: `${id}-terms` });
  // suggestions and terms come from the API; the form works without them
  knownPurposeCodes().then((known) => {
    mount(codes, known.map((c) => h('option', { value: c })));
    const hint = purposeCode.closest('.field')?.querySelector('.hint');
    if (hint && known.length) hint.textContent = `Optional: ${known.join(', ')}. Policies may allow reading for some purposes only.`;
  }, () => {});
  api(`${productPath(product)}/access-terms`).then((t) => {
    const approval = { owner: 'The product\'s owners decide.', automatic: 'Access is granted at once.', none: 'This product cannot be requested.' }[t.approval]
      || `Approval: ${t.approval}.`;
    mount(terms, approval, t.maxDurationDays ? ` At most ${t.maxDurationDays} days.` : null);
  }, () => {});
  const form = h('form', { id, class: 'exchange-form', novalidate: true, 'aria-labelledby': `${id}-heading` },
    h('h3', { id: `${id}-heading` }, `Request access to ${product}`),
    terms,
    h('p', { class: 'hint' }, 'You can follow your request under ', h('a', { href: '#/requests' }, 'Requests'), '.'),
    field('Purpose', purpose, 'Required: what you will use the data for.'),
    field('Purpose code', purposeCode, 'Optional. Policies may allow reading for some purposes only.'),
    codes,
    field('Intended use', intendedUse, 'Optional, e.g. a weekly retention campaign.'),
    field('Duration in days', duration, 'Optional; the product\'s policies may set a maximum.'),
    port ? field('Output port', port, 'Optional: ask for one port only.') : null,
    h('div', { class: 'form-actions' }, submit,
      onCancel ? h('button', { type: 'button', class: 'button-secondary', onclick: onCancel }, 'Cancel') : null),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    mount(result);
    if (!purpose.value.trim()) {
      showFieldErrors(form, [{ field: 'purpose', message: 'Say what you will use the data for.' }], ids);
      return;
    }
    const body = { product, purpose: purpose.value.trim() };
    if (purposeCode.value.trim()) body.purposeCode = purposeCode.value.trim();
    if (intendedUse.value.trim()) body.intendedUse = intendedUse.value.trim();
    if (duration.value.trim()) body.durationDays = Number(duration.value);
    if (port?.value) body.port = port.value;
    submit.disabled = true;
    mount(result, 'Sending…');
    try {
      const request = await api('/api/v1/access-requests', { method: 'POST', body: JSON.stringify(body) });
      mount(result, h('p', { class: 'ok', id: `${id}-sent` },
        request.state === 'active'
          ? 'Access granted: the agreement is active. '
          : 'Request sent. The product\'s owners will decide. ',
        h('a', { href: '#/requests' }, 'See your requests')));
      onSent?.(request);
    } catch (error) {
      mount(result, requestProblem(form, error, ids));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** How a refused request is shown: field errors beside their fields, a 409 in plain words. */
function requestProblem(form, error, ids) {
  if (!(error instanceof ApiError)) return problemView(error);
  if (error.status === 409) {
    return h('div', { class: 'problem', role: 'alert', dataset: { status: '409' } },
      h('p', { class: 'problem-title' }, 'You already have an open request for this product'),
      error.problem.detail ? h('p', {}, error.problem.detail) : null,
      h('p', {}, h('a', { href: '#/requests' }, 'See your requests')));
  }
  const unplaced = showFieldErrors(form, error.problem.errors || [], ids);
  const placed = (error.problem.errors || []).length - unplaced.length;
  if (placed && !unplaced.length) {
    return h('p', { class: 'field-error', role: 'alert' }, 'The request was not sent: see the fields marked above.');
  }
  return h('div', {}, problemView(error),
    unplaced.length ? h('ul', {}, unplaced.map((e) => h('li', {}, h('code', {}, e.field), `: ${e.message}`))) : null);
}

/** A request's transition history: who moved it from which state to which, when and why. */
export function transitionsTable(request) {
  const transitions = request.transitions || [];
  if (!transitions.length) return h('p', { class: 'muted' }, 'No transitions recorded.');
  return h('table', { class: 'transitions' },
    h('caption', {}, `History of ${request.id}`),
    h('thead', {}, h('tr', {}, ['When', 'From', 'To', 'By', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, transitions.map((t) => h('tr', {},
      h('td', {}, when(t.at)),
      h('td', {}, t.from || '—'),
      h('td', {}, requestBadge(t.to)),
      h('td', {}, t.by || ''),
      h('td', {}, t.reason || '')))));
}

/** The facts of a request: purpose, code, use, duration, port, agreement. */
export function requestFacts(r) {
  const rows = [
    ['Requester', r.requester],
    ['Purpose', r.purpose],
    ['Purpose code', r.purposeCode ? h('code', {}, r.purposeCode) : null],
    ['Intended use', r.intendedUse],
    ['Port', r.port ? h('code', {}, r.port) : 'the whole product'],
    ['Duration', r.durationDays ? `${r.durationDays} days` : null],
    ['Asked', when(r.createdAt)],
    ['Agreement', r.agreement ? `${r.agreement.id}, from ${when(r.agreement.start)}${r.agreement.expiresAt ? ` until ${when(r.agreement.expiresAt)}` : ''}` : null],
  ].filter(([, v]) => v);
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/**
 * A lead time in readable words: days (one decimal) from two days on, hours below. Takes seconds,
 * or an ISO-8601 duration (`P3DT4H`, `PT36H`).
 */
export function duration(value, unit = 'seconds') {
  let seconds = typeof value === 'string' ? isoSeconds(value) : Number(value);
  if (value === null || value === undefined || Number.isNaN(seconds)) return '—';
  if (unit === 'days') seconds *= 86400;
  else if (unit === 'hours') seconds *= 3600;
  else if (unit === 'millis') seconds /= 1000;
  const days = seconds / 86400;
  if (days >= 2) return `${trim(days)} days`;
  const hours = seconds / 3600;
  if (hours >= 1) return `${trim(hours)} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}

function trim(n) {
  return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

function isoSeconds(text) {
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m) return Number(text);
  const [, w, d, hh, mm, ss] = m.map((x) => Number(x || 0));
  return w * 604800 + d * 86400 + hh * 3600 + mm * 60 + ss;
}

/**
 * A lead time from an object that says it in one of the ways an API might: `days`, `hours`,
 * `seconds`, `millis`, or an ISO `duration`; a bare number is taken as days.
 */
export function leadTime(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return duration(v, 'days');
  if (typeof v === 'string') return duration(v);
  if (v.days !== undefined && v.days !== null) return duration(v.days, 'days');
  if (v.hours !== undefined && v.hours !== null) return duration(v.hours, 'hours');
  if (v.seconds !== undefined && v.seconds !== null) return duration(v.seconds);
  if (v.millis !== undefined && v.millis !== null) return duration(v.millis, 'millis');
  if (v.duration) return duration(v.duration);
  return '—';
}

/** Words for a camelCase or kebab-case key (`ideaToPhysical` → "Idea to physical"). */
export function words(key) {
  const text = String(key).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
