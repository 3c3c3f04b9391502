// The exchange on the product page: Request access (for signed-in callers who do not decide the
// product's requests), I'm interested / Withdraw interest, who is interested, the product's
// consumers and its time to value. A section whose endpoint answers 401, 403 or 404 is left out.
import { h, mount, when } from '../dom.js';
import { api, ApiError } from '../api.js';
import { signedIn } from '../session.js';
import { decides } from '../auth.js';
import { problemView } from '../problems.js';
import { domainHref } from '../links.js';
import {
  requestForm, optional, field, showFieldErrors, clearFieldErrors, leadTime, words,
} from '../exchange.js';

/** The buttons under the product's title and the panel they open. `ex` is the page's exchange state. */
export function exchangeActions(ex) {
  ex.actionsEl = h('div', { id: 'exchange-actions', class: 'exchange-actions' });
  renderActions(ex);
  return ex.actionsEl;
}

function mine(ex) {
  const value = optional(ex.interest);
  return value && !(value instanceof Error) ? value.mine : null;
}

function renderActions(ex, focusId) {
  const { product, caller } = ex;
  if (!signedIn()) {
    mount(ex.actionsEl, h('p', { class: 'hint' }, 'Sign in to request access to this product or to say you are interested in it.'));
    return;
  }
  const panel = h('div', { id: 'exchange-panel' });
  const status = h('p', { id: 'interest-status', role: 'status', class: 'ok' }, ex.interestMessage || '');
  ex.interestMessage = null;
  const close = (buttonId) => {
    mount(panel);
    for (const b of ex.actionsEl.querySelectorAll('[aria-expanded]')) b.setAttribute('aria-expanded', 'false');
    document.getElementById(buttonId)?.focus();
  };
  const open = (button, content, focus) => {
    const wasOpen = button.getAttribute('aria-expanded') === 'true';
    for (const b of ex.actionsEl.querySelectorAll('[aria-expanded]')) b.setAttribute('aria-expanded', 'false');
    if (wasOpen) {
      mount(panel);
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    mount(panel, content);
    panel.querySelector(focus)?.focus();
  };
  const planned = product.state !== 'physical';
  const ports = (product.outputPorts || []).map((p) => p.name);
  const requestButton = caller && decides(caller, product.domain) ? null : h('button', {
    type: 'button', id: 'request-access', class: planned ? 'button-secondary' : null,
    'aria-expanded': 'false', 'aria-controls': 'exchange-panel',
    onclick: (e) => open(e.currentTarget, requestForm({
      product: `${product.domain}/${product.name}`,
      ports,
      prefill: typeof mine(ex) === 'object' ? mine(ex)?.useCase : '',
      onSent: (request) => {
        if (request.state === 'active') window.dispatchEvent(new HashChangeEvent('hashchange'));
      },
      onCancel: () => close('request-access'),
    }), 'textarea'),
  }, 'Request access');
  const interested = Boolean(mine(ex));
  const interestButton = interested
    ? h('button', { type: 'button', id: 'withdraw-interest', class: 'button-secondary', onclick: () => withdrawInterest(ex) }, 'Withdraw interest')
    : h('button', {
      type: 'button', id: 'interest-button', class: planned ? null : 'button-secondary',
      'aria-expanded': 'false', 'aria-controls': 'exchange-panel',
      onclick: (e) => open(e.currentTarget, interestForm(ex, () => close('interest-button')), 'textarea'),
    }, 'I\'m interested');
  mount(ex.actionsEl,
    h('p', { class: 'actions' }, requestButton, interestButton,
      caller && decides(caller, product.domain)
        ? h('a', { class: 'button-secondary', href: '#/inbox', id: 'decide-requests' }, 'Requests to decide')
        : null),
    status,
    panel);
  if (focusId) document.getElementById(focusId)?.focus();
}

function interestForm(ex, onCancel) {
  const useCase = h('textarea', { id: 'interest-use-case', rows: 2 });
  const result = h('div', { id: 'interest-result', role: 'status' });
  const form = h('form', { id: 'interest-form', class: 'exchange-form', novalidate: true, 'aria-labelledby': 'interest-form-heading' },
    h('h3', { id: 'interest-form-heading' }, 'Tell the owners you are interested'),
    h('p', { class: 'hint' }, 'They see who is waiting for this product, and you are told when it turns physical.'),
    field('Your use case', useCase, 'A sentence on what you would do with it.'),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', id: 'interest-submit' }, 'Register interest'),
      h('button', { type: 'button', class: 'button-secondary', onclick: onCancel }, 'Cancel')),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    mount(result, 'Sending…');
    try {
      await api(`${ex.base}/interest`, { method: 'PUT', body: JSON.stringify({ useCase: useCase.value.trim() }) });
      ex.interestMessage = 'Your interest is registered.';
      await refreshInterest(ex, 'withdraw-interest');
    } catch (error) {
      const errors = error instanceof ApiError ? error.problem.errors || [] : [];
      const unplaced = showFieldErrors(form, errors, { useCase: 'interest-use-case' });
      mount(result, errors.length && !unplaced.length ? null : problemView(error));
    }
  });
  return form;
}

async function withdrawInterest(ex) {
  const button = document.getElementById('withdraw-interest');
  if (button) button.disabled = true;
  try {
    await api(`${ex.base}/interest`, { method: 'DELETE' });
    ex.interestMessage = 'Your interest is withdrawn.';
    await refreshInterest(ex, 'interest-button');
  } catch (error) {
    if (button) button.disabled = false;
    mount(document.getElementById('interest-status') || ex.actionsEl, problemView(error));
  }
}

