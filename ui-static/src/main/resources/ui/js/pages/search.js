// Search page: a search box with typeahead, facet filters with counts, highlighted results and
// cursor paging. Everything is in the URL (#/search?q=...&domain=...&cursor=...), so a search can
// be shared and the back button steps through it.
import { h, mount, snippet, chips, ownerLabel } from '../dom.js';
import { api, query } from '../api.js';
import { route, hrefForIri, datasetHrefForIri, domainHref } from '../links.js';
import { attachTypeahead } from '../typeahead.js';
import { problemView } from '../problems.js';
import { healthBadge } from '../observability.js';

const PAGE_SIZE = 20;

/** Facet dimensions: the API's parameter and facet key, and the label shown. */
export const DIMENSIONS = [
  ['type', 'Type'],
  ['domain', 'Domain'],
  ['state', 'Planned or physical'],
  ['lifecycle', 'Declared lifecycle'],
  ['classification', 'Classification'],
  ['tag', 'Tags'],
  ['owner', 'Owner'],
  ['platform', 'Platform'],
  ['health', 'Health'],
];

function stateFrom(params) {
  const state = { q: params.get('q') || '', cursor: params.get('cursor') || '', page: Number(params.get('page') || 1) };
  for (const [dim] of DIMENSIONS) state[dim] = params.getAll(dim);
  return state;
}

function href(state, changes = {}) {
  const next = { ...state, ...changes };
  const params = { q: next.q };
  for (const [dim] of DIMENSIONS) params[dim] = next[dim];
  if (next.cursor) {
    params.cursor = next.cursor;
    params.page = next.page;
  }
  return route('/search', params);
}

function skeleton(main) {
  const input = h('input', {
    id: 'search-input', type: 'search', name: 'q', autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-controls': 'search-suggestions', 'aria-expanded': 'false',
    placeholder: 'Products, datasets, columns, owners…',
  });
  const listbox = h('ul', { id: 'search-suggestions', role: 'listbox', class: 'suggestions', 'aria-label': 'Suggestions', hidden: true });
  const form = h('form', { role: 'search', id: 'search-form', class: 'search-form' },
    h('label', { for: 'search-input', class: 'search-label' }, 'Search the catalog'),
    h('div', { class: 'search-row' },
      h('div', { class: 'combobox' }, input, listbox),
      h('button', { type: 'submit' }, 'Search')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = stateFrom(new URLSearchParams(location.hash.split('?')[1] || ''));
    location.hash = href(state, { q: input.value.trim(), cursor: '', page: 1 });
  });
  attachTypeahead(input, listbox);
  mount(main,
    h('h1', { class: 'visually-hidden' }, 'Search'),
    form,
    h('div', { class: 'search-layout' },
      h('aside', { class: 'facets', 'aria-label': 'Filters' },
        h('details', { id: 'facets-details', open: window.matchMedia('(min-width: 60rem)').matches },
          h('summary', { class: 'facets-title' }, 'Filter'),
          h('div', { id: 'facets' }))),
      h('section', { id: 'results-section', 'aria-label': 'Results' },
        h('p', { id: 'result-count', role: 'status', class: 'result-count' }),
        h('div', { id: 'active-filters' }),
        h('ol', { id: 'results', class: 'results' }),
        h('nav', { id: 'pager', class: 'pager', 'aria-label': 'Result pages' }))));
  main.dataset.page = 'search';
}

export async function render(main, { params, signal }) {
  const state = stateFrom(params);
  if (main.dataset.page !== 'search' || !main.querySelector('#search-form')) skeleton(main);
  const input = main.querySelector('#search-input');
  if (document.activeElement !== input) input.value = state.q;
  document.title = state.q ? `${state.q} · Search · Tessera` : 'Search · Tessera';

  const request = { q: state.q, limit: PAGE_SIZE, cursor: state.cursor };
  for (const [dim] of DIMENSIONS) request[dim] = state[dim];
  const focused = document.activeElement?.id;
  let results;
  try {
    results = await api(`/api/v1/search${query(request)}`, { signal });
  } catch (error) {
    if (signal.aborted || error.name === 'AbortError') throw error;
    mount(main.querySelector('#results'));
    mount(main.querySelector('#facets'));
    mount(main.querySelector('#pager'));
    mount(main.querySelector('#result-count'), problemView(error));
    return;
  }
  renderFacets(main.querySelector('#facets'), state, results.facets || {});
  renderActiveFilters(main.querySelector('#active-filters'), state);
  renderHits(main.querySelector('#results'), results.hits || []);
  const first = (state.page - 1) * PAGE_SIZE + 1;
  const last = first + (results.hits || []).length - 1;
  mount(main.querySelector('#result-count'), results.total === 0
    ? 'No results. Try fewer words or remove a filter.'
    : `${first}–${last} of ${results.total} result${results.total === 1 ? '' : 's'}${state.q ? ` for “${state.q}”` : ''}`);
  const pager = main.querySelector('#pager');
  mount(pager,
    state.cursor ? h('a', { href: href(state, { cursor: '', page: 1 }), class: 'button-secondary', id: 'first-page' }, '« First page') : null,
    state.cursor ? h('button', { type: 'button', class: 'button-secondary', onclick: () => history.back() }, '‹ Previous') : null,
    results.nextCursor
      ? h('a', { href: href(state, { cursor: results.nextCursor, page: state.page + 1 }), class: 'button-secondary', id: 'next-page', rel: 'next' }, 'Next page ›')
      : null);
  if (focused && focused !== 'search-input') document.getElementById(focused)?.focus();
}

