// Every call to the REST API goes through here: it adds the signed-in token (or lets the browser send
// the session cookie), marks the call as the UI's own with the X-Tessera-Request header (a change
// authenticated by the session cookie needs it, and a page on another site cannot send it), and turns
// RFC 7807 problems into ApiError.
import { token } from './session.js';

/** A failed API call, with the problem document the server returned (if any). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Whether the server refused the caller (not signed in, or not allowed). */
  get denied() {
    return this.status === 401 || this.status === 403;
  }
}

/** Builds a query string from an object; arrays repeat the parameter; empty values are dropped. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') search.append(key, v);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The catalog journal position of the newest write this tab made (its `Tessera-Journal-Position`),
 * kept for the tab's session: every later call asks the server to have applied it
 * (`Tessera-Wait-For-Position`), so that a page read right after a write shows that write even when
 * it is served by another node of the catalog.
 */
const POSITION_KEY = 'tessera.journalPosition';

function lastWritePosition() {
  try {
    return sessionStorage.getItem(POSITION_KEY);
  } catch {
    return null;
  }
}

function rememberWritePosition(response) {
  const position = response.headers.get('Tessera-Journal-Position');
  if (!position) return;
  try {
    if (Number(position) > Number(sessionStorage.getItem(POSITION_KEY) || 0)) {
      sessionStorage.setItem(POSITION_KEY, position);
    }
  } catch {
    // no session storage (a private window with storage off): reads just do not wait
  }
}

/**
 * Calls the API and returns the parsed JSON body. `bearer` sends another token than the signed-in
 * one (sign-in checks a token before keeping it).
 */
export async function api(path, { method = 'GET', body, contentType, signal, bearer = token() } = {}) {
  const headers = { Accept: 'application/json', 'X-Tessera-Request': 'ui' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
  const waitFor = lastWritePosition();
  if (waitFor) headers['Tessera-Wait-For-Position'] = waitFor;
  const response = await fetch(path, { method, headers, body, signal });
  rememberWritePosition(response);
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => null) : null;
  signal?.throwIfAborted();
  if (waitFor && response.status === 400 && String(parsed?.detail).includes('Tessera-Wait-For-Position')) {
    // the position is from another catalog (a server started afresh): forget it and ask again
    try { sessionStorage.removeItem(POSITION_KEY); } catch { /* nothing kept */ }
    return api(path, { method, body, contentType, signal, bearer });
  }
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

/**
 * Who the server takes the caller with this token for (GraphQL `me`):
 * `{ subject, anonymous, roles, domains }`.
 */
export async function whoAmI(bearer, signal) {
  const answer = await api('/graphql', {
    method: 'POST', body: JSON.stringify({ query: '{ me { subject anonymous roles domains } }' }), bearer, signal,
  });
  const me = answer?.data?.me;
  if (!me) throw new Error(answer?.errors?.[0]?.message || 'The server did not say who is signed in.');
  return me;
}

/**
 * Who the server takes the caller for without a pasted token (the session cookie, if any) and how
 * people sign in here: `{ subject, anonymous, roles, domains, via, signIn: { oidc, login, logout } }`.
 */
export async function me(signal) {
  return api('/api/v1/me', { bearer: null, signal });
}