async function refreshInterest(ex, focusId) {
  try {
    ex.interest = { status: 'fulfilled', value: await api(`${ex.base}/interest`) };
  } catch (reason) {
    ex.interest = { status: 'rejected', reason };
  }
  renderActions(ex, focusId);
  renderInterest(ex);
}

/** How many are interested and, for deciders, who and why. */
export function interestSection(ex) {
  ex.interestEl = h('section', { 'aria-labelledby': 'interest-heading', id: 'interest' });
  renderInterest(ex);
  return ex.interestEl;
}

function renderInterest(ex) {
  const value = optional(ex.interest);
  if (value === null) {
    ex.interestEl.hidden = true;
    mount(ex.interestEl);
    return;
  }
  ex.interestEl.hidden = false;
  const heading = h('h2', { id: 'interest-heading' }, 'Interest');
  if (value instanceof Error) {
    mount(ex.interestEl, heading, problemView(value));
    return;
  }
  const count = Number(value.count || 0);
  const list = value.interested || [];
  mount(ex.interestEl, heading,
    h('p', { id: 'interest-count', dataset: { count: String(count) } },
      count === 0 ? 'No one has said they are interested yet.'
        : count === 1 ? '1 reader is interested' : `${count} readers are interested`,
      value.mine ? ' (you are one of them).' : count ? '.' : ''),
    list.length ? h('table', { class: 'listing', id: 'interested-list' },
      h('caption', {}, 'Who is interested, newest first'),
      h('thead', {}, h('tr', {}, ['Who', 'Use case', 'Since'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map((i) => h('tr', {},
        h('td', {}, i.subject || i.principal || i.by || ''),
        h('td', {}, i.useCase || ''),
        h('td', {}, when(i.updatedAt || i.createdAt || i.since || i.at)))))) : null);
}

/** Who uses the product: agreements, jobs that read it, products that declare it as an input. */
export function consumersSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'consumers-heading', id: 'consumers' },
    h('h2', { id: 'consumers-heading' }, 'Consumers'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const items = Array.isArray(value) ? value : value.items || [];
  section.append(items.length === 0
    ? h('p', { class: 'muted' }, 'No one consumes this product yet.')
    : h('table', { class: 'listing' },
      h('caption', {}, `${items.length} consumer${items.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, ['Kind', 'Name', 'Domain', 'Purpose', 'Since'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, items.map((c) => h('tr', { dataset: { kind: c.kind || '' } },
        h('td', {}, h('span', { class: 'type-label' }, c.kind || '')),
        h('th', { scope: 'row' }, c.name || ''),
        h('td', {}, c.domain ? h('a', { href: domainHref(c.domain) }, c.domain) : '—'),
        h('td', {}, c.purpose || '—'),
        h('td', {}, when(c.since)))))));
  return section;
}

/** The product's milestones (declared, physical, first consumer, ...) and the lead times between them. */
export function timeToValueSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'ttv-heading', id: 'time-to-value' },
    h('h2', { id: 'ttv-heading' }, 'Time to value'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const milestones = value.milestones
    ? entries(value.milestones, ['at', 'date', 'reachedAt', 'time', 'value'])
    : Object.entries(value).filter(([k]) => /At$/.test(k)).map(([k, v]) => [k.replace(/At$/, ''), v]);
  const leadTimes = seconds(entries(value.leadTimes, null));
  if (milestones.length) {
    section.append(h('h3', {}, 'Milestones'), h('ol', { class: 'milestones', id: 'ttv-milestones' },
      milestones.map(([name, at]) => h('li', { class: at ? 'reached' : 'pending' },
        h('span', { class: 'milestone-name' }, words(name)), ': ', at ? when(at) : h('span', { class: 'muted' }, 'not yet')))));
  }
  if (leadTimes.length) {
    section.append(h('h3', {}, 'Lead times'), h('dl', { class: 'facts', id: 'ttv-lead-times' },
      leadTimes.map(([name, v]) => [h('dt', {}, words(name)), h('dd', {}, leadTime(v))])));
  }
  if (!milestones.length && !leadTimes.length) {
    section.append(h('p', { class: 'muted' }, 'No milestone has been reached yet.'));
  }
  return section;
}

/** Lead times given both ways (`plannedToPhysical: "PT36H"`, `plannedToPhysicalSeconds: 129600`) once, in seconds. */
function seconds(pairs) {
  const bySeconds = new Map(pairs.filter(([k]) => /Seconds$/.test(k)).map(([k, v]) => [k.replace(/Seconds$/, ''), v]));
  return pairs.filter(([k]) => !/Seconds$/.test(k) || !pairs.some(([o]) => o === k.replace(/Seconds$/, '')))
    .map(([k, v]) => (bySeconds.has(k) && bySeconds.get(k) !== null ? [k, { seconds: bySeconds.get(k) }] : [k.replace(/Seconds$/, ''), v]));
}

/**
 * `[name, value]` pairs from an object (`{declared: "…"}`) or a list of objects that name themselves
 * (`[{name|milestone|stage|from/to, …}]`). With `keys`, the value is the first of those keys.
 */
function entries(source, keys) {
  if (!source) return [];
  if (Array.isArray(source)) {
    return source.map((item) => {
      const name = item.name || item.milestone || item.stage || item.kind
        || (item.from && item.to ? `${item.from} to ${item.to}` : '');
      return [name, keys ? keys.map((k) => item[k]).find((v) => v !== undefined) ?? null : item];
    });
  }
  return Object.entries(source);
}
