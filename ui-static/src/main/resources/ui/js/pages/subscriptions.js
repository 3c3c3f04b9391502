// My subscriptions: what the caller subscribed to (events, channel), each with its recent deliveries
// (state, attempts, last error, next attempt) and a Delete button. Subscribing happens on a
// product's page.
import { h, mount, when } from '../dom.js';
import { api, query } from '../api.js';
import { signedIn } from '../session.js';
import { problemView } from '../problems.js';
import { productLink } from '../exchange.js';
import { domainHref } from '../links.js';
import { deliveryBadge } from '../observability.js';

const RECENT = 20;

export async function render(main, { signal }) {
  document.title = 'My subscriptions · Tessera';
  if (!signedIn()) {
    mount(main, h('h1', {}, 'My subscriptions'),
      h('p', {}, 'Sign in to see the subscriptions you made and how their notifications were delivered.'));
    return;
  }
  const subscriptions = await api('/api/v1/subscriptions', { signal });
  const deliveries = await Promise.allSettled(subscriptions.map((s) =>
    api(`/api/v1/subscriptions/${encodeURIComponent(s.id)}/deliveries${query({ limit: RECENT })}`, { signal })));
  signal.throwIfAborted();
  const status = h('p', { id: 'subscriptions-status', role: 'status', class: 'ok' });
  const list = h('ul', { class: 'requests', id: 'subscriptions' });
  mount(main,
    h('h1', {}, 'My subscriptions'),
    h('p', { class: 'lead' }, 'Notifications you asked for, newest first, with their recent deliveries. ',
      'Use ', h('strong', {}, 'Subscribe'), ' on a product\'s page to add one.'),
    h('p', { class: 'actions' }, h('button', {
      type: 'button', id: 'subscriptions-refresh', class: 'button-secondary',
      onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')),
    }, 'Refresh')),
    status,
    subscriptions.length === 0
      ? h('p', { class: 'muted', id: 'no-subscriptions' }, 'You have no subscription yet.')
      : list);
  mount(list, [...subscriptions].reverse().map((s) => {
    const i = subscriptions.indexOf(s);
    return subscriptionItem(s, deliveries[i], status);
  }));
}

function subscriptionItem(s, deliveries, status) {
  const result = h('div', { role: 'status' });
  const about = s.product ? productLink(`${s.domain}/${s.product}`) : h('a', { href: domainHref(s.domain) }, `domain ${s.domain}`);
  const target = s.channel === 'email' ? `e-mail to ${s.email}` : `webhook to ${s.url}`;
  const item = h('li', { class: 'request subscription', id: `subscription-${s.id}`, dataset: { id: s.id, product: s.product ? `${s.domain}/${s.product}` : '' } },
    h('h2', { class: 'h3', tabindex: '-1' }, about, ' ', h('span', { class: 'type-label' }, s.channel)),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Events'), h('dd', {}, (s.types || ['*']).map((t, n) => [n ? ', ' : null, h('code', {}, t)])),
      h('dt', {}, 'Sent as'), h('dd', {}, target),
      h('dt', {}, 'Since'), h('dd', {}, when(s.createdAt))),
    deliveriesView(s, deliveries),
    h('p', { class: 'actions' }, h('button', {
      type: 'button', class: 'button-danger', id: `delete-${s.id}`,
      'aria-label': `Delete the subscription to ${s.product ? `${s.domain}/${s.product}` : s.domain} (${target})`,
      onclick: async (e) => {
        e.currentTarget.disabled = true;
        mount(result, 'Deleting…');
        try {
          await api(`/api/v1/subscriptions/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
          const next = item.nextElementSibling || item.previousElementSibling;
          item.remove();
          mount(status, `Subscription to ${s.product ? `${s.domain}/${s.product}` : s.domain} deleted.`);
          (next?.querySelector('h2') || document.querySelector('#main h1'))?.focus();
        } catch (error) {
          e.target.disabled = false;
          mount(result, problemView(error));
        }
      },
    }, 'Delete')),
    result);
  return item;
}

function deliveriesView(s, result) {
  if (result.status === 'rejected') return problemView(result.reason);
  const items = result.value || [];
  if (!items.length) return h('p', { class: 'muted deliveries-none' }, 'Nothing delivered yet: no matching event since you subscribed.');
  return h('table', { class: 'listing deliveries' },
    h('caption', {}, `Recent deliveries (at most ${RECENT}), newest first`),
    h('thead', {}, h('tr', {}, ['Event', 'State', 'Attempts', 'Last attempt', 'Last error', 'Next attempt', 'Delivered']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, items.map((d) => h('tr', { class: 'delivery', dataset: { id: String(d.id), state: d.state, event: d.eventId || '' } },
      h('th', { scope: 'row' }, h('code', {}, (d.eventType || '').replace(/^io\.tessera\./, '')),
        d.product && !s.product ? [' ', productLink(d.product)] : null),
      h('td', {}, deliveryBadge(d.state)),
      h('td', {}, String(d.attempts ?? 0)),
      h('td', {}, d.lastAttemptAt ? `${when(d.lastAttemptAt)}${d.lastStatus ? ` (HTTP ${d.lastStatus})` : ''}` : '—'),
      h('td', { class: 'last-error' }, d.lastError || ''),
      h('td', {}, d.state === 'pending' && d.nextAttemptAt ? when(d.nextAttemptAt) : '—'),
      h('td', {}, d.deliveredAt ? when(d.deliveredAt) : '—')))));
}
