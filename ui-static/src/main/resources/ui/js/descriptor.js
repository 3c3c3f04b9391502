// The no-code form's model and the descriptor it stands for: model -> tessera/v1 descriptor (what
// is sent), descriptor -> model (to edit an existing product), and a YAML rendering to show it.

/** Lifecycle statuses the form offers (retiring is its own action). */
export const LIFECYCLES = ['ideation', 'design', 'build', 'deploy', 'consume'];
/** Port types a descriptor accepts. */
export const PORT_TYPES = ['table', 'topic', 'api', 'file'];

export function emptyColumn() {
  return { name: '', type: '', required: false, classification: '', description: '' };
}

export function emptyPort() {
  return { name: '', type: 'table', namespace: '', datasetName: '', description: '', schema: [emptyColumn()] };
}

export function emptyModel(domain = '') {
  return {
    domain, name: '', title: '', description: '', owner: '', lifecycle: 'design',
    classification: [], otherClassification: '', tags: '', outputPorts: [emptyPort()], base: null,
  };
}

const list = (text) => (text || '').split(',').map((s) => s.trim()).filter(Boolean);
const put = (obj, key, value) => {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete obj[key];
  else obj[key] = value;
};

/** An e-mail address without a scheme becomes a mailto: IRI; anything else is left as typed. */
export function ownerIri(text) {
  const owner = (text || '').trim();
  return /^[^\s:@/]+@[^\s:@/]+\.[^\s:@/]+$/.test(owner) ? `mailto:${owner}` : owner;
}

/**
 * The descriptor for a form model. When editing, fields the form does not show (input ports,
 * purpose, groups, a port's contract...) are kept from the descriptor being edited.
 */
export function toDescriptor(model) {
  const base = model.base ? structuredClone(model.base) : {};
  const spec = base.spec || {};
  put(spec, 'title', model.title.trim());
  put(spec, 'description', model.description.trim());
  put(spec, 'owner', ownerIri(model.owner));
  put(spec, 'lifecycle', model.lifecycle);
  put(spec, 'classification', [...new Set([...model.classification, ...list(model.otherClassification)])]);
  put(spec, 'tags', list(model.tags));
  const basePorts = spec.outputPorts || [];
  const ports = model.outputPorts.map((port, i) => {
    const out = structuredClone(basePorts[i] || {});
    put(out, 'name', port.name.trim());
    put(out, 'type', port.type);
    put(out, 'description', port.description.trim());
    if (port.namespace.trim() || port.datasetName.trim()) {
      out.dataset = {};
      put(out.dataset, 'namespace', port.namespace.trim());
      put(out.dataset, 'name', port.datasetName.trim());
    } else {
      delete out.dataset;
    }
    const baseColumns = out.schema || [];
    const columns = port.schema
      .filter((c) => c.name.trim() || c.type.trim() || c.classification.trim() || c.description.trim())
      .map((c, j) => {
        const col = structuredClone(baseColumns[j] || {});
        put(col, 'name', c.name.trim());
        put(col, 'type', c.type.trim());
        if (c.required) col.required = true;
        else if ('required' in col) col.required = false;
        const classes = list(c.classification);
        const same = typeof col.classification === 'string' && classes.length === 1 && classes[0] === col.classification;
        if (!same) put(col, 'classification', classes);
        put(col, 'description', c.description.trim());
        return orderKeys(col, COLUMN_ORDER);
      });
    put(out, 'schema', columns);
    return orderKeys(out, PORT_ORDER);
  });
  put(spec, 'outputPorts', ports);
  const metadata = { ...(base.metadata || {}) };
  put(metadata, 'domain', model.domain.trim());
  put(metadata, 'name', model.name.trim());
  return { apiVersion: 'tessera/v1', kind: 'DataProduct', metadata, spec: orderKeys(spec, SPEC_ORDER) };
}

const SPEC_ORDER = ['title', 'description', 'purpose', 'owner', 'lifecycle', 'classification', 'tags', 'outputPorts', 'inputPorts'];
const PORT_ORDER = ['name', 'type', 'description', 'dataset', 'contract', 'schema'];
const COLUMN_ORDER = ['name', 'type', 'required', 'classification', 'description'];

