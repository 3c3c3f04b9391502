// What the observability pages share: health, incident and delivery badges, and the subscribe form
// (event types, a webhook or an e-mail address; the webhook secret the server generates is shown
// once). The health and incident endpoints may be missing on a server (404): callers leave their
// sections out then. The server alone decides who may subscribe, see or change anything.
import { h, mount } from './dom.js';
import { api, ApiError } from './api.js';
import { problemView } from './problems.js';
import { field, showFieldErrors, clearFieldErrors } from './exchange.js';

const HEALTH_LABELS = { healthy: 'Healthy', degraded: 'Degraded', failing: 'Failing', unknown: 'Health unknown' };

/** A badge for a product's or port's health (`healthy`, `degraded`, `failing`). */
export function healthBadge(status, attrs = {}) {
  if (!status) return null;
  return h('span', {
    class: `badge badge-health badge-health-${status}`, dataset: { health: status },
    title: 'Health from the product\'s SLOs, runs, schema changes and incidents', ...attrs,
  }, HEALTH_LABELS[status] || status);
}

const INCIDENT_LABELS = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };

/** A badge for an incident's state. */
export function incidentBadge(state) {
  return h('span', { class: `badge badge-incident badge-incident-${state}`, dataset: { state } }, INCIDENT_LABELS[state] || state);
}

const DELIVERY_LABELS = {
  pending: 'Pending', delivered: 'Delivered', failed: 'Failed', dead: 'Dead letter', skipped: 'Skipped',
};

/** A badge for a delivery's state. */
export function deliveryBadge(state) {
  return h('span', { class: `badge badge-delivery badge-delivery-${state}`, dataset: { state } }, DELIVERY_LABELS[state] || state);
}

/** Whether an API call failed because the endpoint is not there (a server without the feature). */
export function missing(result) {
  return result.status === 'rejected' && result.reason instanceof ApiError && result.reason.status === 404;
}

const TYPE_CHOICES = [
  ['*', 'Everything'],
  ['product.*', 'Product changes'],
  ['incident.*', 'Incidents'],
  ['health.*', 'Health changes'],
  ['schema.*', 'Schema changes'],
  ['slo.*', 'SLO breaches and recoveries'],
];

/**
 * The subscribe form for `product` (`d/n`) or `domain`: event types, channel (webhook URL and an
 * optional secret, or an e-mail address). After a `201` it shows the webhook secret once.
 */
