// #/dataset?namespace=&name=: one dataset as the catalog knows it, from one GraphQL request: its owning
// product, columns, observed schema versions, the jobs that write and read it, and its latest quality
// measurements. A dataset the caller may not see answers null, shown as Not found.
import { h, mount, when } from '../dom.js';
import { api, ApiError } from '../api.js';
import { datasetNode, lineageHref, productHref } from '../links.js';

const QUERY = `query Dataset($namespace: String!, $name: String!) {
  dataset(namespace: $namespace, name: $name) {
    namespace name description physical
    product { domain { name } name title }
    fields(first: 200) { totalCount edges { node { name type description classifications } } }
    versions(first: 20) { totalCount edges { node { version observedAt run { runId job { namespace name } }
      fields(first: 200) { edges { node { name type } } } } } }
    producedBy(first: 50) { totalCount edges { node { namespace name description } } }
    consumedBy(first: 50) { totalCount edges { node { namespace name description } } }
    quality(first: 50) { totalCount edges { node { metric column value measuredAt } } }
  }
}`;

const METRICS = {
  rowCount: 'Rows',
  bytes: 'Size in bytes',
  size: 'Size in bytes',
  fileCount: 'Files',
  nullCount: 'Empty values',
  distinctCount: 'Distinct values',
  count: 'Values',
  sum: 'Sum',
  min: 'Smallest value',
  max: 'Largest value',
};

const nodes = (connection) => (connection?.edges || []).map((e) => e.node);

export async function render(main, { params, signal }) {
  const namespace = params.get('namespace') || '';
  const name = params.get('name') || '';
  const answer = await api('/graphql', {
    method: 'POST', body: JSON.stringify({ query: QUERY, variables: { namespace, name } }), signal,
  });
  const dataset = answer?.data?.dataset;
  if (!dataset) {
    if (answer?.errors?.length) throw new ApiError(400, { title: 'The catalog could not answer', detail: answer.errors[0].message });
    document.title = 'Not found · Tessera';
    mount(main,
      h('h1', { tabindex: '-1' }, 'Not found'),
      h('div', { class: 'problem', role: 'alert', dataset: { status: '404' } },
        h('p', { class: 'problem-title' }, `No dataset ${name} in ${namespace || 'no namespace'}`),
        h('p', {}, 'It does not exist, or you may not see it: the catalog answers both the same way.')),
      h('p', {}, h('a', { href: '#/' }, 'Search the catalog')));
    return;
  }
  const node = datasetNode(dataset.namespace, dataset.name);
  document.title = `${dataset.name} · Tessera`;
  mount(main,
    h('header', { class: 'page-header' },
      h('h1', { id: 'dataset-title' }, dataset.name),
      h('p', { class: 'subtitle' }, 'Dataset in ', h('code', { id: 'dataset-namespace' }, dataset.namespace)),
      h('p', { class: 'status-line' },
        h('span', { class: `badge ${dataset.physical ? 'badge-physical' : 'badge-planned'}`, id: 'dataset-state' },
          dataset.physical ? 'Observed' : 'Planned'),
        ' ', dataset.physical
          ? 'Pipelines have been seen producing or reading it.'
          : 'Promised by a product; no pipeline has been seen producing it yet.'),
      h('p', { id: 'dataset-product' }, owner(dataset.product)),
      h('p', { class: 'actions' },
        h('a', { class: 'button', id: 'dataset-lineage', href: lineageHref({ node }) }, 'Lineage around this dataset'))),
    dataset.description ? h('p', { class: 'lead' }, dataset.description) : null,
    columnsSection(dataset.fields),
    versionsSection(dataset.versions),
    jobsSection('Producers', 'dataset-producers', 'Jobs that write this dataset.', dataset.producedBy, 'No job has been seen writing it.'),
    jobsSection('Readers', 'dataset-readers', 'Jobs that read this dataset.', dataset.consumedBy, 'No job has been seen reading it.'),
    qualitySection(dataset.quality));
}

function owner(product) {
  if (!product) return 'No product claims this dataset.';
  const domain = product.domain?.name;
  if (!domain) return `Owned by ${product.title || product.name}`;
  return ['Owned by ', h('a', { class: 'owned-by', href: productHref(domain, product.name) }, `${domain}/${product.name}`),
    product.title ? ` (${product.title})` : null];
}

