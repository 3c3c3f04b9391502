// Small DOM helpers: build elements without innerHTML, so API text is never interpreted as markup.
import { safeHref } from './links.js';

/**
 * Creates an element. `attrs` keys: `class`, `text`, `on*` (listeners), `dataset`, anything else
 * as an attribute (`false`/`null` skip it). An `href` that `safeHref` refuses is left out, so no
 * element ever links to `javascript:` or `data:`. Children may be strings, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled') el[key] = Boolean(value);
    else if (key === 'href' || key === 'src' || key === 'action' || key === 'formaction') {
      const safe = safeHref(String(value));
      if (safe !== null) el.setAttribute(key, safe);
    } else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Turns a search snippet (HTML-escaped text with `<mark>` around matches) into nodes, keeping only
 * text and `mark` elements.
 */
export function snippet(html) {
  const template = document.createElement('template');
  template.innerHTML = html || '';
  const out = document.createDocumentFragment();
  const walk = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
      else if (child.nodeName === 'MARK') into.append(h('mark', {}, child.textContent));
      else walk(child, into);
    }
  };
  walk(template.content, out);
  return out;
}

/** A short, locale-formatted date and time, or an empty string. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, {
    dateStyle: 'medium', timeStyle: 'short',
  });
}

/** A badge for planned or physical. */
export function stateBadge(state) {
  const physical = state === 'physical';
  return h('span', {
    class: `badge ${physical ? 'badge-physical' : 'badge-planned'}`,
    title: physical
      ? 'Physical: lineage shows a promised dataset being produced'
      : 'Planned: no promised dataset has been observed yet',
  }, physical ? 'Physical' : 'Planned');
}

/** Chips for a list of values, each optionally a link. */
export function chips(values, href) {
  if (!values || values.length === 0) return null;
  return h('ul', { class: 'chips' }, values.map((v) =>
    h('li', {}, href ? h('a', { href: href(v), class: 'chip' }, v) : h('span', { class: 'chip' }, v))));
}

/** A `mailto:` owner shown as its address. */
export function ownerLabel(owner) {
  return owner ? owner.replace(/^mailto:/, '') : '';
}

/**
 * An owner IRI: a link when it is an `http(s):` or `mailto:` IRI, plain text otherwise (a `urn:`
 * names a team but leads nowhere; anything else is never a link), or a dash when there is none.
 */
export function ownerView(owner) {
  if (!owner) return '—';
  const href = safeHref(owner);
  return href && !href.startsWith('#') && !href.startsWith('/')
    ? h('a', { href, rel: 'noopener noreferrer' }, ownerLabel(owner))
    : h('span', { class: 'owner' }, ownerLabel(owner));
}

/** Debounces `fn` by `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
