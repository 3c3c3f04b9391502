// No-code form: declare or edit a planned data product without writing YAML. The form builds a
// tessera/v1 descriptor (shown live as YAML or JSON), checks it with a dry run
// (POST /api/v1/descriptors?dryRun=true) and shows each error next to the field it names; for an
// edit of an existing product the check also shows who the change would break
// (POST /api/v1/descriptors/impact). Then it applies it.
import { h, mount } from '../dom.js';
import { api, query, ApiError } from '../api.js';
import { productHref } from '../links.js';
import { problemView } from '../problems.js';
import {
  LIFECYCLES, PORT_TYPES, emptyModel, emptyPort, emptyColumn, toDescriptor, fromDescriptor, toYaml, errorPaths,
} from '../descriptor.js';

/** Signing in or out keeps what the user typed; the next check or apply sends the new token. */
export const keepOnSignInChange = true;

export async function render(main, { args, params, signal }) {
  const editing = args.length === 2;
  const [domains, facets, namespaces] = await Promise.all([
    api('/api/v1/domains', { signal }),
    api(`/api/v1/search${query({ limit: 1 })}`, { signal }).catch(() => ({ facets: {} })),
    api('/api/v1/lineage/namespaces', { signal }).catch(() => []),
  ]);
  const known = [...new Set(['public', 'internal', 'confidential', 'pii',
    ...(facets.facets?.classification || []).map((f) => f.value)])];
  let model;
  if (editing) {
    const [d, n] = args;
    const revisions = await api(`/api/v1/products/${encodeURIComponent(d)}/${encodeURIComponent(n)}/revisions`, { signal });
    const latest = [...revisions].reverse().find((r) => r.descriptor);
    model = latest ? fromDescriptor(latest.descriptor, known) : emptyModel(d);
  } else {
    model = emptyModel(params.get('domain') || '');
  }
  signal.throwIfAborted();
  document.title = `${editing ? 'Edit' : 'Declare'} a product · Tessera`;
  new ProductForm(main, model, { editing, domains, known, namespaces }).render();
}

class ProductForm {
  constructor(main, model, { editing, domains, known, namespaces }) {
    Object.assign(this, { main, model, editing, domains, known, namespaces, format: 'yaml', errors: [] });
  }

