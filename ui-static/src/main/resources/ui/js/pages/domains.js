// The domains of the mesh.
import { h, mount, ownerLabel } from '../dom.js';
import { api } from '../api.js';
import { domainHref } from '../links.js';

export async function render(main, { signal }) {
  const domains = await api('/api/v1/domains', { signal });
  document.title = 'Domains · Tessera';
  mount(main,
    h('h1', {}, 'Domains'),
    domains.length === 0 ? h('p', {}, 'No domain has been declared yet.') : null,
    h('ul', { class: 'cards' }, domains.map((d) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: domainHref(d.name) }, d.title || d.name)),
      d.description ? h('p', {}, d.description) : null,
      h('p', { class: 'muted' }, `Owner: ${ownerLabel(d.owner)}`)))));
}