function renderFacets(aside, state, facets) {
  const groups = [];
  for (const [dim, label] of DIMENSIONS) {
    const values = [...(facets[dim] || [])];
    for (const selected of state[dim]) {
      if (!values.some((v) => v.value === selected)) values.push({ value: selected, count: 0 });
    }
    if (values.length === 0) continue;
    groups.push(h('fieldset', { class: 'facet', id: `facet-${dim}` },
      h('legend', {}, label),
      h('ul', {}, values.map(({ value, count }) => {
        const id = `facet-${dim}-${value.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
        const checked = state[dim].includes(value);
        return h('li', {},
          h('input', {
            type: 'checkbox', id, checked, name: dim, value,
            onchange: () => {
              const values2 = checked ? state[dim].filter((v) => v !== value) : [...state[dim], value];
              location.hash = href(state, { [dim]: values2, cursor: '', page: 1 });
            },
          }),
          h('label', { for: id }, facetLabel(dim, value), ' ', h('span', { class: 'count', 'aria-label': `${count} results` }, `(${count})`)));
      }))));
  }
  mount(aside, groups);
}

function facetLabel(dim, value) {
  return dim === 'owner' ? ownerLabel(value) : value;
}

function renderActiveFilters(el, state) {
  const active = DIMENSIONS.flatMap(([dim, label]) => state[dim].map((v) => ({ dim, label, v })));
  if (active.length === 0) {
    mount(el);
    return;
  }
  mount(el, h('ul', { class: 'active-filters', 'aria-label': 'Active filters' },
    active.map(({ dim, label, v }) => h('li', {},
      h('a', {
        class: 'chip chip-removable',
        href: href(state, { [dim]: state[dim].filter((x) => x !== v), cursor: '', page: 1 }),
        'aria-label': `Remove filter ${label}: ${v}`,
      }, `${label}: ${facetLabel(dim, v)} ✕`))),
    h('li', {}, h('a', { href: route('/search', { q: state.q }), class: 'clear-filters' }, 'Clear all filters'))));
}

function renderHits(list, hits) {
  mount(list, hits.map((hit) => {
    const target = hitHref(hit);
    const states = hit.state ? [hit.state] : [];
    const statuses = (hit.lifecycle || []).filter((l) => l !== 'planned' && l !== 'physical');
    return h('li', { class: 'hit', dataset: { type: hit.type } },
      h('article', {},
        h('h2', { class: 'hit-title' },
          target ? h('a', { href: target }, hit.title || hit.name) : (hit.title || hit.name),
          ' ', h('span', { class: 'type-label' }, hit.type)),
        h('p', { class: 'hit-context' }, [hit.qualifiedName, hit.context].filter(Boolean).join(' · ')),
        hit.snippet ? h('p', { class: 'snippet' }, snippet(hit.snippet)) : null,
        h('p', { class: 'hit-meta' },
          states.map((s) => h('span', { class: `badge badge-${s}` }, s === 'physical' ? 'Physical' : 'Planned')),
          statuses.map((s) => h('span', { class: 'badge badge-status' }, s)),
          hit.matchedByMeaning ? h('span', { class: 'badge badge-meaning', title: 'None of your words are in it: its description is close in meaning to your search.' }, 'Matched by meaning') : null,
          (hit.health || []).slice(0, 1).map((s) => healthBadge(s)),
          hit.domain ? h('a', { href: domainHref(hit.domain), class: 'meta-item' }, `Domain: ${hit.domain}`) : null,
          hit.owner ? h('span', { class: 'meta-item' }, `Owner: ${ownerLabel(hit.owner)}`) : null,
          (hit.platform || []).length ? h('span', { class: 'meta-item' }, `Platform: ${hit.platform.join(', ')}`) : null),
        chips(hit.classification, (c) => route('/search', { classification: c }))));
  }));
}

function hitHref(hit) {
  // a dataset hit opens the dataset page; its columns still open their column lineage
  return (hit.type === 'dataset' && datasetHrefForIri(hit.iri)) || hrefForIri(hit.iri);
}
