// The governance console's findings: toxic combinations found in lineage (a job read datasets that
// together carry every classification of a policy's combination), with the job, its input and output
// datasets linked to their lineage and the products that inherit the result linked to their pages.
// Admins see every finding, domain owners those touching their domains (the server decides).
import { h, mount, when } from '../dom.js';
import { api } from '../api.js';
import { principal } from '../auth.js';
import { problemView } from '../problems.js';
import { lineageHref, domainHref } from '../links.js';
import { productLink } from '../exchange.js';
import { consoleHeader, refused, listWords } from '../governance.js';

export async function render(main, { signal }) {
  document.title = 'Findings · Governance · Tessera';
  const caller = await principal();
  signal.throwIfAborted();
  if (refused(main, caller, 'govern', 'The governance console')) return;
  let findings;
  let failure = null;
  try {
    findings = await api('/api/v1/policies/findings', { signal });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    failure = error;
  }
  signal.throwIfAborted();
  mount(main,
    consoleHeader('/governance/findings', caller, 'Toxic-combination findings',
      'Some data is more sensitive together than apart. When a job reads datasets whose products together carry every classification a policy combines, what it writes takes the combination’s classification, and the policies on that classification apply to the products it feeds.'),
    failure ? problemView(failure) : list(findings));
}

function list(findings) {
  if (!findings.length) return h('p', { class: 'muted', id: 'no-findings' }, 'No toxic combination found in lineage.');
  return h('ul', { class: 'findings', id: 'findings' }, findings.map((f) =>
    h('li', { class: 'finding', id: `finding-${f.id}`, dataset: { policy: f.policy, job: f.job } },
      h('h2', { class: 'h3' }, `${listWords(f.combination)} together make ${f.result}`),
      h('p', { class: 'finding-words' },
        'The job ', nodeLink('job', f.job), ` read data classified ${listWords(f.combination)}; `,
        f.outputProducts?.length
          ? ['what it writes is now classified ', h('strong', {}, f.result), ' in ', productLinks(f.outputProducts), '.']
          : ['what it writes is now classified ', h('strong', {}, f.result), '.']),
      h('dl', { class: 'facts' },
        fact('Policy', h('code', {}, f.policy)),
        fact('Found', when(f.foundAt)),
        fact('Read', nodeList('dataset', f.inputs, 'finding-inputs')),
        fact('Wrote', nodeList('dataset', f.outputs, 'finding-outputs')),
        fact('Products that inherit it', f.outputProducts?.length ? productLinks(f.outputProducts) : 'none'),
        fact('Owners told', (f.owners || []).length
          ? h('span', {}, f.owners.map((d, i) => [i ? ', ' : '', h('a', { href: domainHref(d) }, d)]))
          : '—')))));
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** A job or dataset (`namespace:name`) linked to its lineage. */
function nodeLink(kind, id) {
  return h('a', { href: lineageHref({ node: `${kind}:${id}` }), class: `finding-${kind}` }, id);
}

function nodeList(kind, ids, cls) {
  if (!ids?.length) return '—';
  return h('ul', { class: `plain-list ${cls}` }, ids.map((d) => h('li', {}, nodeLink(kind, d))));
}

function productLinks(products) {
  return h('span', { class: 'finding-products' }, products.map((p, i) => [i ? ', ' : '', productLink(p)]));
}
