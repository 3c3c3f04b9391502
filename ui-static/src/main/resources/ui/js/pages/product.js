// Product page: what a data product is, who owns it, whether it is planned or physical, its ports
// with their datasets, schemas and how to connect to them, declared versus observed, and its revision history with diffs;
// and the exchange around it: requesting access, interest, its consumers and its time to value; and
// its observability: Subscribe, health, incidents and schema history (left out where the server has
// no such endpoint).
import { h, mount, when, stateBadge, chips, ownerView } from '../dom.js';
import { api } from '../api.js';
import { route, domainHref, lineageHref, datasetNode, datasetHref } from '../links.js';
import { problemView } from '../problems.js';
import { accessView } from '../connection.js';
import { principal } from '../auth.js';
import { exchangeActions, interestSection, consumersSection, timeToValueSection } from './product-exchange.js';
import {
  subscribeAction, healthHeaderBadge, healthSection, schemaChangesSection, incidentsSection,
} from './product-observability.js';

export async function render(main, { args: [domain, name], signal }) {
  const base = `/api/v1/products/${encodeURIComponent(domain)}/${encodeURIComponent(name)}`;
  const product = await api(base, { signal });
  const [observation, revisions, interest, consumers, timeToValue, caller, health, schemaChanges, incidents] = await Promise.allSettled([
    api(`${base}/observation`, { signal }),
    api(`${base}/revisions`, { signal }),
    api(`${base}/interest`, { signal }),
    api(`${base}/consumers`, { signal }),
    api(`${base}/time-to-value`, { signal }),
    principal(),
    // observability: these endpoints may be missing on a server (404), and their sections with them
    api(`${base}/health`, { signal }),
    api(`${base}/schema-changes`, { signal }),
    api(`${base}/incidents`, { signal }),
  ]);
  signal.throwIfAborted();
  const exchange = { product, base, interest, caller: caller.value || null };
  document.title = `${product.title || product.name} · Tessera`;
  mount(main,
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
      h('a', { href: '#/domains' }, 'Domains'), ' › ',
      h('a', { href: domainHref(product.domain) }, product.domain), ' › ',
      h('span', { 'aria-current': 'page' }, product.name)),
    h('header', { class: 'page-header' },
      h('h1', { id: 'product-title' }, product.title || product.name),
      h('p', { class: 'subtitle' }, h('code', {}, `${product.domain}/${product.name}`)),
      h('p', { class: 'status-line' },
        stateBadge(product.state),
        healthHeaderBadge(health, product),
        h('span', { class: 'badge badge-status', title: 'Declared lifecycle status' }, `Lifecycle: ${product.lifecycle}`),
        product.state === 'physical'
          ? h('span', { id: 'physical-since' }, `Physical since ${when(product.physicalSince)}`)
          : h('span', { id: 'physical-since' }, 'No promised dataset has been observed yet')),
      h('p', { class: 'actions' },
        h('a', { class: 'button', href: lineageHref({ product: `${product.domain}/${product.name}` }), id: 'product-lineage' }, 'Lineage'),
        h('a', { class: 'button-secondary', href: `#/edit/${encodeURIComponent(product.domain)}/${encodeURIComponent(product.name)}` }, 'Edit'),
        h('a', { class: 'button-secondary', href: base, type: 'application/json' }, 'JSON')),
      exchangeActions(exchange),
      subscribeAction(product)),
    product.description ? h('p', { class: 'lead' }, product.description) : null,
    overview(product),
    healthSection(health),
    incidentsSection(incidents, product),
    interestSection(exchange),
    portsSection('Output ports', 'output-ports', product.outputPorts, true),
    portsSection('Input ports', 'input-ports', product.inputPorts, false),
    consumersSection(consumers),
    timeToValueSection(timeToValue),
    schemaChangesSection(schemaChanges),
    observationSection(observation),
    revisionsSection(revisions));
}

