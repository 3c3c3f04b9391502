// The domains of the mesh, each with how many of its products the reader may see are planned and
// physical (the search's domain facet over products, all, planned and physical: three requests for
// the whole page, whatever the number of domains; see domain-counts.js).
import { h, mount, ownerLabel } from '../dom.js';
import { api } from '../api.js';
import { domainHref } from '../links.js';
import { productCounts, domainCountsList } from '../domain-counts.js';

export async function render(main, { signal }) {
  const [domains, counts] = await Promise.all([
    api('/api/v1/domains', { signal }),
    productCounts(signal),
  ]);
  signal.throwIfAborted();
  document.title = 'Domains · Tessera';
  mount(main,
    h('h1', {}, 'Domains'),
    domains.length === 0 ? h('p', {}, 'No domain has been declared yet.') : null,
    h('ul', { class: 'cards' }, domains.map((d) => h('li', { class: 'card', 'data-domain': d.name },
      h('h2', {}, h('a', { href: domainHref(d.name) }, d.title || d.name)),
      d.description ? h('p', {}, d.description) : null,
      domainCountsList(d.name, d.title || d.name, counts),
      h('p', { class: 'muted' }, `Owner: ${ownerLabel(d.owner)}`)))));
}
