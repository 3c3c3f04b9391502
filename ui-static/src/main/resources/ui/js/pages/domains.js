// The domains of the mesh, each with how many of its products the reader may see are planned and
// physical (the search's domain facet over products, all, planned and physical: three requests for
// the whole page, whatever the number of domains).
import { h, mount, ownerLabel } from '../dom.js';
import { api } from '../api.js';
import { domainHref, route } from '../links.js';

function query(params) {
  return `?${new URLSearchParams(params)}`;
}

async function countsByDomain(params, signal) {
  const found = await api(`/api/v1/search${query({ type: 'product', limit: 1, ...params })}`, { signal });
  return Object.fromEntries((found.facets?.domain || []).map((f) => [f.value, f.count]));
}

export async function render(main, { signal }) {
  const [domains, counts] = await Promise.all([
    api('/api/v1/domains', { signal }),
    Promise.allSettled([
      countsByDomain({}, signal),
      countsByDomain({ lifecycle: 'planned' }, signal),
      countsByDomain({ lifecycle: 'physical' }, signal),
    ]),
  ]);
  signal.throwIfAborted();
  const [all, planned, physical] = counts.map((c) => (c.status === 'fulfilled' ? c.value : null));
  document.title = 'Domains · Tessera';
  const stat = (label, count, href) => h('li', {},
    h('a', { href }, h('span', { class: 'stat-number' }, String(count || 0)), ` ${label}`));
  mount(main,
    h('h1', {}, 'Domains'),
    domains.length === 0 ? h('p', {}, 'No domain has been declared yet.') : null,
    h('ul', { class: 'cards' }, domains.map((d) => h('li', { class: 'card', 'data-domain': d.name },
      h('h2', {}, h('a', { href: domainHref(d.name) }, d.title || d.name)),
      d.description ? h('p', {}, d.description) : null,
      all ? h('ul', { class: 'domain-counts', 'aria-label': `Products of ${d.title || d.name}` },
        stat('products', all[d.name], route('/search', { type: 'product', domain: d.name })),
        stat('planned', planned?.[d.name], route('/search', { type: 'product', domain: d.name, lifecycle: 'planned' })),
        stat('physical', physical?.[d.name], route('/search', { type: 'product', domain: d.name, lifecycle: 'physical' })))
        : null,
      h('p', { class: 'muted' }, `Owner: ${ownerLabel(d.owner)}`)))));
}
