// Typeahead for the search box, following the ARIA combobox pattern: debounced, the previous
// request aborted, arrow keys move through the suggestions, Enter opens one, Escape closes.
import { h, mount, debounce } from './dom.js';
import { api, query } from './api.js';
import { hrefForIri } from './links.js';

const DELAY_MS = 200;

/** Attaches suggestions to `input`, shown in the `listbox` element. */
export function attachTypeahead(input, listbox) {
  let controller = null;
  let items = [];
  let active = -1;

  const close = () => {
    items = [];
    active = -1;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren();
  };

  const highlight = (index) => {
    active = index;
    listbox.querySelectorAll('[role=option]').forEach((el, i) => {
      el.setAttribute('aria-selected', String(i === index));
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const open = (item) => {
    const href = hrefForIri(item.iri);
    close();
    if (href) location.hash = href;
  };

  const fetchSuggestions = debounce(async () => {
    const prefix = input.value.trim();
    controller?.abort();
    if (prefix.length < 2) {
      close();
      return;
    }
    controller = new AbortController();
    try {
      const answer = await api(`/api/v1/search/suggest${query({ prefix, limit: 8 })}`,
        { signal: controller.signal });
      if (input.value.trim() !== prefix) return;
      items = answer.suggestions || [];
      if (items.length === 0) {
        close();
        return;
      }
      mount(listbox, items.map((item, i) => h('li', {
        id: `suggestion-${i}`,
        role: 'option',
        'aria-selected': 'false',
        class: 'suggestion',
        onmousedown: (event) => {
          event.preventDefault();
          open(item);
        },
      }, h('span', { class: 'suggestion-title' }, item.title),
      h('span', { class: 'type-label' }, item.type),
      item.context ? h('span', { class: 'suggestion-context' }, item.context) : null)));
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    } catch (error) {
      if (error.name !== 'AbortError') close();
    }
  }, DELAY_MS);

  input.addEventListener('input', fetchSuggestions);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (event) => {
    if (listbox.hidden || items.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight((active + 1) % items.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      open(items[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  close();
}
