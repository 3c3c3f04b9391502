// What the governance console's pages share: who may open it, its sub-navigation, the page a caller
// who governs nothing gets, and policies in plain words. The console shows what the API answers the
// caller; the server decides what each one may see (admins everything, domain owners their domains').
import { h, mount } from './dom.js';

/** Whether the caller governs something: an admin or the owner of a domain. Only to choose what to offer. */
export function governs(caller) {
  const roles = caller?.roles || [];
  return roles.includes('admin') || roles.includes('domain-owner');
}

/** Whether the caller is an admin. */
export function isAdmin(caller) {
  return (caller?.roles || []).includes('admin');
}

const PAGES = [
  { path: '/governance', label: 'Overview' },
  { path: '/governance/policies', label: 'Policies' },
  { path: '/governance/findings', label: 'Findings' },
  { path: '/governance/audit', label: 'Audit log', admin: true },
  { path: '/governance/tokens', label: 'Tokens', admin: true },
];

/** The console's own navigation; the page on screen is marked `aria-current`. */
export function consoleNav(current, caller) {
  return h('nav', { class: 'console-nav', 'aria-label': 'Governance console', id: 'governance-nav' },
    h('ul', {},
      PAGES.filter((p) => !p.admin || isAdmin(caller)).map((p) => h('li', {},
        h('a', { href: `#${p.path}`, 'aria-current': p.path === current ? 'page' : null }, p.label))),
      h('li', {}, h('a', { href: '#/inbox' }, 'Requests to decide')),
      h('li', {}, h('a', { href: '#/incidents' }, 'Incidents'))));
}

/**
 * Mounts the page a caller gets when it may not use this console page (`needs`: 'govern' or
 * 'admin') and returns true; returns false when the caller may.
 */
export function refused(main, caller, needs, title) {
  const allowed = needs === 'admin' ? isAdmin(caller) : governs(caller);
  if (allowed) return false;
  document.title = `Not allowed · Tessera`;
  mount(main,
    h('h1', { id: 'governance-refused' }, 'Not allowed'),
    h('div', { class: 'problem', role: 'alert' },
      h('p', { class: 'problem-title' }, caller
        ? `${title} is for ${needs === 'admin' ? 'platform admins' : 'platform admins and domain owners'}.`
        : `Sign in to use ${title.toLowerCase()}.`),
      h('p', {}, caller
        ? `You are signed in as ${caller.subject}, who ${needs === 'admin' ? 'is not an admin' : 'governs no domain'}. Ask a platform admin if you need it.`
        : 'It is for platform admins and domain owners.')),
    caller && governs(caller) ? h('p', {}, h('a', { href: '#/governance' }, 'Back to the governance console')) : null);
  return true;
}

/** The console's page header: heading, lead text and the console navigation. */
export function consoleHeader(path, caller, title, lead) {
  return [h('h1', {}, title), consoleNav(path, caller), lead ? h('p', { class: 'lead' }, lead) : null];
}

const OPERANDS = {
  REGION: "the reader's region", PURPOSE: "the reader's purposes", CLEARANCE: "the reader's clearances",
  ROLE: "the reader's roles", DOMAIN: "the reader's domains", PRODUCT_CLASSIFICATION: "the product's classifications",
  PRODUCT_TAG: "the product's tags", PRODUCT_LIFECYCLE: "the product's lifecycle status", PRODUCT_DOMAIN: "the product's domain",
};

const ACTIONS = { DISCOVER: 'find (know it exists)', READ: 'read (see its ports, schemas and columns)' };

/** A list in words: `a, b and c`. */
export function listWords(values) {
  const v = [...(values || [])];
  if (v.length <= 1) return v.join('');
  return `${v.slice(0, -1).join(', ')} and ${v[v.length - 1]}`;
}

/** A constraint in words: `the reader's region is one of: eu`. */
export function constraintWords(c) {
  const operand = OPERANDS[c.operand] || String(c.operand).toLowerCase();
  const plural = /s$/.test(operand);
  const verb = c.anyOf ? (plural ? 'include one of' : 'is one of') : (plural ? 'include none of' : 'is none of');
  return `${operand} ${verb}: ${[...(c.values || [])].sort().join(', ')}`;
}

/** What a policy applies to, in words. */
export function targetWords(policy) {
  const t = policy.targets || {};
  const parts = [];
  if (t.products?.length) parts.push(`the product${t.products.length > 1 ? 's' : ''} ${listWords([...t.products].sort())}`);
  if (t.domains?.length) parts.push(`every product of the domain${t.domains.length > 1 ? 's' : ''} ${listWords([...t.domains].sort())}`);
  if (t.classifications?.length) parts.push(`every product classified ${listWords([...t.classifications].sort())}`);
  return parts.length ? `Applies to ${parts.join('; ')}.` : 'Applies to no product directly.';
}

/** One permission or prohibition in words. */
export function ruleWords(rule) {
  const actions = listWords(['DISCOVER', 'READ'].filter((a) => (rule.actions || []).includes(a)).map((a) => ACTIONS[a] || String(a).toLowerCase()));
  const when = (rule.constraints || []).map(constraintWords);
  if (rule.effect === 'PROHIBIT') {
    return when.length
      ? `Nobody may ${actions} when ${listWords(when)}.`
      : `Nobody may ${actions}.`;
  }
  return when.length
    ? `Only readers for whom ${listWords(when)} may ${actions}.`
    : `Every signed-in reader may ${actions}.`;
}

/** A toxic combination in words. */
export function toxicWords(combination) {
  return `Data that combines ${listWords([...(combination.classifications || [])].sort())} is classified ${combination.result}.`;
}

/** How access requests are decided, in words, or null. */
export function accessWords(access) {
  if (!access) return null;
  const who = { AUTOMATIC: 'approved at once by the catalog', OWNER: "decided by the domain's owners", NONE: 'not possible: the targets cannot be requested' }[access.approval]
    || "decided by the domain's owners";
  return `Access requests are ${who}${access.maxDays ? `, for at most ${access.maxDays} days` : ''}.`;
}