function columnsSection(fields) {
  const columns = nodes(fields);
  return h('section', { id: 'dataset-columns', 'aria-labelledby': 'dataset-columns-heading' },
    h('h2', { id: 'dataset-columns-heading' }, `Columns${fields ? ` (${fields.totalCount})` : ''}`),
    fields === null || fields === undefined
      ? h('p', {}, 'You may find this dataset but not read it, so its columns are not shown.')
      : columns.length === 0
        ? h('p', {}, 'No columns are known.')
        : h('table', { class: 'schema' },
          h('caption', { class: 'visually-hidden' }, 'Columns of the dataset'),
          h('thead', {}, h('tr', {}, ['Name', 'Type', 'Description'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, columns.map((f) => h('tr', {},
            h('th', { scope: 'row' }, h('code', {}, f.name)),
            h('td', {}, f.type || '—'),
            h('td', {}, f.description || '',
              (f.classifications || []).length ? h('span', { class: 'muted' }, ` Classified: ${f.classifications.join(', ')}`) : null))))));
}

function versionsSection(versions) {
  const list = nodes(versions);
  return h('section', { id: 'dataset-versions', 'aria-labelledby': 'dataset-versions-heading' },
    h('h2', { id: 'dataset-versions-heading' }, `Schema versions (${versions?.totalCount ?? 0})`),
    list.length === 0
      ? h('p', {}, 'No schema has been observed yet.')
      : h('ol', { class: 'versions' }, list.map((v, i) => h('li', { value: String(v.version) },
        h('strong', {}, `Version ${v.version}`),
        v.observedAt ? `, observed ${when(v.observedAt)}` : '',
        v.run?.job ? [' by ', h('a', { href: lineageHref({ node: `job:${v.run.job.namespace}:${v.run.job.name}` }) }, v.run.job.name)] : null,
        h('div', {}, changes(v, list[i + 1]))))),
    versions?.totalCount > list.length ? h('p', { class: 'muted' }, `The newest ${list.length} are shown.`) : null);
}

/** What changed from the previous version (the next one in the newest-first list). */
function changes(version, previous) {
  const now = new Map(nodes(version.fields).map((f) => [f.name, f.type]));
  if (!previous) return `First observed, with ${now.size} column${now.size === 1 ? '' : 's'}.`;
  const before = new Map(nodes(previous.fields).map((f) => [f.name, f.type]));
  const added = [...now.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !now.has(k));
  const retyped = [...now.keys()].filter((k) => before.has(k) && before.get(k) !== now.get(k))
    .map((k) => `${k} (${before.get(k) || '?'} → ${now.get(k) || '?'})`);
  const parts = [
    added.length ? `Added: ${added.join(', ')}` : null,
    removed.length ? `Removed: ${removed.join(', ')}` : null,
    retyped.length ? `Type changed: ${retyped.join(', ')}` : null,
  ].filter(Boolean);
  return parts.length ? `${parts.join('. ')}.` : 'No column added, removed or retyped.';
}

function jobsSection(title, id, caption, connection, none) {
  const jobs = nodes(connection);
  return h('section', { id, 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, `${title} (${connection?.totalCount ?? 0})`),
    jobs.length === 0
      ? h('p', {}, none)
      : h('table', { class: 'jobs' },
        h('caption', { class: 'visually-hidden' }, caption),
        h('thead', {}, h('tr', {}, ['Job', 'Namespace', 'Description'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, jobs.map((j) => h('tr', { dataset: { job: j.name } },
          h('th', { scope: 'row' }, h('a', { href: lineageHref({ node: `job:${j.namespace}:${j.name}` }), title: 'Lineage around this job' }, j.name)),
          h('td', {}, h('code', {}, j.namespace)),
          h('td', {}, j.description || ''))))));
}

function qualitySection(connection) {
  const measurements = nodes(connection);
  return h('section', { id: 'dataset-quality', 'aria-labelledby': 'dataset-quality-heading' },
    h('h2', { id: 'dataset-quality-heading' }, 'Quality'),
    measurements.length === 0
      ? h('p', {}, 'No quality measurements have been reported for this dataset.')
      : h('table', { class: 'quality' },
        h('caption', { class: 'visually-hidden' }, 'Latest quality measurements'),
        h('thead', {}, h('tr', {}, ['Measure', 'Column', 'Value', 'Measured'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, measurements.map((m) => h('tr', {},
          h('th', { scope: 'row' }, METRICS[m.metric] || m.metric),
          h('td', {}, m.column ? h('code', {}, m.column) : 'Whole dataset'),
          h('td', {}, value(m)),
          h('td', {}, when(m.measuredAt)))))));
}

/** An assertion's value is true or false: said as words, not only as a colour. */
function value(m) {
  if (m.value === 'true') return h('span', { class: 'quality-pass' }, '✓ Passed');
  if (m.value === 'false') return h('span', { class: 'quality-fail' }, '✗ Failed');
  return m.value;
}
