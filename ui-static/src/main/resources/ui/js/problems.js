// How a failed API call is shown.
import { h } from './dom.js';
import { ApiError } from './api.js';
import { token, hasSession } from './session.js';

/**
 * Shows a failed API call plainly: status, title, detail, for 401/403 a way to sign in, and for 404
 * that a product the caller may not discover looks missing.
 */
export function problemView(error) {
  if (!(error instanceof ApiError)) {
    return h('div', { class: 'problem', role: 'alert' }, h('p', {}, String(error.message || error)));
  }
  const p = error.problem;
  const heading = error.status === 401 ? (token() ? 'Token not accepted' : 'Sign-in required')
    : error.status === 403 ? 'Not allowed'
      : p.title || `Request failed (${error.status})`;
  return h('div', { class: 'problem', role: 'alert', dataset: { status: String(error.status) } },
    h('p', { class: 'problem-title' }, `${heading} (HTTP ${error.status})`),
    p.detail ? h('p', {}, p.detail) : null,
    error.denied ? h('p', {}, error.status === 401
      ? (token() ? 'Sign out and sign in with a valid API token.' : 'Sign in with an API token that allows this.')
      : hasSession() && !token()
        ? 'Your account does not allow this. Ask the domain owner for access.'
        : 'Your token does not allow this. Sign in with another token or ask the domain owner for access.')
      : null,
    error.status === 404
      ? h('p', {}, 'It does not exist, or you may not see it: the catalog answers both the same way.')
      : null);
}
