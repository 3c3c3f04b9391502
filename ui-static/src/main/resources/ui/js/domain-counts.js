// How many products the reader may see per domain, all, planned and physical: the search's domain
// facet over products, one `limit=1` request for each, whatever the number of domains. Used by the
// Domains overview and the home page.
import { h } from './dom.js';
import { api, query } from './api.js';
import { route } from './links.js';

async function countsByDomain(params, signal) {
  const found = await api(`/api/v1/search${query({ type: 'product', limit: 1, ...params })}`, { signal });
  return Object.fromEntries((found.facets?.domain || []).map((f) => [f.value, f.count]));
}

/**
 * `{ all, planned, physical }`, each a map from domain name to count, or null when its request
 * failed (`all` null means no counts can be shown).
 */
export async function productCounts(signal) {
  const settled = await Promise.allSettled([
    countsByDomain({}, signal),
    countsByDomain({ state: 'planned' }, signal),
    countsByDomain({ state: 'physical' }, signal),
  ]);
  signal.throwIfAborted();
  const [all, planned, physical] = settled.map((c) => (c.status === 'fulfilled' ? c.value : null));
  return { all, planned, physical };
}

/** The list of a domain's counts, each a link to the search for those products. */
export function domainCountsList(name, label, { all, planned, physical }) {
  if (!all) return null;
  const stat = (text, count, href) => h('li', {},
    h('a', { href }, h('span', { class: 'stat-number' }, String(count || 0)), ` ${text}`));
  return h('ul', { class: 'domain-counts', 'aria-label': `Products of ${label}` },
    stat('products', all[name], route('/search', { type: 'product', domain: name })),
    stat('planned', planned?.[name], route('/search', { type: 'product', domain: name, state: 'planned' })),
    stat('physical', physical?.[name], route('/search', { type: 'product', domain: name, state: 'physical' })));
}