/** The same object with its keys in the documentation's order (the server ignores the order). */
function orderKeys(obj, keys) {
  const out = {};
  for (const key of keys) if (key in obj) out[key] = obj[key];
  for (const key of Object.keys(obj)) if (!(key in out)) out[key] = obj[key];
  return out;
}

/** A form model for an existing product's descriptor (the latest revision's). */
export function fromDescriptor(descriptor, knownClassifications) {
  const spec = descriptor.spec || {};
  const classes = asList(spec.classification);
  const model = emptyModel(descriptor.metadata?.domain || '');
  Object.assign(model, {
    name: descriptor.metadata?.name || '',
    title: spec.title || '',
    description: spec.description || '',
    owner: (spec.owner || '').replace(/^mailto:/, ''),
    lifecycle: spec.lifecycle || 'design',
    classification: classes.filter((c) => knownClassifications.includes(c)),
    otherClassification: classes.filter((c) => !knownClassifications.includes(c)).join(', '),
    tags: asList(spec.tags).join(', '),
    base: descriptor,
  });
  model.outputPorts = (spec.outputPorts || []).map((p) => ({
    name: p.name || '', type: p.type || 'table', description: p.description || '',
    namespace: p.dataset?.namespace || '', datasetName: p.dataset?.name || '',
    schema: (p.schema || []).map((c) => ({
      name: c.name || '', type: c.type || '', required: Boolean(c.required),
      classification: asList(c.classification).join(', '), description: c.description || '',
    })),
  }));
  return model;
}

function asList(value) {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

// ---- YAML -----------------------------------------------------------------------------------

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_ ./@+-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*)$/i;

function scalar(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text = String(value);
  return PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') ? text : JSON.stringify(text);
}

const isScalar = (v) => v === null || typeof v !== 'object';
const fits = (line) => line.length <= 48;

function lines(value, indent) {
  const pad = ' '.repeat(indent);
  const out = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isScalar(item)) out.push(`${pad}- ${scalar(item)}`);
      else {
        const inner = lines(item, indent + 2);
        if (inner.length === 0) out.push(`${pad}- {}`);
        else {
          out.push(`${pad}- ${inner[0].slice(indent + 2)}`);
          out.push(...inner.slice(1));
        }
      }
    }
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    if (isScalar(v)) out.push(`${pad}${key}: ${scalar(v)}`);
    else if (Array.isArray(v) && v.length === 0) out.push(`${pad}${key}: []`);
    else if (Array.isArray(v) && v.every(isScalar) && fits(`${pad}${key}: [${v.map(scalar).join(', ')}]`)) {
      out.push(`${pad}${key}: [${v.map(scalar).join(', ')}]`);
    } else if (!Array.isArray(v) && Object.keys(v).length === 0) out.push(`${pad}${key}: {}`);
    else if (!Array.isArray(v) && Object.values(v).every(isScalar)
      && fits(`${pad}${key}: {${Object.entries(v).map(([k, x]) => `${k}: ${scalar(x)}`).join(', ')}}`)) {
      out.push(`${pad}${key}: {${Object.entries(v).map(([k, x]) => `${k}: ${scalar(x)}`).join(', ')}}`);
    } else {
      out.push(`${pad}${key}:`);
      out.push(...lines(v, indent + 2));
    }
  }
  return out;
}

/** The descriptor as YAML, in the style of the documentation's examples. */
export function toYaml(descriptor) {
  return `${lines(descriptor, 0).join('\n')}\n`;
}

/**
 * The form path a server error names: `documents[0].spec.owner` -> `spec.owner`; then that path
 * and its parents, most specific first, for finding the control to show the error next to.
 */
export function errorPaths(field) {
  let path = (field || '').replace(/^documents\[\d+\]\.?/, '');
  const paths = [];
  while (path) {
    paths.push(path);
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    path = cut > 0 ? path.slice(0, cut) : '';
  }
  return paths;
}
