// The signed-in API token, kept in sessionStorage only (gone when the tab closes, never in
// localStorage or a cookie). api.js sends it; auth.js keeps it once the server accepts it and
// forgets it on sign-out. This module imports nothing, so both can depend on it.
const KEY = 'tessera.token';

/** The signed-in token, or null. */
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
