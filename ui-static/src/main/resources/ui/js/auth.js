// Sign-in with an API token. The token lives in sessionStorage only (gone when the tab closes) and
// is sent as `Authorization: Bearer <token>` on every API call (see api.js).
import { h, mount } from './dom.js';

const KEY = 'tessera.token';
const listeners = [];

/** The signed-in token, or null. */
export function token() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Calls `fn` whenever the user signs in or out. */
export function onSignInChange(fn) {
  listeners.push(fn);
}

function set(value) {
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
  renderStatus();
  listeners.forEach((fn) => fn());
}

/** Wires the header's sign-in area and the sign-in dialog. */
export function initSignIn() {
  const dialog = document.getElementById('signin-dialog');
  const form = dialog.querySelector('form');
  const input = dialog.querySelector('#signin-token');
  const error = dialog.querySelector('#signin-error');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (event.submitter?.value === 'cancel') {
      dialog.close();
      return;
    }
    const value = input.value.trim();
    if (!value) {
      error.textContent = 'Enter an API token.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.value = '';
    dialog.close();
    set(value);
    document.getElementById('signin-button')?.focus();
  });
  renderStatus();
}

function openDialog() {
  const dialog = document.getElementById('signin-dialog');
  dialog.showModal();
  dialog.querySelector('#signin-token').focus();
}

function renderStatus() {
  const area = document.getElementById('signin-area');
  if (!area) return;
  const current = token();
  if (current) {
    mount(area,
      h('span', { id: 'signin-status', class: 'signin-status' },
        'Signed in with token …', h('code', {}, current.slice(-4))),
      h('button', { type: 'button', id: 'signout-button', class: 'button-secondary', onclick: () => set(null) }, 'Sign out'));
  } else {
    mount(area, h('button', { type: 'button', id: 'signin-button', onclick: openDialog }, 'Sign in'));
  }
}
