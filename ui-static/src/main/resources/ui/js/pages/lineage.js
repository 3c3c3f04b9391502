// Lineage view: an interactive graph (Cytoscape.js with the dagre layout) around a dataset, a job
// or a product's output datasets; upstream, downstream or both; a depth control; dataset or
// column level. Nodes the reader may not discover arrive from the API as RESTRICTED placeholders
// (restricted:N) and are drawn as such. The same graph is listed as text for keyboard and screen
// reader users. A dataset node the API gives an owning product (`product`: domain/name) links to it.
import { h, mount } from '../dom.js';
import { api, query, ApiError } from '../api.js';
import { route, lineageHref, productHref, datasetHref } from '../links.js';
import { problemView } from '../problems.js';

let cytoscapeLoaded = null;

function loadCytoscape() {
  cytoscapeLoaded ??= Promise.all([
    import('../../vendor/cytoscape/cytoscape.esm.min.js'),
    import('../../vendor/cytoscape-dagre/cytoscape-dagre.min.js'),
  ]).then(([cy, dagre]) => {
    cy.default.use(dagre.default);
    return cy.default;
  });
  return cytoscapeLoaded;
}

function settings(params) {
  const depth = Math.min(Math.max(Number(params.get('depth') || 2), 0), 50);
  const direction = ['upstream', 'downstream', 'both'].includes(params.get('direction')) ? params.get('direction') : 'both';
  return { node: params.get('node') || '', product: params.get('product') || '', field: params.get('field') || '', depth, direction };
}

