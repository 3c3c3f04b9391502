// The home page (#/): a search box with typeahead that goes to #/search, the products that turned
// physical most recently, the planned products most wanted (by registered interest) and the domains
// with their counts, all for what the reader may see. Each section says so in a sentence when its
// request fails or finds nothing, instead of an error.
import { h, mount, when } from '../dom.js';
import { api, ApiError, query } from '../api.js';
import { route, productHref, domainHref } from '../links.js';
import { attachTypeahead } from '../typeahead.js';
import { productCounts, domainCountsList } from '../domain-counts.js';

const SHOWN = 5;
// The products API lists in domain/name order; one page as large as it allows is sorted here by
// when each product turned physical.
const PHYSICAL_PAGE = 500;

function searchForm() {
  const input = h('input', {
    id: 'search-input', type: 'search', name: 'q', autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-controls': 'search-suggestions', 'aria-expanded': 'false',
    placeholder: 'Products, datasets, columns, owners…',
  });
  const listbox = h('ul', { id: 'search-suggestions', role: 'listbox', class: 'suggestions', 'aria-label': 'Suggestions', hidden: true });
  const form = h('form', { role: 'search', id: 'search-form', class: 'search-form home-search' },
    h('label', { for: 'search-input', class: 'search-label' }, 'Search the catalog'),
    h('div', { class: 'search-row' },
      h('div', { class: 'combobox' }, input, listbox),
      h('button', { type: 'submit' }, 'Search')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = route('/search', { q: input.value.trim() });
  });
  attachTypeahead(input, listbox);
  return form;
}

function section(id, title, ...body) {
  return h('section', { id, class: 'home-section', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, title), ...body);
}

const sentence = (text) => h('p', { class: 'muted' }, text);
const refused = (result) => result.status === 'rejected' && result.reason instanceof ApiError
  && (result.reason.status === 401 || result.reason.status === 403);

function recentlyPhysical(result) {
  if (result.status === 'rejected') {
    return section('recently-physical', 'Recently physical',
      sentence('The products that turned physical could not be listed just now.'));
  }
  const items = (result.value.items || [])
    .filter((p) => p.physicalSince)
    .sort((a, b) => String(b.physicalSince).localeCompare(String(a.physicalSince)))
    .slice(0, SHOWN);
  return section('recently-physical', 'Recently physical',
    items.length === 0
      ? sentence('No product you may see has turned physical yet.')
      : h('ol', { class: 'home-list' }, items.map((p) => h('li', { dataset: { product: `${p.domain}/${p.name}` } },
        h('a', { href: productHref(p.domain, p.name) }, p.title || `${p.domain}/${p.name}`), ' ',
        h('span', { class: 'muted' }, 'in '), h('a', { href: domainHref(p.domain) }, p.domain),
        h('span', { class: 'muted' }, ', physical since '),
        h('time', { datetime: p.physicalSince }, when(p.physicalSince))))),
    h('p', {}, h('a', { href: route('/search', { type: 'product', state: 'physical' }) }, 'All physical products')));
}

function mostWanted(result) {
  let body;
  if (refused(result)) {
    body = sentence('Sign in to see which planned products readers are waiting for.');
  } else if (result.status === 'rejected') {
    body = sentence('The most wanted planned products could not be listed just now.');
  } else {
    const items = (Array.isArray(result.value) ? result.value : result.value?.items || []).slice(0, SHOWN);
    body = items.length === 0
      ? sentence('No one has registered interest in a planned product yet.')
      : h('ol', { class: 'home-list' }, items.map((d) => {
        const [domain, name] = String(d.product).split('/');
        return h('li', { dataset: { product: d.product } },
          h('a', { href: productHref(domain, name) }, d.title || d.product), ' ',
          h('span', { class: 'muted' }, 'in '), h('a', { href: domainHref(domain) }, domain), ', ',
          h('strong', {}, `${d.count} interested`));
      }));
  }
  return section('most-wanted', 'Most wanted planned products', body,
    h('p', {}, h('a', { href: '#/new' }, 'Declare a planned product')));
}

function domainsSection(result, counts) {
  if (result.status === 'rejected' || result.value.length === 0) {
    return section('home-domains', 'Domains', sentence(result.status === 'rejected'
      ? 'The domains could not be listed just now.'
      : 'No domain has been declared yet.'));
  }
  return section('home-domains', 'Domains',
    h('ul', { class: 'cards' }, result.value.map((d) => h('li', { class: 'card', 'data-domain': d.name },
      h('h3', {}, h('a', { href: domainHref(d.name) }, d.title || d.name)),
      domainCountsList(d.name, d.title || d.name, counts)))),
    h('p', {}, h('a', { href: '#/domains' }, 'All domains')));
}

export async function render(main, { signal }) {
  const [physical, demand, domains, counts] = await Promise.allSettled([
    api(`/api/v1/products${query({ lifecycle: 'physical', limit: PHYSICAL_PAGE })}`, { signal }),
    api(`/api/v1/demand${query({ state: 'planned' })}`, { signal }),
    api('/api/v1/domains', { signal }),
    productCounts(signal),
  ]);
  signal.throwIfAborted();
  document.title = 'Tessera';
  mount(main,
    h('h1', {}, 'Data products of the mesh'),
    searchForm(),
    h('nav', { class: 'home-links', 'aria-label': 'Start here' },
      h('ul', {},
        h('li', {}, h('a', { href: '#/search', id: 'browse-everything' }, 'Browse everything')),
        h('li', {}, h('a', { href: '#/new' }, 'Declare a planned product')),
        h('li', {}, h('a', { href: '#/domains' }, 'Domains')))),
    h('div', { class: 'home-grid' },
      recentlyPhysical(physical),
      mostWanted(demand)),
    domainsSection(domains, counts.status === 'fulfilled' ? counts.value : { all: null }));
  main.dataset.page = 'home';
}
