// Where things live in the UI: hash routes, and the route for a catalog IRI.

/** A hash route with query parameters (arrays repeat). */
export function route(path, params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') search.append(key, v);
    }
  }
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export const productHref = (domain, name) =>
  `#/product/${encodeURIComponent(domain)}/${encodeURIComponent(name)}`;
export const domainHref = (domain) => `#/domain/${encodeURIComponent(domain)}`;
export const datasetNode = (namespace, name) => `dataset:${namespace}:${name}`;
export const lineageHref = (params) => route('/lineage', params);
export const datasetHref = (namespace, name) => route('/dataset', { namespace, name });

/** The dataset page for a dataset IRI (not one of its columns), or null. */
export function datasetHrefForIri(iri) {
  const match = /\/dataset\/([^/]+)\/([^/]+)$/.exec(iri || '');
  return match ? datasetHref(decodeURIComponent(match[1]), decodeURIComponent(match[2])) : null;
}

/**
 * The UI route for an entity IRI from the API (product, port, column, dataset, job, domain,
 * classification), or null. IRIs are `{base}/{kind}/...` with the base configurable, so this looks
 * for the kind segment.
 */
export function hrefForIri(iri) {
  const match = /\/(product|dataset|job|domain|classification)\/(.+)$/.exec(iri || '');
  if (!match) return null;
  const [, kind, rest] = match;
  const parts = rest.split('/');
  switch (kind) {
    case 'product':
      return parts.length >= 2 ? productHref(parts[0], parts[1]) : null;
    case 'domain':
      return domainHref(parts[0]);
    case 'classification':
      return route('/search', { classification: parts[0] });
    case 'dataset':
    case 'job': {
      if (parts.length < 2) return null;
      const namespace = decodeURIComponent(parts[0]);
      const name = decodeURIComponent(parts[1]);
      const params = { node: `${kind}:${namespace}:${name}` };
      if (kind === 'dataset' && parts[2] === 'field' && parts[3]) {
        params.field = decodeURIComponent(parts[3]);
      }
      return lineageHref(params);
    }
    default:
      return null;
  }
}

/**
 * `url` if a link to it is safe to render: a route in this UI (`#…`), a path on this server
 * (`/…`, not `//host`), or an absolute `http:`, `https:` or `mailto:` URL; otherwise null, so that a
 * `javascript:`, `data:` or other IRI from the API is never a link.
 */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  const text = url.trim();
  if (text.startsWith('#')) return text;
  if (text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\')) return text;
  return /^(https?:\/\/|mailto:)[^\s]/i.test(text) && !/[\u0000-\u001f]/.test(text) ? text : null;
}