export async function render(main, { params, signal }) {
  const s = settings(params);
  document.title = 'Lineage · Tessera';
  if (!s.node && !s.product) {
    mount(main, h('h1', {}, 'Lineage'),
      h('p', {}, 'Open lineage from a product page or a dataset in the search results.'));
    return;
  }
  let starts = [];
  let productInfo = null;
  const notices = [];
  if (s.product) {
    const [d, n] = s.product.split('/');
    productInfo = await api(`/api/v1/products/${encodeURIComponent(d)}/${encodeURIComponent(n)}`, { signal });
    starts = (productInfo.outputPorts || []).filter((p) => p.dataset)
      .map((p) => `dataset:${p.dataset.namespace}:${p.dataset.name}`);
  } else {
    starts = [s.node];
  }
  const title = productInfo ? `Lineage of ${productInfo.title || productInfo.name}` : `Lineage of ${label(s.node)}`;
  document.title = `${title} · Tessera`;

  let graph;
  let columns = null;
  if (s.field && !s.product) {
    columns = await api(`/api/v1/column-lineage${query({ nodeId: s.node, field: s.field, depth: s.depth, direction: s.direction })}`, { signal });
  }
  // the page's depth and direction are Tessera's directed walk (each dataset-job hop counts);
  // the API's default is Marquez's job-to-job walk
  const answers = await Promise.allSettled(starts.map((nodeId) =>
    api(`/api/v1/lineage${query({ nodeId, depth: s.depth, direction: s.direction, traversal: 'directed' })}`, { signal })));
  signal.throwIfAborted();
  const nodes = new Map();
  answers.forEach((answer, i) => {
    if (answer.status === 'fulfilled') {
      for (const node of answer.value.graph) merge(nodes, node);
    } else if (answer.reason instanceof ApiError && answer.reason.status === 404) {
      notices.push(`${label(starts[i])} has not been observed by lineage yet.`);
    } else {
      throw answer.reason;
    }
  });
  graph = [...nodes.values()];
  if (productInfo?.state === 'planned') {
    notices.push('This product is planned: lineage has not seen any of its promised datasets being produced yet.');
  } else if (graph.length > 0 && graph.every((n) => n.inEdges.length === 0 && n.outEdges.length === 0)) {
    notices.push('No job has been seen reading or writing this yet.');
  }
  const startNodes = starts.map((id) => graph.find((n) => n.id === id)).filter(Boolean);

  const toolbar = h('div', { class: 'lineage-toolbar', role: 'toolbar', 'aria-label': 'Graph view' });
  const canvas = h('div', { id: 'lineage-graph', class: 'lineage-graph', role: 'img', 'aria-label': `${title}: graph with ${graph.length} nodes. The same graph is listed below.` });
  const details = h('aside', { id: 'lineage-details', class: 'lineage-details', 'aria-live': 'polite', 'aria-label': 'Selected node' },
    h('p', { class: 'muted' }, 'Select a node to see its details.'));
  mount(main,
    h('h1', {}, title),
    productInfo ? h('p', {}, h('a', { href: productHref(productInfo.domain, productInfo.name) }, `Back to ${productInfo.title || productInfo.name}`)) : null,
    controls(s, startNodes),
    notices.map((n) => h('p', { class: 'notice' }, n)),
    graph.length === 0 && !columns ? h('p', { class: 'notice', id: 'lineage-empty' }, productInfo
      ? 'No lineage yet: this product is planned and none of its promised datasets has been observed.'
      : 'No lineage found.') : null,
    h('div', { class: 'lineage-layout' }, h('div', { class: 'lineage-canvas' }, toolbar, canvas, legend(columns)), details),
    columns ? columnList(columns) : nodeList(graph));

  if (graph.length === 0 && !columns) {
    canvas.hidden = true;
    toolbar.hidden = true;
    return;
  }
  const cytoscape = await loadCytoscape();
  signal.throwIfAborted();
  const elements = columns ? columnElements(columns) : nodeElements(graph, starts);
  const cy = cytoscape({
    container: canvas,
    elements,
    style: STYLE,
    layout: { name: 'dagre', rankDir: 'LR', nodeSep: 40, rankSep: 200 },
    minZoom: 0.2,
    maxZoom: 2.5,
  });
  const start = cy.nodes('.start');
  if (cy.zoom() > 1.2) {
    // a small graph is fitted at a readable size, not blown up to fill the canvas
    cy.zoom(1.2);
    cy.center();
  } else if (cy.zoom() < READABLE_ZOOM) {
    // a large graph opens at a zoom where labels can be read, around where the reader started;
    // "Fit to screen" shows all of it
    cy.zoom(READABLE_ZOOM);
    cy.center(start.nonempty() ? start : undefined);
  }
  const viewChanged = () => {
    canvas.dataset.zoom = cy.zoom().toFixed(3);
    canvas.dataset.labelPx = (LABEL_SIZE * cy.zoom()).toFixed(1);
    const box = cy.elements().renderedBoundingBox();
    canvas.dataset.allVisible = String(box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1);
  };
  cy.on('viewport', viewChanged);
  viewChanged();
  const zoomBy = (factor) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  mount(toolbar,
    h('button', { type: 'button', id: 'lineage-fit', onclick: () => cy.fit(undefined, 24) }, 'Fit to screen'),
    h('button', { type: 'button', id: 'lineage-zoom-in', 'aria-label': 'Zoom in', onclick: () => zoomBy(1.25) }, '+'),
    h('button', { type: 'button', id: 'lineage-zoom-out', 'aria-label': 'Zoom out', onclick: () => zoomBy(0.8) }, '−'),
    start.nonempty() ? h('button', { type: 'button', id: 'lineage-centre', onclick: () => { cy.zoom(Math.max(cy.zoom(), READABLE_ZOOM)); cy.center(start); } },
      'Back to where I started') : null);
  canvas.dataset.nodes = String(cy.nodes().length);
  canvas.dataset.restricted = String(cy.nodes('.restricted').length);
  cy.on('tap', 'node', (event) => showDetails(details, event.target.data(), s));
  cy.on('dbltap', 'node', (event) => {
    const data = event.target.data();
    if (data.recentre) location.hash = data.recentre;
  });
}

