// Domain page: the domain, how many of its products are planned and physical (from the search
// facets, so it stays cheap at any size), its products page by page, and what lineage found in its
// namespaces that no product claims; for signed-in readers, the domain's time to value and its most
// wanted planned products.
import { h, mount, stateBadge, ownerLabel, ownerView } from '../dom.js';
import { api, query } from '../api.js';
import { route, productHref, lineageHref, datasetNode } from '../links.js';
import { problemView } from '../problems.js';
import { timeToValueSection, demandSection } from './domain-exchange.js';

const PAGE_SIZE = 20;

export async function render(main, { args: [name], params, signal }) {
  const cursor = params.get('cursor') || '';
  const page = Number(params.get('page') || 1);
  const domain = await api(`/api/v1/domains/${encodeURIComponent(name)}`, { signal });
  const [counts, products, observation, timeToValue, demand] = await Promise.allSettled([
    api(`/api/v1/search${query({ type: 'product', domain: name, limit: 1 })}`, { signal }),
    api(`/api/v1/products${query({ domain: name, limit: PAGE_SIZE, cursor })}`, { signal }),
    api(`/api/v1/domains/${encodeURIComponent(name)}/observation`, { signal }),
    api(`/api/v1/time-to-value${query({ domain: name })}`, { signal }),
    api(`/api/v1/demand${query({ domain: name, state: 'planned' })}`, { signal }),
  ]);
  signal.throwIfAborted();
  document.title = `${domain.title || domain.name} · Domains · Tessera`;
  mount(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
      h('a', { href: '#/domains' }, 'Domains'), ' › ', h('span', { 'aria-current': 'page' }, domain.name)),
    h('h1', {}, domain.title || domain.name),
    domain.description ? h('p', { class: 'lead' }, domain.description) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Owner'), h('dd', {}, ownerView(domain.owner)),
      domain.parent ? [h('dt', {}, 'Part of'), h('dd', {}, h('a', { href: `#/domain/${encodeURIComponent(domain.parent)}` }, domain.parent))] : null),
    h('p', { class: 'actions' },
      h('a', { class: 'button', href: route('/new', { domain: domain.name }) }, 'Declare a planned product'),
      h('a', { class: 'button-secondary', href: route('/search', { domain: domain.name }) }, 'Search in this domain')),
    countsSection(name, counts),
    productsSection(name, products, cursor, page),
    demandSection(demand),
    timeToValueSection(timeToValue),
    unownedSection(observation));
}

function countsSection(name, result) {
  const section = h('section', { 'aria-labelledby': 'counts-heading', id: 'counts' }, h('h2', { id: 'counts-heading' }, 'Products'));
  if (result.status === 'rejected') {
    section.append(problemView(result.reason));
    return section;
  }
  const state = Object.fromEntries((result.value.facets?.state || []).map((f) => [f.value, f.count]));
  const health = Object.fromEntries((result.value.facets?.health || []).map((f) => [f.value, f.count]));
  const stat = (label, count, href, id) => h('li', { class: 'stat', id },
    h('a', { href }, h('span', { class: 'stat-number' }, String(count)), h('span', { class: 'stat-label' }, label)));
  section.append(h('ul', { class: 'stats' },
    stat('products', result.value.total, route('/search', { type: 'product', domain: name }), 'count-all'),
    stat('planned', state.planned || 0, route('/search', { type: 'product', domain: name, state: 'planned' }), 'count-planned'),
    stat('physical', state.physical || 0, route('/search', { type: 'product', domain: name, state: 'physical' }), 'count-physical'),
    // only products that are or were unhealthy carry a health value; the rest are healthy
    ...['degraded', 'failing'].map((status) => stat(status, health[status] || 0,
      route('/search', { type: 'product', domain: name, health: status }), `count-${status}`))));
  return section;
}

function productsSection(name, result, cursor, page) {
  const section = h('section', { 'aria-label': 'Product list', id: 'domain-products' });
  if (result.status === 'rejected') {
    section.append(problemView(result.reason));
    return section;
  }
  const { items, nextCursor } = result.value;
  section.append(
    h('table', { class: 'listing' },
      h('caption', {}, `Products of ${name}, page ${page}`),
      h('thead', {}, h('tr', {}, ['Product', 'State', 'Lifecycle', 'Owner'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, items.map((p) => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: productHref(p.domain, p.name) }, p.title || p.name),
          h('div', { class: 'muted' }, h('code', {}, p.name))),
        h('td', {}, stateBadge(p.state)),
        h('td', {}, p.lifecycle),
        h('td', {}, ownerLabel(p.owner)))))),
    h('nav', { class: 'pager', 'aria-label': 'Product pages' },
      cursor ? h('a', { class: 'button-secondary', href: `#/domain/${encodeURIComponent(name)}` }, '« First page') : null,
      cursor ? h('button', { type: 'button', class: 'button-secondary', onclick: () => history.back() }, '‹ Previous') : null,
      nextCursor ? h('a', { class: 'button-secondary', href: route(`/domain/${encodeURIComponent(name)}`, { cursor: nextCursor, page: page + 1 }) }, 'Next page ›') : null));
  return section;
}

function unownedSection(result) {
  const section = h('section', { 'aria-labelledby': 'unowned-heading', id: 'unowned' },
    h('h2', { id: 'unowned-heading' }, 'Found by lineage, claimed by no product'));
  if (result.status === 'rejected') {
    section.append(problemView(result.reason));
    return section;
  }
  const r = result.value;
  const unowned = r.producedUnclaimed || [];
  section.append(unowned.length === 0
    ? h('p', { class: 'ok' }, 'Every dataset lineage has seen in this domain\'s namespaces belongs to a product.')
    : h('ul', {}, unowned.map((d) => h('li', {}, h('code', {}, `${d.namespace} ${d.name}`), ' ',
      h('a', { href: lineageHref({ node: datasetNode(d.namespace, d.name) }) }, 'lineage')))));
  const promised = r.promisedNotProduced || [];
  if (promised.length) {
    section.append(h('h3', {}, 'Promised, not produced yet'),
      h('ul', {}, promised.map((s) => h('li', {},
        h('a', { href: productHref(s.domain, s.product) }, `${s.product} › ${s.port}`), ': ',
        h('code', {}, `${s.dataset.namespace} ${s.dataset.name}`)))));
  }
  return section;
}