export function subscribeForm({ product, domain, onCancel, id = 'subscribe-form' }) {
  const target = product || domain;
  const ids = {
    types: `${id}-types-0`, more: `${id}-more-types`, webhook: `${id}-channel-webhook`, email: `${id}-channel-email`,
    url: `${id}-url`, secret: `${id}-secret`, address: `${id}-email`,
  };
  const boxes = TYPE_CHOICES.map(([value, label], i) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `${id}-types-${i}`, value, checked: value === '*' }),
    h('label', { for: `${id}-types-${i}` }, label, ' ', h('code', {}, value))));
  const more = h('input', { id: ids.more, type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const webhook = h('input', { type: 'radio', name: `${id}-channel`, id: ids.webhook, value: 'webhook', checked: true });
  const email = h('input', { type: 'radio', name: `${id}-channel`, id: ids.email, value: 'email' });
  const url = h('input', { id: ids.url, type: 'url', autocomplete: 'off', spellcheck: 'false', placeholder: 'https://example.com/hooks/tessera' });
  const secret = h('input', { id: ids.secret, type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const address = h('input', { id: ids.address, type: 'email', autocomplete: 'email' });
  const webhookFields = h('div', { id: `${id}-webhook-fields` },
    field('Webhook URL', url, 'An http or https URL the catalog will POST CloudEvents to.'),
    field('Secret (optional)', secret, 'Leave empty and the catalog generates one. 16 to 256 characters.'));
  const emailFields = h('div', { id: `${id}-email-fields`, hidden: true }, field('E-mail address', address));
  const channelChanged = () => {
    webhookFields.hidden = !webhook.checked;
    emailFields.hidden = !email.checked;
  };
  webhook.addEventListener('change', channelChanged);
  email.addEventListener('change', channelChanged);
  const result = h('div', { id: `${id}-result`, role: 'status' });
  const submit = h('button', { type: 'submit', id: `${id}-submit` }, 'Subscribe');
  const form = h('form', { id, class: 'exchange-form', novalidate: true, 'aria-labelledby': `${id}-heading` },
    h('h3', { id: `${id}-heading` }, `Subscribe to ${target}`),
    h('p', { class: 'hint' }, 'Follow your subscriptions and their deliveries under ', h('a', { href: '#/subscriptions' }, 'Subscriptions'), '.'),
    h('fieldset', { class: 'field', id: `${id}-types` },
      h('legend', {}, 'Events'),
      boxes,
      field('More event types (optional)', more, 'Comma-separated patterns, such as product.changed or incident.opened.')),
    h('fieldset', { class: 'field' },
      h('legend', {}, 'Channel'),
      h('div', { class: 'check' }, webhook, h('label', { for: ids.webhook }, 'Webhook')),
      h('div', { class: 'check' }, email, h('label', { for: ids.email }, 'E-mail'))),
    webhookFields,
    emailFields,
    h('div', { class: 'form-actions' }, submit,
      onCancel ? h('button', { type: 'button', class: 'button-secondary', onclick: onCancel }, 'Cancel') : null),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    mount(result);
    const types = [
      ...boxes.map((b) => b.querySelector('input')).filter((b) => b.checked).map((b) => b.value),
      ...more.value.split(',').map((t) => t.trim()).filter(Boolean),
    ];
    const body = product ? { product } : { domain };
    if (types.length) body.types = types;
    body.channel = webhook.checked ? 'webhook' : 'email';
    if (webhook.checked) {
      body.url = url.value.trim();
      if (secret.value.trim()) body.secret = secret.value.trim();
    } else {
      body.email = address.value.trim();
    }
    submit.disabled = true;
    mount(result, 'Subscribing…');
    try {
      const created = await api('/api/v1/subscriptions', { method: 'POST', body: JSON.stringify(body) });
      mount(result, createdView(created, id));
      result.querySelector('input, h4')?.focus();
    } catch (error) {
      const errors = error instanceof ApiError ? error.problem.errors || [] : [];
      const controls = {
        url: ids.url, secret: ids.secret, email: ids.address, channel: ids.webhook, types: ids.more,
      };
      for (const e of errors) if (/^types\[\d+\]$/.test(e.field)) controls[e.field] = ids.more;
      const unplaced = showFieldErrors(form, errors, controls);
      mount(result, errors.length && !unplaced.length
        ? h('p', { class: 'field-error', role: 'alert' }, 'Not subscribed: see the fields marked above.')
        : h('div', {}, problemView(error),
          unplaced.length ? h('ul', {}, unplaced.map((e) => h('li', {}, h('code', {}, e.field), `: ${e.message}`))) : null));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** The answer to a new subscription; a webhook's secret is shown here once, with a copy button. */
function createdView(created, id) {
  const s = created.subscription || {};
  const view = h('div', { class: 'ok-panel', id: `${id}-created`, dataset: { id: s.id || '' } },
    h('p', { class: 'ok' }, `Subscribed: ${s.channel === 'email' ? `e-mail to ${s.email}` : `webhook to ${s.url}`}. `,
      h('a', { href: '#/subscriptions' }, 'See your subscriptions')));
  if (created.secret) {
    const secretBox = h('input', {
      id: `${id}-created-secret`, type: 'text', readonly: true, value: created.secret, class: 'secret',
      'aria-describedby': `${id}-created-secret-hint`, spellcheck: 'false',
    });
    const copied = h('span', { role: 'status', class: 'hint' });
    view.append(h('div', { class: 'field' },
      h('label', { for: secretBox.id }, 'Webhook secret'),
      h('p', { class: 'hint', id: `${id}-created-secret-hint` },
        'Copy it now: it is shown only this once. Your receiver checks the Tessera-Signature header (HMAC-SHA256 of the body) with it.'),
      h('div', { class: 'inline-row' }, secretBox,
        h('button', {
          type: 'button', class: 'button-secondary', id: `${id}-copy`,
          onclick: async () => {
            secretBox.select();
            try {
              await navigator.clipboard.writeText(created.secret);
              copied.textContent = 'Copied.';
            } catch {
              copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
            }
          },
        }, 'Copy'), copied)));
  }
  return view;
}