/** What the shapes and colours of the graph mean, drawn with the graph's own colours. */
function legend(columns) {
  const items = columns
    ? [['column start', 'The column you chose'], ['column', 'A column it is derived from or feeds'], ['edge', 'Derivation (how, when lineage says)']]
    : [['start', 'Where you started'], ['dataset', 'Dataset'], ['job', 'Job'], ['failed', 'Job whose latest run failed'],
      ['restricted', 'Restricted: something you may not see'], ['edge', 'Data flows this way']];
  return h('ul', { class: 'lineage-legend', id: 'lineage-legend', 'aria-label': 'Legend' },
    items.map(([kind, text]) => h('li', {}, h('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' }), text)));
}

function merge(nodes, answered) {
  const node = { ...answered, inEdges: answered.inEdges || [], outEdges: answered.outEdges || [] };
  const existing = nodes.get(node.id);
  if (!existing) {
    nodes.set(node.id, { ...node, inEdges: [...node.inEdges], outEdges: [...node.outEdges] });
    return;
  }
  const key = (e) => `${e.origin}>${e.destination}`;
  for (const list of ['inEdges', 'outEdges']) {
    const seen = new Set(existing[list].map(key));
    for (const e of node[list]) if (!seen.has(key(e))) existing[list].push(e);
  }
}

function label(nodeId) {
  if (!nodeId) return '';
  if (nodeId.startsWith('restricted:')) return 'Restricted';
  const kind = nodeId.startsWith('job:') ? 'job:' : 'dataset:';
  const rest = nodeId.slice(kind.length);
  return rest.slice(rest.lastIndexOf(':') + 1) || rest;
}

function nodeName(node) {
  if (node.type === 'RESTRICTED') return 'Restricted';
  return node.data?.name || label(node.id);
}

function shortName(node) {
  const name = nodeName(node);
  return node.type === 'JOB' ? name.slice(name.lastIndexOf('.') + 1) : name;
}

/**
 * The settings form. The level is datasets and jobs, or one column: for a dataset, one of its
 * columns; for a product, a column of any of its output datasets (the column's lineage is then
 * drawn around that dataset).
 */
function controls(s, startNodes) {
  const columns = startNodes.flatMap((node) => (node.data?.fields || []).map((f) => ({
    value: s.product ? `${node.id}|${f.name}` : f.name,
    text: s.product && startNodes.length > 1 ? `Column ${shortName(node)}.${f.name}` : `Column ${f.name}`,
  })));
  if (s.field && !columns.some((c) => c.value === s.field)) columns.unshift({ value: s.field, text: `Column ${s.field}` });
  const form = h('form', { class: 'controls', id: 'lineage-controls', 'aria-label': 'Lineage settings' },
    h('div', { class: 'control' },
      h('label', { for: 'lineage-direction' }, 'Direction'),
      h('select', { id: 'lineage-direction', name: 'direction' },
        ['both', 'upstream', 'downstream'].map((d) => h('option', { value: d, selected: d === s.direction }, d)))),
    h('div', { class: 'control' },
      h('label', { for: 'lineage-depth' }, 'Depth'),
      h('input', { id: 'lineage-depth', name: 'depth', type: 'number', min: 0, max: 50, value: String(s.depth), inputmode: 'numeric' })),
    h('div', { class: 'control' },
      h('label', { for: 'lineage-field' }, 'Level'),
      h('select', { id: 'lineage-field', name: 'field', disabled: columns.length === 0 },
        h('option', { value: '' }, 'Datasets and jobs'),
        columns.map((c) => h('option', { value: c.value, selected: c.value === s.field }, c.text)))),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const field = data.get('field') || '';
    const common = { direction: data.get('direction'), depth: data.get('depth') };
    if (s.product && field) {
      const bar = field.lastIndexOf('|');
      location.hash = lineageHref({ ...common, node: field.slice(0, bar), field: field.slice(bar + 1) });
    } else {
      location.hash = lineageHref({ ...common, node: s.node, product: s.product, field });
    }
  });
  return form;
}

