// Inbox: the access requests the caller may decide (approve, reject, revoke) and the caller's
// notifications (a product turned physical, a request received or decided), with mark-as-read and,
// for a product that turned physical, a one-step Request access.
import { h, mount, when } from '../dom.js';
import { api, query, ApiError } from '../api.js';
import { signedIn } from '../session.js';
import { principal } from '../auth.js';
import { problemView } from '../problems.js';
import {
  requestBadge, productLink, productPath, requestFacts, transitionsTable, optional, field,
  showFieldErrors, clearFieldErrors, requestForm,
} from '../exchange.js';

export async function render(main, { signal }) {
  document.title = 'Inbox · Tessera';
  if (!signedIn()) {
    mount(main, h('h1', {}, 'Inbox'),
      h('p', {}, 'Sign in to see the requests waiting for your decision and what the catalog told you.'));
    return;
  }
  const [requests, items, caller] = await Promise.allSettled([
    api(`/api/v1/access-requests${query({ view: 'inbox' })}`, { signal }),
    api('/api/v1/inbox', { signal }),
    principal(),
  ]);
  signal.throwIfAborted();
  // a caller who decides nothing and has nothing to decide is not shown an empty list of decisions
  const roles = caller.value?.roles || [];
  const decider = roles.includes('admin') || roles.includes('domain-owner');
  const nothing = requests.status === 'fulfilled' && list(requests.value).length === 0;
  mount(main,
    h('h1', {}, 'Inbox'),
    h('p', { id: 'inbox-status', role: 'status', class: 'ok' }),
    nothing && !decider ? null : decisionsSection(requests),
    notificationsSection(items));
}

function say(text) {
  mount(document.getElementById('inbox-status'), text);
}

function list(value) {
  return Array.isArray(value) ? value : value?.items || [];
}

function decisionsSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'decide-heading', id: 'decide' },
    h('h2', { id: 'decide-heading' }, 'Requests to decide'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const all = list(value);
  const waiting = all.filter((r) => r.state === 'requested');
  const active = all.filter((r) => r.state === 'active');
  const decided = all.filter((r) => r.state !== 'requested' && r.state !== 'active');
  section.append(...[
    h('h3', {}, `Waiting for a decision (${waiting.length})`),
    waiting.length ? h('ul', { class: 'requests', id: 'waiting' }, waiting.map(decisionItem))
      : h('p', { class: 'muted' }, 'No request is waiting for your decision.'),
    h('h3', {}, `Active agreements you govern (${active.length})`),
    active.length ? h('ul', { class: 'requests', id: 'active' }, active.map(decisionItem))
      : h('p', { class: 'muted' }, 'None.'),
    decided.length ? h('details', { class: 'history', id: 'decided' },
      h('summary', {}, `Decided, withdrawn or ended (${decided.length})`),
      h('ul', { class: 'requests' }, decided.map(decisionItem))) : null].filter(Boolean));
  return section;
}

function decisionItem(r) {
  const item = h('li', { class: 'request', id: `request-${r.id}`, dataset: { id: r.id, state: r.state, product: r.product } });
  fill(item, r);
  return item;
}

function fill(item, r) {
  item.dataset.state = r.state;
  const done = (updated, message) => {
    fill(item, updated);
    say(message);
    item.querySelector('h4')?.focus();
  };
  const forms = [];
  if (r.state === 'requested') {
    forms.push(decisionForm(r, 'approve', 'Approve', {
      reasonLabel: 'Reason (optional)', reasonRequired: false, duration: true, buttonClass: null,
    }, (u) => done(u, `Approved: ${r.requester} may now use ${r.product}.`)));
    forms.push(decisionForm(r, 'reject', 'Reject', {
      reasonLabel: 'Reason for rejecting (required)', reasonRequired: true, buttonClass: 'button-danger',
    }, (u) => done(u, `Rejected the request of ${r.requester} for ${r.product}.`)));
  } else if (r.state === 'active') {
    forms.push(decisionForm(r, 'revoke', 'Revoke', {
      reasonLabel: 'Reason for revoking (required)', reasonRequired: true, buttonClass: 'button-danger',
    }, (u) => done(u, `Revoked the agreement of ${r.requester} on ${r.product}.`)));
  }
  mount(item,
    h('h4', { tabindex: '-1' }, productLink(r.product), ' ', requestBadge(r.state), ' ',
      h('span', { class: 'muted' }, `from ${r.requester}`)),
    requestFacts(r),
    h('details', { class: 'history' },
      h('summary', {}, `History (${(r.transitions || []).length})`),
      transitionsTable(r)),
    forms.length ? h('div', { class: 'decisions' }, forms) : null);
}

/**
 * One decision (approve, reject or revoke) as a small form: a reason (required for reject and revoke:
 * checked here first, and the server's field error shown the same way) and, to approve, a duration.
 */
