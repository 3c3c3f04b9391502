// The exchange on the domain page: its most wanted planned products (by registered interest) and its
// time to value (per quarter, the median and 90th percentile of each lead time, and the products
// stuck longest in each stage). A section whose endpoint answers 401, 403 or 404 is left out.
import { h, when, stateBadge } from '../dom.js';
import { problemView } from '../problems.js';
import { optional, productLink, leadTime, words } from '../exchange.js';

function list(value) {
  return Array.isArray(value) ? value : value?.items || [];
}

function productName(p) {
  return typeof p === 'string' ? p : p && p.domain && p.name ? `${p.domain}/${p.name}` : '';
}

const STAGES = {
  declaredNotPlanned: 'Declared, no output port promised yet',
  plannedNotPhysical: 'Planned, not physical yet',
  physicalNoConsumer: 'Physical, no consumer yet',
};

/** Planned products ranked by how many readers registered interest. */
export function demandSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'demand-heading', id: 'demand' },
    h('h2', { id: 'demand-heading' }, 'Most wanted planned products'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  const items = list(value);
  section.append(items.length === 0
    ? h('p', { class: 'muted' }, 'No one has registered interest in a planned product of this domain yet.')
    : h('ol', { class: 'demand' }, items.map((d) => h('li', { dataset: { product: productName(d.product) } },
      productLink(productName(d.product)), d.title ? ` ${d.title} ` : ' ',
      d.state ? stateBadge(d.state) : null,
      h('strong', {}, `${d.count} interested`),
      d.latest ? h('span', { class: 'muted' }, `, latest ${when(d.latest)}`) : null))));
  return section;
}

/** A statistic (`median`, `p90`) of a stage in whichever unit the API gives it. */
function stat(o, key) {
  if (!o) return '—';
  for (const [suffix, unit] of [['Seconds', 'seconds'], ['', null], ['Days', 'days'], ['Hours', 'hours']]) {
    const v = o[`${key}${suffix}`];
    if (v !== undefined && v !== null) return unit ? leadTime({ [unit]: v }) : leadTime(v);
  }
  return '—';
}

const QUARTER_KEYS = new Set(['quarter', 'period', 'name']);

function stagesOf(q) {
  const stages = q.stages || q.leadTimes
    || Object.fromEntries(Object.entries(q).filter(([k, v]) => !QUARTER_KEYS.has(k) && (v === null || typeof v === 'object')));
  return Array.isArray(stages)
    ? stages.map((s) => [s.stage || s.name, s])
    : Object.entries(stages);
}

/** Per quarter, median and p90 of each stage's lead time; then the products stuck longest. */
export function timeToValueSection(result) {
  const value = optional(result);
  if (value === null) return null;
  const section = h('section', { 'aria-labelledby': 'domain-ttv-heading', id: 'domain-time-to-value' },
    h('h2', { id: 'domain-ttv-heading' }, 'Time to value'));
  if (value instanceof Error) {
    section.append(problemView(value));
    return section;
  }
  if (value.products !== undefined) {
    section.append(h('p', { class: 'hint', id: 'ttv-counted' },
      `Over ${value.products} product${value.products === 1 ? '' : 's'} you may see`,
      value.computedAt ? `, as of ${when(value.computedAt)}.` : '.'));
  }
  const quarters = value.quarters || value.perQuarter || [];
  const stageNames = [...new Set(quarters.flatMap((q) => stagesOf(q).map(([n]) => n)))];
  if (quarters.length === 0 || stageNames.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No lead time has been measured in this domain yet.'));
  } else {
    section.append(h('div', { class: 'table-scroll' }, h('table', { class: 'listing ttv', id: 'ttv-quarters' },
      h('caption', {}, 'Lead times per quarter: median and 90th percentile (p90)'),
      h('thead', {},
        h('tr', {}, h('th', { scope: 'col', rowspan: '2' }, 'Quarter'),
          stageNames.map((s) => h('th', { scope: 'colgroup', colspan: '2' }, words(s)))),
        h('tr', {}, stageNames.map(() => [h('th', { scope: 'col' }, 'median'), h('th', { scope: 'col' }, 'p90')]))),
      h('tbody', {}, quarters.map((q) => {
        const stages = Object.fromEntries(stagesOf(q));
        return h('tr', {},
          h('th', { scope: 'row' }, q.quarter || q.period || q.name || ''),
          stageNames.map((s) => [
            h('td', { title: stages[s]?.count !== undefined ? `${stages[s].count} products` : null }, stat(stages[s], 'median')),
            h('td', {}, stat(stages[s], 'p90'))]));
      })))));
  }
  const stuck = value.stuck || value.stuckLongest || [];
  const rows = Array.isArray(stuck)
    ? stuck
    : Object.entries(stuck).flatMap(([stage, items]) => list(items).map((i) => ({ stage, ...i })));
  if (rows.length) {
    section.append(h('table', { class: 'listing', id: 'ttv-stuck' },
      h('caption', {}, 'Products stuck longest in a stage'),
      h('thead', {}, h('tr', {}, ['Stage', 'Product', 'Since', 'For'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', {}, STAGES[r.stage] || words(r.stage || '')),
        h('th', { scope: 'row' }, productLink(productName(r.product))),
        h('td', {}, when(r.since)),
        h('td', {}, r.durationSeconds !== undefined ? leadTime({ seconds: r.durationSeconds })
          : r.days !== undefined || r.hours !== undefined || r.seconds !== undefined || r.duration
            ? leadTime(r) : stat(r, 'age')))))));
  }
  return section;
}