function nodeElements(graph, starts) {
  const elements = [];
  const ids = new Set(graph.map((n) => n.id));
  const edges = new Set();
  for (const node of graph) {
    const restricted = node.type === 'RESTRICTED';
    elements.push({
      group: 'nodes',
      classes: [restricted ? 'restricted' : node.type === 'JOB' ? 'job' : 'dataset', starts.includes(node.id) ? 'start' : '',
        node.data?.latestRunState === 'FAILED' ? 'failed' : ''].join(' '),
      data: {
        id: node.id,
        label: restricted ? 'Restricted' : shortName(node),
        type: node.type,
        namespace: node.data?.namespace,
        name: node.data?.name,
        fields: node.data?.fields || [],
        runState: node.data?.latestRunState,
        product: restricted ? null : node.product,
        recentre: restricted ? null : lineageHref({ node: node.id }),
      },
    });
    for (const e of [...node.inEdges, ...node.outEdges]) {
      const key = `${e.origin}>${e.destination}`;
      if (edges.has(key) || !ids.has(e.origin) || !ids.has(e.destination)) continue;
      edges.add(key);
      elements.push({ group: 'edges', data: { id: key, source: e.origin, target: e.destination, label: '' } });
    }
  }
  return elements;
}

function columnKey(f) {
  return `${f.namespace}:${f.name}:${f.field}`;
}

function columnElements(columns) {
  const elements = [];
  const seen = new Set();
  const addNode = (f, start) => {
    const id = columnKey(f);
    if (seen.has(id)) return;
    seen.add(id);
    elements.push({
      group: 'nodes',
      classes: `column ${start ? 'start' : ''}`,
      data: { id, label: `${f.name.split('.').pop()}.${f.field}`, type: 'COLUMN', namespace: f.namespace, name: f.name, field: f.field,
        recentre: lineageHref({ node: `dataset:${f.namespace}:${f.name}`, field: f.field }) },
    });
  };
  addNode(columns.field, true);
  for (const e of columns.edges) {
    addNode(e.from, false);
    addNode(e.to, false);
    elements.push({ group: 'edges', data: { id: `${columnKey(e.from)}>${columnKey(e.to)}`, source: columnKey(e.from), target: columnKey(e.to),
      label: [e.transformationType, e.transformationSubtype].filter(Boolean).join(' / ') } });
  }
  return elements;
}

function showDetails(panel, data, s) {
  if (data.type === 'RESTRICTED') {
    mount(panel, h('h2', {}, 'Restricted'), h('p', {}, 'Something is here that you may not see. Sign in with a token that may see it, or ask its owner for access.'));
    return;
  }
  mount(panel,
    h('h2', {}, data.label),
    h('p', { class: 'type-label' }, data.type.toLowerCase()),
    h('dl', { class: 'facts' },
      data.namespace ? [h('dt', {}, 'Namespace'), h('dd', {}, h('code', {}, data.namespace))] : null,
      data.name ? [h('dt', {}, 'Name'), h('dd', {}, h('code', {}, data.name))] : null,
      data.field ? [h('dt', {}, 'Column'), h('dd', {}, h('code', {}, data.field))] : null,
      data.runState ? [h('dt', {}, 'Latest run'), h('dd', {}, data.runState)] : null),
    data.product ? h('p', {}, ownedBy(data.product)) : null,
    data.type === 'DATASET' && data.name ? h('p', {}, h('a', { class: 'dataset-page', href: datasetHref(data.namespace, data.name) }, 'Dataset page')) : null,
    data.fields?.length ? h('details', {}, h('summary', {}, `${data.fields.length} columns`),
      h('ul', { class: 'columns' }, data.fields.map((f) => h('li', {},
        h('a', { href: lineageHref({ node: data.id, field: f.name, depth: s.depth, direction: s.direction }) }, f.name),
        f.type ? ` (${f.type})` : '')))) : null,
    data.recentre ? h('p', {}, h('a', { class: 'button-secondary', href: data.recentre }, 'Centre lineage here')) : null,
    data.name ? h('p', {}, h('a', { href: route('/search', { q: data.name }) }, 'Find in the catalog')) : null);
}

/** The link to the product whose output port serves a dataset node (`domain/name`). */
function ownedBy(product) {
  const slash = product.indexOf('/');
  return h('a', { class: 'owned-by', href: productHref(product.slice(0, slash), product.slice(slash + 1)) }, `Owned by ${product}`);
}