function decisionForm(r, action, label, { reasonLabel, reasonRequired, duration, buttonClass }, onDone) {
  const id = `${action}-${r.id}`;
  const reason = h('input', { id: `${id}-reason`, type: 'text', required: reasonRequired, 'aria-required': reasonRequired ? 'true' : null });
  const days = duration ? h('input', { id: `${id}-duration`, type: 'number', min: '1', step: '1', inputmode: 'numeric', class: 'narrow-input' }) : null;
  const result = h('div', { id: `${id}-result`, role: 'status' });
  const submit = h('button', { type: 'submit', id, class: buttonClass }, label);
  const form = h('form', { class: `decision-form decision-${action}`, novalidate: true, 'aria-label': `${label} the request of ${r.requester} for ${r.product}` },
    field(reasonLabel, reason),
    days ? field(r.durationDays ? `Duration in days (optional; asked: ${r.durationDays})` : 'Duration in days (optional)', days) : null,
    submit, result);
  const controls = { reason: reason.id, durationDays: days?.id };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    mount(result);
    if (reasonRequired && !reason.value.trim()) {
      showFieldErrors(form, [{ field: 'reason', message: `Give a reason: ${r.requester} will see it.` }], controls);
      return;
    }
    const body = {};
    if (reason.value.trim()) body.reason = reason.value.trim();
    if (days?.value.trim()) body.durationDays = Number(days.value);
    submit.disabled = true;
    try {
      const updated = await api(`/api/v1/access-requests/${encodeURIComponent(r.id)}/${action}`, {
        method: 'POST', body: JSON.stringify(body),
      });
      onDone(updated);
    } catch (error) {
      submit.disabled = false;
      const errors = error instanceof ApiError ? error.problem.errors || [] : [];
      const unplaced = showFieldErrors(form, errors, controls);
      mount(result, errors.length && !unplaced.length ? null : problemView(error));
    }
  });
  return form;
}

function notificationsSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'notifications-heading', id: 'notifications' },
    h('h2', { id: 'notifications-heading' }, 'Notifications'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const items = list(value);
  const unread = items.filter((i) => !isRead(i)).length;
  if (items.length === 0) {
    section.append(h('p', { class: 'muted' }, 'Nothing yet. You are told here when a product you are interested in turns physical and when your requests are decided.'));
  } else {
    section.append(h('p', { id: 'unread-count' }, `${unread} unread`), h('ul', { class: 'notifications' }, items.map(notification)));
  }
  return section;
}

/** Whether an inbox item was read (`readAt`, or `read` as the contract first said). */
function isRead(n) {
  return Boolean(n.read ?? n.readAt);
}

function notification(n) {
  const read = isRead(n);
  const item = h('li', { class: `notification${read ? '' : ' unread'}`, id: `notification-${n.id}`, dataset: { kind: n.kind, read: String(read) } });
  const panel = h('div', {});
  const actions = [];
  if (n.kind === 'product-physical' && n.product) {
    actions.push(h('button', {
      type: 'button', id: `request-from-${n.id}`, 'aria-expanded': 'false',
      onclick: async (e) => {
        const button = e.currentTarget;
        if (button.getAttribute('aria-expanded') === 'true') {
          button.setAttribute('aria-expanded', 'false');
          mount(panel);
          return;
        }
        button.setAttribute('aria-expanded', 'true');
        mount(panel, 'Opening the request form…');
        const [product, interest] = await Promise.allSettled([
          api(productPath(n.product)), api(`${productPath(n.product)}/interest`),
        ]);
        const mine = interest.status === 'fulfilled' ? interest.value?.mine : null;
        mount(panel, requestForm({
          id: `request-form-${n.id}`,
          product: n.product,
          ports: product.status === 'fulfilled' ? (product.value.outputPorts || []).map((p) => p.name) : [],
          prefill: (mine && typeof mine === 'object' ? mine.useCase : '') || '',
          onCancel: () => { button.setAttribute('aria-expanded', 'false'); mount(panel); button.focus(); },
        }));
        panel.querySelector('button[type=submit]')?.focus();
      },
    }, 'Request access'));
  }
  if (!read) {
    actions.push(h('button', {
      type: 'button', class: 'button-secondary', id: `read-${n.id}`,
      onclick: async (e) => {
        const button = e.currentTarget;
        button.disabled = true;
        try {
          await api(`/api/v1/inbox/${encodeURIComponent(n.id)}/read`, { method: 'POST' });
          item.classList.remove('unread');
          item.querySelector('.notification-message .visually-hidden')?.remove();
          item.dataset.read = 'true';
          button.remove();
          const count = document.getElementById('unread-count');
          const left = document.querySelectorAll('.notification.unread').length;
          if (count) count.textContent = `${left} unread`;
          say('Marked as read.');
          item.querySelector('.notification-message')?.focus();
        } catch (error) {
          button.disabled = false;
          panel.replaceChildren(problemView(error));
        }
      },
    }, 'Mark as read'));
  }
  mount(item,
    h('p', { class: 'notification-message', tabindex: '-1' },
      read ? null : h('span', { class: 'visually-hidden' }, 'Unread: '),
      n.message || n.kind),
    h('p', { class: 'muted notification-when' }, when(n.createdAt),
      n.product ? [' · ', productLink(n.product, { 'aria-label': `Open ${n.product}` })] : null),
    actions.length ? h('p', { class: 'actions' }, actions) : null,
    panel);
  return item;
}