function overview(p) {
  const rows = [
    ['Domain', h('a', { href: domainHref(p.domain) }, p.domain)],
    ['Owner', ownerView(p.owner)],
    ['Purpose', p.purpose],
    ['Classification', chips(p.classification, (c) => route('/search', { classification: c })) || 'none'],
    ['Tags', chips(p.tags, (t) => route('/search', { tag: t })) || 'none'],
    ['Revision', String(p.revision)],
    ['Identifier', p.identifier],
    ['Imported from', p.sourceFormat && p.sourceFormat !== 'tessera/v1' ? p.sourceFormat : null],
  ].filter(([, v]) => v);
  return h('section', { 'aria-labelledby': 'overview-heading' },
    h('h2', { id: 'overview-heading' }, 'Overview'),
    h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}

function portsSection(title, id, ports, output) {
  const list = ports || [];
  return h('section', { 'aria-labelledby': `${id}-heading`, id },
    h('h2', { id: `${id}-heading` }, `${title} (${list.length})`),
    list.length === 0 ? h('p', { class: 'muted' }, output ? 'No output port is promised.' : 'No inputs are declared.') : null,
    list.map((port) => h('article', { class: 'port', dataset: { port: port.name } },
      h('h3', {}, port.name, ' ', h('span', { class: 'type-label' }, port.type)),
      port.description ? h('p', {}, port.description) : null,
      !port.dataset && !(port.schema || []).length
        ? h('p', { class: 'muted withheld' }, 'The catalog does not show you where this port\'s data lives or what it holds. ',
          output ? 'Request access to see its dataset and schema.' : null)
        : null,
      h('dl', { class: 'facts' },
        port.dataset ? [
          h('dt', {}, 'Namespace'), h('dd', {}, h('code', {}, port.dataset.namespace)),
          h('dt', {}, 'Dataset'), h('dd', {}, h('code', {}, port.dataset.name), ' ',
            h('a', { class: 'port-dataset-page', href: datasetHref(port.dataset.namespace, port.dataset.name) }, 'dataset page'), ' · ',
            h('a', { href: lineageHref({ node: datasetNode(port.dataset.namespace, port.dataset.name) }) }, 'lineage')),
        ] : null,
        port.contract ? [h('dt', {}, 'Contract'), h('dd', {}, port.contract)] : null,
        output && port.dataset ? [h('dt', {}, 'Observed'), h('dd', {}, port.binding
          ? `bound ${when(port.binding.boundAt)}${port.binding.evidence ? ` (evidence: ${port.binding.evidence})` : ''}`
          : 'not yet: no run has been seen writing this dataset')] : null,
        output && port.binding && port.binding.match === 'symlink' ? [h('dt', {}, 'Matched'),
          h('dd', { class: 'binding-match' }, port.binding.description)] : null),
      output ? accessView(port) : null,
      schemaTable(port))));
}

function schemaTable(port) {
  if (!port.schema || port.schema.length === 0) return null;
  return h('table', { class: 'schema' },
    h('caption', {}, `Schema of ${port.name}`),
    h('thead', {}, h('tr', {}, ['Column', 'Type', 'Required', 'Classification', 'Description'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, port.schema.map((f) => h('tr', {},
      h('th', { scope: 'row' }, h('code', {}, f.name)),
      h('td', {}, f.type || ''),
      h('td', {}, f.required ? 'yes' : 'no'),
      h('td', {}, (f.classification || []).join(', ')),
      h('td', {}, f.description || '')))));
}

function observationSection(result) {
  const section = h('section', { 'aria-labelledby': 'observation-heading', id: 'observation' },
    h('h2', { id: 'observation-heading' }, 'Declared vs observed'));
  if (result.status === 'rejected') {
    section.append(problemView(result.reason));
    return section;
  }
  const r = result.value;
  const groups = [
    ['Promised but not produced yet', r.promisedNotProduced, (s) => `${s.port}: ${s.dataset.namespace} ${s.dataset.name}`],
    ['Declared inputs not read by any observed job', r.declaredInputsNotRead, (s) => `${s.port}: ${s.dataset.namespace} ${s.dataset.name}`],
    ['Produced by the same jobs but claimed by no product', r.producedUnclaimed, (d) => `${d.namespace} ${d.name}`],
  ].filter(([, items]) => items && items.length);
  if (groups.length === 0) {
    section.append(h('p', { class: 'ok' }, 'Everything declared has been observed.'));
  }
  for (const [title, items, label] of groups) {
    section.append(h('h3', {}, title), h('ul', {}, items.map((i) => h('li', {}, label(i)))));
  }
  return section;
}

function revisionsSection(result) {
  const section = h('section', { 'aria-labelledby': 'revisions-heading', id: 'revisions' },
    h('h2', { id: 'revisions-heading' }, 'Revision history'));
  if (result.status === 'rejected') {
    section.append(problemView(result.reason));
    return section;
  }
  const revisions = [...result.value].reverse();
  // each item numbered by its revision (newest first), not by its position in the list
  section.append(h('ol', { class: 'revisions', reversed: true }, revisions.map((r, i) => h('li', { value: String(r.revision) },
    h('details', { open: i === 0 && revisions.length > 1 },
      h('summary', {}, `Revision ${r.revision}: ${r.action} by ${r.actor}, ${when(r.appliedAt)}${r.commit ? `, commit ${r.commit.slice(0, 12)}` : ''}`),
      diffTable(r))))));
  return section;
}

function diffTable(revision) {
  const changes = revision.changes || [];
  if (revision.action === 'created' || changes.length === 0 || (changes.length === 1 && changes[0].path === '')) {
    return h('p', { class: 'muted' }, revision.action === 'created' ? 'First revision.' : 'No field changed.');
  }
  return h('table', { class: 'diff' },
    h('caption', {}, `Changes in revision ${revision.revision}`),
    h('thead', {}, h('tr', {}, ['Field', 'Change', 'Before', 'After'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, changes.map((c) => h('tr', { class: `diff-${c.op}` },
      h('th', { scope: 'row' }, h('code', {}, c.path)),
      h('td', {}, c.op),
      h('td', { class: 'diff-before' }, show(c.before)),
      h('td', { class: 'diff-after' }, show(c.after))))));
}

function show(value) {
  if (value === null || value === undefined) return '';
  return h('code', {}, typeof value === 'string' ? value : JSON.stringify(value));
}
