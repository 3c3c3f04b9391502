// How a failed API call is shown.
import { h } from './dom.js';
import { ApiError } from './api.js';

/** Shows a failed API call plainly: status, title, detail, and for 401/403 a way to sign in. */
export function problemView(error) {
  if (!(error instanceof ApiError)) {
    return h('div', { class: 'problem', role: 'alert' }, h('p', {}, String(error.message || error)));
  }
  const p = error.problem;
  const heading = error.status === 401 ? 'Sign-in required'
    : error.status === 403 ? 'Not allowed'
      : p.title || `Request failed (${error.status})`;
  return h('div', { class: 'problem', role: 'alert', dataset: { status: String(error.status) } },
    h('p', { class: 'problem-title' }, `${heading} (HTTP ${error.status})`),
    p.detail ? h('p', {}, p.detail) : null,
    error.denied ? h('p', {}, error.status === 401
      ? 'Sign in with an API token to see this.'
      : 'Your token does not allow this. Sign in with another token or ask the domain owner for access.')
      : null);
}
