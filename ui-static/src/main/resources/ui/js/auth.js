// Sign-in: with the organisation's identity provider (when the server offers it: the browser goes to
// /oauth/login/tessera and comes back with an HttpOnly session cookie the UI never reads), or with a
// pasted API token. The token lives in sessionStorage only (gone when the tab closes, see
// session.js) and is sent as `Authorization: Bearer <token>` on every API call (see api.js). Before
// it is kept, the server is asked who the token belongs to (GraphQL `me`); a token it refuses is not
// kept and its problem is shown in the dialog. Who the session cookie signs in is asked of
// GET /api/v1/me when the page loads; signing out of a session goes to the server's sign-out route,
// which clears the cookie and passes through the provider's end-session endpoint.
import { h, mount } from './dom.js';
import { whoAmI, me, ApiError } from './api.js';
import { token, setToken, clearToken, signedIn, hasSession, setSession } from './session.js';

const listeners = [];
/** Who the signed-in token belongs to ({ subject, roles }), an ApiError the server answered, or null. */
let who = null;
/** Settles once the server said who a token kept from earlier in the tab belongs to. */
let asked = Promise.resolve();
/** How people sign in here (`{ oidc, login, logout }`), as GET /api/v1/me said. */
let signIn = { oidc: false };

/**
 * Who is signed in (`{ subject, roles, domains }`) as the server answered, or null when nobody is
 * or the server refused the token. Waits for the question asked when the page loaded.
 */
export async function principal() {
  await asked;
  return signedIn() && who?.subject ? who : null;
}

/**
 * Whether the caller is one of the deciders of a product in `domain`: an admin or an owner of the
 * domain. Only to choose which buttons to offer; the server decides what each call may do.
 */
export function decides(caller, domain) {
  const roles = caller?.roles || [];
  return roles.includes('admin') || (roles.includes('domain-owner') && (caller.domains || []).includes(domain));
}

/** Calls `fn` whenever the user signs in or out. */
export function onSignInChange(fn) {
  listeners.push(fn);
}

function set(value, principal) {
  if (value) setToken(value);
  else clearToken();
  who = value ? principal : null;
  renderStatus();
  listeners.forEach((fn) => fn());
}

/** Wires the header's sign-in area and the sign-in dialog. */
export function initSignIn() {
  const dialog = document.getElementById('signin-dialog');
  const form = dialog.querySelector('form');
  const input = dialog.querySelector('#signin-token');
  const error = dialog.querySelector('#signin-error');
  const submit = dialog.querySelector('#signin-submit');
  const refuse = (message) => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (event.submitter?.value === 'cancel') {
      dialog.close();
      return;
    }
    const value = input.value.trim();
    if (!value) {
      refuse('Enter an API token.');
      return;
    }
    error.textContent = 'Checking the token…';
    submit.disabled = true;
    let principal;
    try {
      principal = await whoAmI(value);
    } catch (problem) {
      refuse(problem instanceof ApiError
        ? `${problem.problem.title || 'Refused'} (HTTP ${problem.status}): ${problem.message}`
        : String(problem.message || problem));
      return;
    } finally {
      submit.disabled = false;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.value = '';
    dialog.close();
    set(value, principal);
    document.getElementById('signout-button')?.focus();
  });
  renderStatus();
  asked = askServer();
  if (/[?&]signin=failed/.test(location.hash)) {
    openDialog();
    error.textContent = 'Signing in with your organisation failed. Try again, or paste an API token.';
  }
}

/** Asks who the session cookie signs in, then who a token kept from earlier in this tab is. */
async function askServer() {
  try {
    const answer = await me();
    signIn = answer.signIn || { oidc: false };
    setSession(answer.via === 'session');
    if (answer.via === 'session') who = answer;
  } catch {
    setSession(false);
  }
  if (token()) {
    // a token kept from earlier in this tab: ask again who it is (it may have been revoked)
    try {
      who = await whoAmI(token());
    } catch (problem) {
      who = problem;
    }
  }
  renderStatus();
  if (hasSession()) listeners.forEach((fn) => fn());
}

function openDialog() {
  const dialog = document.getElementById('signin-dialog');
  const oidc = dialog.querySelector('#signin-oidc');
  oidc.hidden = !signIn.oidc;
  if (signIn.oidc) oidc.querySelector('a').setAttribute('href', signIn.login);
  if (!dialog.open) dialog.showModal();
  (signIn.oidc ? oidc.querySelector('a') : dialog.querySelector('#signin-token')).focus();
}

function signOut() {
  if (hasSession() && !token()) {
    // the server clears the cookie, then the provider ends its own session and sends the browser back
    location.assign(signIn.logout || '/oauth/logout');
    return;
  }
  set(null);
}

function statusText(current) {
  if (who instanceof ApiError || who instanceof Error) {
    return [`Token refused${who.status ? ` (HTTP ${who.status})` : ''}: ${who.message} `];
  }
  if (who?.subject) {
    return ['Signed in as ', h('strong', {}, who.subject),
      who.roles?.length ? ` (${who.roles.join(', ')})` : ''];
  }
  return ['Signed in with token …', h('code', {}, current.slice(-4))];
}

function renderStatus() {
  const current = token();
  const session = hasSession() && !current;
  // the pages of a signed-in caller: their requests and their inbox
  for (const item of document.querySelectorAll('[data-signed-in]')) item.hidden = !current && !session;
  const area = document.getElementById('signin-area');
  if (!area) return;
  if (current || session) {
    mount(area,
      h('span', { id: 'signin-status', class: 'signin-status' }, statusText(current || '')),
      session ? h('a', { href: '#/tokens', id: 'tokens-link', class: 'signin-link' }, 'My API tokens') : null,
      h('button', { type: 'button', id: 'signout-button', class: 'button-secondary', onclick: signOut }, 'Sign out'));
  } else {
    mount(area, h('button', { type: 'button', id: 'signin-button', onclick: openDialog }, 'Sign in'));
  }
}