function nodeList(graph) {
  const names = new Map(graph.map((n) => [n.id, nodeName(n)]));
  return h('details', { class: 'graph-list', id: 'lineage-list' },
    h('summary', {}, `The graph as a list (${graph.length} node${graph.length === 1 ? '' : 's'})`),
    h('ul', {}, graph.map((node) => h('li', { class: node.type === 'RESTRICTED' ? 'restricted' : '', dataset: { node: node.id } },
      node.type === 'RESTRICTED'
        ? h('strong', {}, 'Restricted node')
        : h('a', { href: lineageHref({ node: node.id }) }, nodeName(node)),
      ` (${node.type.toLowerCase()})`,
      node.type !== 'RESTRICTED' && node.product ? [' · ', ownedBy(node.product)] : null,
      node.type === 'DATASET' && node.data?.name ? [' · ', h('a', { class: 'dataset-page', href: datasetHref(node.data.namespace, node.data.name) }, 'Dataset page')] : null,
      node.inEdges.length ? h('div', { class: 'muted' }, 'from: ', node.inEdges.map((e) => names.get(e.origin) || label(e.origin)).join(', ')) : null,
      node.outEdges.length ? h('div', { class: 'muted' }, 'to: ', node.outEdges.map((e) => names.get(e.destination) || label(e.destination)).join(', ')) : null))));
}

function columnList(columns) {
  return h('details', { class: 'graph-list', id: 'lineage-list' },
    h('summary', {}, `Column derivations (${columns.edges.length})`),
    columns.edges.length === 0 ? h('p', {}, 'No column lineage recorded for this column.') : null,
    h('ul', {}, columns.edges.map((e) => h('li', {},
      h('code', {}, `${e.from.name}.${e.from.field}`), ' → ', h('code', {}, `${e.to.name}.${e.to.field}`),
      e.transformationType ? ` (${[e.transformationType, e.transformationSubtype].filter(Boolean).join(' / ')})` : ''))));
}

/** Label size in graph units; READABLE_ZOOM keeps it at 12 px or more on screen when a graph opens. */
const LABEL_SIZE = 15;
const READABLE_ZOOM = 0.8;

const STYLE = [
  { selector: 'node', style: {
    label: 'data(label)', 'font-size': LABEL_SIZE, 'font-family': 'system-ui, sans-serif', color: '#1b1f24',
    'text-valign': 'bottom', 'text-margin-y': 5, 'text-wrap': 'wrap', 'text-overflow-wrap': 'anywhere', 'text-max-width': 190,
    'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2, 'min-zoomed-font-size': 7,
    'background-color': '#dbe7f7', 'border-width': 2, 'border-color': '#1a5fb4', width: 34, height: 24, shape: 'round-rectangle',
  } },
  { selector: 'node.job', style: { shape: 'ellipse', 'background-color': '#efe6f7', 'border-color': '#6b3fa0', width: 22, height: 22 } },
  { selector: 'node.column', style: { 'background-color': '#e3f4e8', 'border-color': '#1e7a3c' } },
  { selector: 'node.failed', style: { 'border-color': '#b3261e', 'border-style': 'dashed' } },
  { selector: 'node.restricted', style: {
    'background-color': '#e6e6e6', 'border-color': '#5c5c5c', 'border-style': 'dashed', shape: 'round-rectangle', color: '#3d3d3d',
  } },
  { selector: 'node.start', style: { 'border-width': 4, 'background-color': '#ffe9a8', 'border-color': '#8a5a00' } },
  { selector: 'node:selected', style: { 'overlay-color': '#1a5fb4', 'overlay-opacity': 0.2 } },
  { selector: 'edge', style: {
    width: 1.5, 'line-color': '#7a8594', 'target-arrow-color': '#7a8594', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
    label: 'data(label)', 'font-size': 12, color: '#3d4652', 'text-rotation': 'autorotate',
    'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
  } },
];
