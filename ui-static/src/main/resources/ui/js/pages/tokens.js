// My API tokens: a person signed in with the organisation's identity provider lists, creates and
// revokes its own API tokens (for scripts and pipelines). A token carries the person's roles and
// domains or fewer (the server refuses wider ones with a 403 shown beside the form) and exactly the
// person's attributes; its secret is shown once, with a copy button. Secrets are never listed.
import { h, mount, when } from '../dom.js';
import { api } from '../api.js';
import { principal } from '../auth.js';
import { hasSession, token } from '../session.js';
import { problemView } from '../problems.js';
import { field, showFieldErrors, clearFieldErrors } from '../exchange.js';

const DAY = 24 * 60 * 60 * 1000;

export async function render(main, { signal }) {
  document.title = 'My API tokens · Tessera';
  const who = await principal();
  if (!who || !hasSession() || token()) {
    mount(main, h('h1', {}, 'My API tokens'),
      h('p', {}, 'Sign in with your organisation to make API tokens for your scripts and pipelines. ',
        'A pasted API token cannot make more tokens.'));
    return;
  }
  const tokens = await api('/api/v1/me/tokens', { signal });
  signal.throwIfAborted();
  const status = h('p', { id: 'tokens-status', role: 'status', class: 'ok' });
  const list = h('div', { id: 'tokens-list' });
  mount(main,
    h('h1', {}, 'My API tokens'),
    h('p', { class: 'lead' }, 'Tokens for your scripts and pipelines. Each one acts as you, ',
      h('strong', {}, who.subject), ', with your roles and domains or fewer; send it as ',
      h('code', {}, 'Authorization: Bearer <token>'), '.'),
    createForm(who, status, list),
    status,
    h('h2', {}, 'Your tokens'),
    list);
  showList(list, tokens, status);
}

function createForm(who, status, list) {
  const name = h('input', { id: 'token-name', type: 'text', required: true, autocomplete: 'off', maxlength: '200' });
  const days = h('input', { id: 'token-days', type: 'number', min: '1', max: '366', value: '90', inputmode: 'numeric' });
  const roles = (who.roles || []).map((role) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'role', value: role, checked: true, id: `token-role-${role}` }), ` ${role}`));
  const domains = (who.domains || []).map((domain) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'domain', value: domain, checked: true, id: `token-domain-${domain}` }), ` ${domain}`));
  const result = h('div', { id: 'token-created', role: 'status' });
  const submit = h('button', { type: 'submit', id: 'token-create' }, 'Create token');
  const form = h('form', { id: 'token-form', novalidate: true, class: 'panel' },
    h('h2', {}, 'New token'),
    field('Name', name, 'What the token is for, e.g. "nightly load". Shown in the list below.'),
    field('Expires in (days)', days, 'At most 366 days.'),
    h('fieldset', { id: 'token-roles' }, h('legend', {}, 'Roles (yours; untick to narrow)'),
      roles.length ? roles : h('p', { class: 'muted' }, 'You have no roles.')),
    domains.length ? h('fieldset', { id: 'token-domains' }, h('legend', {}, 'Domains (yours; untick to narrow)'), domains) : null,
    h('p', { class: 'actions' }, submit),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    mount(result);
    if (!name.value.trim()) {
      showFieldErrors(form, [{ field: 'name', message: 'Give the token a name.' }], { name: name.id });
      return;
    }
    const body = {
      name: name.value.trim(),
      roles: [...form.querySelectorAll('input[name=role]:checked')].map((c) => c.value),
      expiresAt: new Date(Date.now() + Number(days.value || 90) * DAY).toISOString(),
    };
    if (domains.length) body.domains = [...form.querySelectorAll('input[name=domain]:checked')].map((c) => c.value);
    submit.disabled = true;
    try {
      const created = await api('/api/v1/me/tokens', { method: 'POST', body: JSON.stringify(body) });
      name.value = '';
      mount(result, secretView(created));
      mount(status, `Token "${created.token.description}" created.`);
      showList(list, await api('/api/v1/me/tokens'), status);
      result.querySelector('input')?.focus();
    } catch (error) {
      const errors = error.problem?.errors || [];
      const unplaced = showFieldErrors(form, errors, { name: name.id, expiresAt: days.id, roles: 'token-roles', domains: 'token-domains' });
      if (!errors.length || unplaced.length) mount(result, problemView(error));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** The new token's secret, shown only this once, with a copy button. */
function secretView(created) {
  const box = h('input', {
    id: 'token-secret', type: 'text', readonly: true, value: created.secret, class: 'secret',
    'aria-describedby': 'token-secret-hint', spellcheck: 'false',
  });
  const copied = h('span', { role: 'status', class: 'hint', id: 'token-copied' });
  return h('div', { class: 'ok-panel field' },
    h('label', { for: box.id }, `Secret of "${created.token.description}"`),
    h('p', { class: 'hint', id: 'token-secret-hint' }, 'Copy it now: it is shown only this once.'),
    h('div', { class: 'inline-row' }, box,
      h('button', {
        type: 'button', class: 'button-secondary', id: 'token-copy',
        onclick: async () => {
          box.select();
          try {
            await navigator.clipboard.writeText(created.secret);
            copied.textContent = 'Copied.';
          } catch {
            copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
          }
        },
      }, 'Copy'), copied));
}

function showList(list, tokens, status) {
  if (!tokens.length) {
    mount(list, h('p', { class: 'muted', id: 'no-tokens' }, 'You have no API token yet.'));
    return;
  }
  mount(list, h('table', { class: 'listing', id: 'tokens' },
    h('thead', {}, h('tr', {}, ['Name', 'Roles', 'Domains', 'Created', 'Expires', 'State', '']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, tokens.map((t) => tokenRow(t, status)))));
}

function tokenRow(t, status) {
  const revoked = Boolean(t.revokedAt);
  const expired = !revoked && t.expiresAt && new Date(t.expiresAt) <= new Date();
  const state = revoked ? `Revoked ${when(t.revokedAt)}` : expired ? 'Expired' : 'Active';
  const cell = h('td', {});
  const row = h('tr', { class: 'token', id: `token-${t.id}`, dataset: { id: t.id, state: revoked ? 'revoked' : expired ? 'expired' : 'active' } },
    h('th', { scope: 'row' }, t.description || '—'),
    h('td', {}, (t.roles || []).join(', ') || '—'),
    h('td', {}, (t.domains || []).join(', ') || '—'),
    h('td', {}, when(t.createdAt)),
    h('td', {}, t.expiresAt ? when(t.expiresAt) : 'never'),
    h('td', { class: 'token-state' }, state),
    cell);
  if (!revoked) {
    mount(cell, h('button', {
      type: 'button', class: 'button-danger', id: `revoke-${t.id}`,
      'aria-label': `Revoke the token "${t.description}"`,
      onclick: async (e) => {
        e.currentTarget.disabled = true;
        try {
          const done = await api(`/api/v1/me/tokens/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
          row.replaceWith(tokenRow(done, status));
          mount(status, `Token "${t.description}" revoked: it no longer works.`);
        } catch (error) {
          e.target.disabled = false;
          mount(cell, problemView(error));
        }
      },
    }, 'Revoke'));
  }
  return row;
}