  render() {
    const focused = document.activeElement?.id;
    const m = this.model;
    this.form = h('form', { id: 'product-form', class: 'product-form', novalidate: true },
      h('div', { id: 'error-summary' }),
      h('fieldset', {},
        h('legend', {}, 'The product'),
        this.select('Domain', 'field-domain', 'metadata.domain', m.domain,
          [['', 'Choose a domain'], ...this.domains.map((d) => [d.name, d.title || d.name])],
          (v) => { m.domain = v; }, this.editing),
        this.text('Name', 'field-name', 'metadata.name', m.name, (v) => { m.name = v; },
          { hint: 'Lowercase letters, digits and hyphens, e.g. customer-returns. It becomes part of the product\'s address.', readonly: this.editing }),
        this.text('Title', 'field-title', 'spec.title', m.title, (v) => { m.title = v; }),
        this.textarea('Description', 'field-description', 'spec.description', m.description, (v) => { m.description = v; }),
        this.text('Owner', 'field-owner', 'spec.owner', m.owner, (v) => { m.owner = v; },
          { hint: 'The team\'s e-mail address (sent as a mailto: IRI) or another IRI.', type: 'text', autocomplete: 'email' }),
        this.select('Lifecycle', 'field-lifecycle', 'spec.lifecycle', m.lifecycle,
          [...new Set([...LIFECYCLES, m.lifecycle])].map((l) => [l, l]), (v) => { m.lifecycle = v; })),
      h('fieldset', {},
        h('legend', {}, 'Classification'),
        h('ul', { class: 'checkboxes' }, this.known.map((c) => h('li', {},
          h('input', {
            type: 'checkbox', id: `field-class-${c}`, value: c, checked: m.classification.includes(c),
            onchange: (e) => {
              m.classification = e.target.checked ? [...m.classification, c] : m.classification.filter((x) => x !== c);
              this.update();
            },
          }),
          h('label', { for: `field-class-${c}` }, c)))),
        this.text('Other classifications', 'field-class-other', 'spec.classification', m.otherClassification,
          (v) => { m.otherClassification = v; }, { hint: 'Comma-separated.' }),
        this.text('Tags', 'field-tags', 'spec.tags', m.tags, (v) => { m.tags = v; }, { hint: 'Comma-separated, e.g. returns, refunds.' })),
      h('fieldset', { 'data-path': 'spec.outputPorts' },
        h('legend', {}, 'Promised output ports'),
        h('p', { class: 'hint' }, 'Where the data will live: the OpenLineage dataset namespace and name a pipeline will write. The product turns physical when lineage shows it.'),
        m.outputPorts.map((port, i) => this.port(port, i)),
        h('button', { type: 'button', class: 'button-secondary', id: 'add-port', onclick: () => { m.outputPorts.push(emptyPort()); this.render(); } }, 'Add an output port')),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', id: 'dry-run', onclick: () => this.submit(true) }, 'Check (dry run)'),
        h('button', { type: 'submit', id: 'apply' }, this.editing ? 'Apply changes' : 'Create product')),
      h('div', { id: 'form-result', role: 'status' }),
      h('div', { id: 'form-impact' }),
      h('datalist', { id: 'column-types' },
        ['string', 'integer', 'long', 'decimal', 'double', 'boolean', 'date', 'timestamp', 'json', 'binary'].map((t) => h('option', { value: t }))),
      h('datalist', { id: 'dataset-namespaces' },
        this.namespaces.map((n) => h('option', { value: n.namespace, label: `${n.datasets} dataset${n.datasets === 1 ? '' : 's'}` }))));
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.submit(false); });

    this.preview = h('pre', { id: 'descriptor-preview', class: 'preview', tabindex: '0', 'aria-label': 'Generated descriptor' });
    mount(this.main,
      h('h1', {}, this.editing ? `Edit ${m.domain}/${m.name}` : 'Declare a planned product'),
      h('p', { class: 'lead' }, 'Fill in what the product will offer. The descriptor on the right is what will be applied; copy it into your repository if you keep descriptors there.'),
      h('div', { class: 'form-layout' }, this.form,
        h('section', { class: 'preview-pane', 'aria-labelledby': 'preview-heading' },
          h('h2', { id: 'preview-heading' }, 'Descriptor'),
          h('div', { class: 'tabs', role: 'group', 'aria-label': 'Format' },
            ['yaml', 'json'].map((f) => h('button', {
              type: 'button', class: 'tab', id: `format-${f}`, 'aria-pressed': String(this.format === f),
              onclick: () => { this.format = f; this.render(); },
            }, f.toUpperCase()))),
          this.preview)));
    this.update();
    this.showErrors();
    if (focused) document.getElementById(focused)?.focus();
  }

  port(port, i) {
    const at = `spec.outputPorts[${i}]`;
    return h('fieldset', { class: 'port-fields', 'data-path': at },
      h('legend', {}, `Output port ${i + 1}`),
      this.text('Port name', `field-port-${i}-name`, `${at}.name`, port.name, (v) => { port.name = v; }, { hint: 'e.g. returns-table' }),
      this.select('Type', `field-port-${i}-type`, `${at}.type`, port.type, PORT_TYPES.map((t) => [t, t]), (v) => { port.type = v; }),
      this.text('Dataset namespace', `field-port-${i}-namespace`, `${at}.dataset.namespace`, port.namespace, (v) => { port.namespace = v; },
        { hint: 'Namespaces pipelines have already reported are suggested; e.g. postgres://warehouse.internal:5432 or kafka://broker:9092', list: 'dataset-namespaces' }),
      this.text('Dataset name', `field-port-${i}-dataset`, `${at}.dataset.name`, port.datasetName, (v) => { port.datasetName = v; },
        { hint: 'e.g. sales.public.customer_returns' }),
      this.text('Port description', `field-port-${i}-description`, `${at}.description`, port.description, (v) => { port.description = v; }),
      h('table', { class: 'columns-editor', 'data-path': `${at}.schema` },
        h('caption', {}, `Schema of output port ${i + 1}`),
        h('thead', {}, h('tr', {}, ['Column', 'Type', 'Required', 'Classification', 'Description', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, port.schema.map((col, j) => this.column(port, col, i, j)))),
      h('p', { class: 'row-actions' },
        h('button', { type: 'button', class: 'button-secondary', id: `add-column-${i}`, onclick: () => { port.schema.push(emptyColumn()); this.render(); } }, 'Add a column'),
        this.model.outputPorts.length > 1 ? h('button', {
          type: 'button', class: 'button-danger', onclick: () => { this.model.outputPorts.splice(i, 1); this.render(); },
        }, `Remove output port ${i + 1}`) : null));
  }

  column(port, col, i, j) {
    const at = `spec.outputPorts[${i}].schema[${j}]`;
    const id = (f) => `field-port-${i}-col-${j}-${f}`;
    const cell = (f, label, value, set, attrs = {}) => h('td', {},
      h('input', {
        id: id(f), type: 'text', 'data-path': `${at}.${f}`, value, 'aria-label': `${label} of column ${j + 1}`,
        oninput: (e) => { set(e.target.value); this.update(); }, ...attrs,
      }));
    return h('tr', {},
      cell('name', 'Name', col.name, (v) => { col.name = v; }),
      cell('type', 'Type', col.type, (v) => { col.type = v; }, { list: 'column-types', class: 'narrow' }),
      h('td', {}, h('input', {
        id: id('required'), type: 'checkbox', 'data-path': `${at}.required`, checked: col.required, 'aria-label': `Column ${j + 1} is required`,
        onchange: (e) => { col.required = e.target.checked; this.update(); },
      })),
      cell('classification', 'Classification', col.classification, (v) => { col.classification = v; }, { class: 'narrow' }),
      cell('description', 'Description', col.description, (v) => { col.description = v; }),
      h('td', {}, h('button', {
        type: 'button', class: 'button-link', 'aria-label': `Remove column ${j + 1} of output port ${i + 1}`,
        onclick: () => { port.schema.splice(j, 1); this.render(); },
      }, 'Remove')));
  }

  field(label, id, path, control, hint) {
    const hintId = hint ? `${id}-hint` : null;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    control.dataset.path = path;
    return h('div', { class: 'field' },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
      control);
  }

  text(label, id, path, value, set, { hint, readonly, type = 'text', autocomplete, list } = {}) {
    const input = h('input', {
      id, type, value, readonly, autocomplete, list, oninput: (e) => { set(e.target.value); this.update(); },
    });
    return this.field(label, id, path, input, hint);
  }

  textarea(label, id, path, value, set) {
    const area = h('textarea', { id, rows: 3, oninput: (e) => { set(e.target.value); this.update(); } });
    area.value = value;
    return this.field(label, id, path, area);
  }

  select(label, id, path, value, options, set, disabled = false) {
    const select = h('select', { id, disabled, onchange: (e) => { set(e.target.value); this.update(); } },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
    return this.field(label, id, path, select);
  }

  descriptor() {
    return toDescriptor(this.model);
  }

  update() {
    const d = this.descriptor();
    this.preview.textContent = this.format === 'yaml' ? toYaml(d) : JSON.stringify(d, null, 2);
  }

  async submit(dryRun) {
    const result = this.form.querySelector('#form-result');
    mount(result, dryRun ? 'Checking…' : 'Applying…');
    mount(this.form.querySelector('#form-impact'));
    this.errors = [];
    this.problem = null;
    try {
      const report = await api(`/api/v1/descriptors${dryRun ? '?dryRun=true' : ''}`, {
        method: 'POST', body: JSON.stringify(this.descriptor()), contentType: 'application/json',
      });
      this.showErrors();
      const r = report.results[0];
      if (dryRun) {
        const outcome = {
          created: `create ${r.domain}/${r.name}`,
          updated: `update ${r.domain}/${r.name}`,
          unchanged: 'change nothing',
        }[r.status] || `leave ${r.domain}/${r.name} ${r.status}`;
        mount(result, h('p', { class: 'ok', id: 'dry-run-ok' }, `Valid. Applying it would ${outcome}.`));
        if (this.editing && r.status !== 'unchanged') await this.showImpact(this.form.querySelector('#form-impact'));
      } else {
        const message = h('p', { class: 'ok', id: 'apply-ok' },
          `${r.domain}/${r.name} ${r.status} (revision ${r.revision}). `,
          h('a', { href: productHref(r.domain, r.name), id: 'open-product' }, 'Open the product page'));
        if (!this.editing) {
          // from now on the form edits the product it created
          this.model.base = this.descriptor();
          this.editing = true;
          this.render();
        }
        mount(this.form.querySelector('#form-result'), message);
      }
    } catch (error) {
      mount(result);
      this.errors = error instanceof ApiError ? (error.problem.errors || []) : [];
      this.problem = error;
      this.showErrors();
    }
  }

  /**
   * Asks who the checked edit would break (POST /api/v1/descriptors/impact) and lists each breaking
   * change with its consumers under a heading, or says that no consumer would break.
   */
  async showImpact(container) {
    const section = h('section', { id: 'impact', class: 'impact', 'aria-labelledby': 'impact-heading' },
      h('h2', { id: 'impact-heading' }, 'Who this change would break'));
    container.append(section);
    let impact;
    try {
      impact = await api('/api/v1/descriptors/impact', {
        method: 'POST', body: JSON.stringify(this.descriptor()), contentType: 'application/json',
      });
    } catch (error) {
      section.append(h('p', { id: 'impact-unknown' }, `Could not work out who it would break: ${error.message}`));
      return;
    }
    const changes = (impact.documents || []).flatMap((d) => d.breakingChanges || []);
    const affected = changes.filter((c) => c.consumers.length > 0);
    if (affected.length === 0) {
      section.append(h('p', { id: 'impact-none' }, changes.length
        ? `No consumer would break. ${plural(changes.length, 'breaking change')} found, but nobody the catalog knows of reads what changes.`
        : 'No consumer would break: the edit changes nothing a consumer relies on.'));
      return;
    }
    section.append(
      h('p', { id: 'impact-summary' },
        `${plural(changes.length, 'breaking change')}, ${plural(impact.affectedConsumers, 'consumer')} affected. Tell them before you apply, or keep the old port or column alongside the new one for a while.`),
      h('ul', { id: 'impact-list', class: 'impact-list' }, changes.map((c, n) => h('li', { class: 'impact-change' },
        h('h3', { id: `impact-change-${n}` }, c.message),
        c.consumers.length
          ? h('ul', { 'aria-labelledby': `impact-change-${n}` }, c.consumers.map((k) => h('li', { class: 'impact-consumer' }, consumerText(k))))
          : h('p', {}, 'No consumer reads what changes.')))));
  }

  showErrors() {
    for (const el of this.form.querySelectorAll('.field-error')) el.remove();
    for (const el of this.form.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      const describedBy = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('error-'));
      if (describedBy.length) el.setAttribute('aria-describedby', describedBy.join(' '));
      else el.removeAttribute('aria-describedby');
    }
    const summary = this.form.querySelector('#error-summary');
    if (!this.problem) {
      mount(summary);
      return;
    }
    const unplaced = [];
    const placed = [];
    this.errors.forEach((error, n) => {
      const control = this.controlFor(error.field);
      if (!control) {
        unplaced.push(error);
        return;
      }
      const id = `error-${n}`;
      const message = h('p', { class: 'field-error', id }, error.message);
      if (control.tagName === 'FIELDSET') control.querySelector('legend').after(message);
      else if (!control.matches('input, select, textarea')) control.after(message);
      else (control.closest('td') || control.closest('.field') || control.parentElement).append(message);
      if (control.matches('input, select, textarea')) {
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
      }
      placed.push({ error, control });
    });
    const violations = this.problem instanceof ApiError ? this.problem.problem.violations || [] : [];
    mount(summary, h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error-summary-box' },
      h('h2', {}, this.errors.length ? 'The descriptor has problems' : 'The descriptor was not applied'),
      this.errors.length === 0 && violations.length === 0 ? problemView(this.problem) : null,
      h('ul', {},
        placed.map(({ error, control }) => h('li', {}, h('a', {
          href: '#', onclick: (e) => { e.preventDefault(); control.focus(); },
        }, `${labelFor(control)}: ${error.message}`))),
        unplaced.map((e) => h('li', {}, h('code', {}, e.field), `: ${e.message}`)),
        violations.map((v) => h('li', {}, `${v.path || v.focusNode}: ${v.message}`)))));
    summary.firstChild.focus();
  }

  controlFor(field) {
    for (const path of errorPaths(field)) {
      const exact = this.form.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (exact) return exact;
      const inside = [...this.form.querySelectorAll('[data-path]')]
        .find((el) => el.dataset.path.startsWith(`${path}.`) || el.dataset.path.startsWith(`${path}[`));
      if (inside) return inside;
    }
    return null;
  }
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One consumer in plain words: what it is, whose it is and what it reads. */
function consumerText(c) {
  switch (c.kind) {
    case 'job': {
      const owner = c.sameDomain ? 'your own domain' : c.domain ? `the ${c.domain} domain` : 'no domain';
      const reads = c.columns ? `reads ${c.columns.join(', ')}` : 'reads the whole dataset';
      return `Job ${c.name} (${owner}) ${reads}`;
    }
    case 'product':
      return `Data product ${c.name} declares it as an input`;
    case 'agreement':
      return `Agreement held by ${c.name}${c.purpose ? ` for ${c.purpose}` : ''}`;
    case 'interest':
      return `${c.name} registered interest in this planned product`;
    default:
      return `${c.kind} ${c.name}`;
  }
}

function labelFor(control) {
  if (control.id) {
    const label = document.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    if (label) return label.textContent;
  }
  return control.getAttribute('aria-label') || control.querySelector?.('legend')?.textContent || 'Field';
}
