// Who is signed in, as far as the UI needs to know: a pasted API token, kept in sessionStorage only
// (gone when the tab closes, never in localStorage or a cookie), or a session with the
// organisation's identity provider, which lives in an HttpOnly cookie the UI never sees (only
// whether the server says there is one). api.js sends the token; auth.js keeps it once the server
// accepts it and forgets it on sign-out. This module imports nothing, so both can depend on it.
const KEY = 'tessera.token';
let session = false;

/** The signed-in API token, or null. */
export function token() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Keeps `value` as the signed-in token. */
export function setToken(value) {
  sessionStorage.setItem(KEY, value);
}

/** Forgets the signed-in token. */
export function clearToken() {
  sessionStorage.removeItem(KEY);
}

/** Whether someone is signed in: with an API token, or with the identity provider. */
export function signedIn() {
  return Boolean(token()) || session;
}

/** Whether the server said the browser's session cookie signs someone in. */
export function hasSession() {
  return session;
}

/** Records whether the browser's session cookie signs someone in. */
export function setSession(value) {
  session = Boolean(value);
}
