// The catalog UI: a hash router over a few pages. Each page renders into <main> and calls the REST
// API only (see api.js); nothing here hides data, the server decides what a reader may see.
import { h, mount } from './dom.js';
import { initSignIn, onSignInChange, principal } from './auth.js';
import { problemView } from './problems.js';
import { ApiError } from './api.js';
import * as home from './pages/home.js';
import * as search from './pages/search.js';
import * as product from './pages/product.js';
import * as domains from './pages/domains.js';
import * as domain from './pages/domain.js';
import * as lineage from './pages/lineage.js';
import * as dataset from './pages/dataset.js';
import * as form from './pages/form.js';
import * as requests from './pages/requests.js';
import * as inbox from './pages/inbox.js';
import * as subscriptions from './pages/subscriptions.js';
import * as incidents from './pages/incidents.js';
import * as tokens from './pages/tokens.js';
import * as governance from './pages/governance.js';
import * as governancePolicies from './pages/governance-policies.js';
import * as governanceFindings from './pages/governance-findings.js';
import * as governanceAudit from './pages/governance-audit.js';
import * as governanceTokens from './pages/governance-tokens.js';
import { governs } from './governance.js';

const routes = [
  { pattern: /^\/?$/, page: home },
  { pattern: /^\/search$/, page: search },
  { pattern: /^\/product\/([^/]+)\/([^/]+)$/, page: product },
  { pattern: /^\/domains$/, page: domains },
  { pattern: /^\/domain\/([^/]+)$/, page: domain },
  { pattern: /^\/lineage$/, page: lineage },
  { pattern: /^\/dataset$/, page: dataset },
  { pattern: /^\/new$/, page: form },
  { pattern: /^\/edit\/([^/]+)\/([^/]+)$/, page: form },
  { pattern: /^\/requests$/, page: requests },
  { pattern: /^\/inbox$/, page: inbox },
  { pattern: /^\/subscriptions$/, page: subscriptions },
  { pattern: /^\/incidents$/, page: incidents },
  { pattern: /^\/tokens$/, page: tokens },
  { pattern: /^\/governance$/, page: governance },
  { pattern: /^\/governance\/policies$/, page: governancePolicies },
  { pattern: /^\/governance\/findings$/, page: governanceFindings },
  { pattern: /^\/governance\/audit$/, page: governanceAudit },
  { pattern: /^\/governance\/tokens$/, page: governanceTokens },
];

let current = null;
let lastPath = null;
/** The page module on screen, once it rendered without failing. */
let shown = null;

function parse() {
  const hash = location.hash.replace(/^#/, '');
  const [path, queryText = ''] = hash.split('?');
  return { path: path || '/', params: new URLSearchParams(queryText) };
}

async function render() {
  const { path, params } = parse();
  current?.abort();
  current = new AbortController();
  const main = document.getElementById('main');
  const match = routes
    .map((r) => ({ r, m: r.pattern.exec(path) }))
    .find((x) => x.m);
  main.setAttribute('aria-busy', 'true');
  markNavigation(path);
  const samePage = lastPath === path;
  lastPath = path;
  shown = null;
  try {
    if (!match) {
      mount(main, h('h1', { tabindex: '-1' }, 'Page not found'),
        h('p', {}, 'There is no page at ', h('code', {}, path), '. ', h('a', { href: '#/' }, 'Search the catalog')));
      document.title = 'Not found · Tessera';
    } else {
      const args = match.m.slice(1).map(decodeURIComponent);
      await match.r.page.render(main, { args, params, path, signal: current.signal, samePage });
      shown = match.r.page;
    }
  } catch (error) {
    if (error.name === 'AbortError') return;
    const missing = error instanceof ApiError && error.status === 404;
    mount(main, h('h1', { tabindex: '-1' }, missing ? 'Not found' : 'Something went wrong'), problemView(error));
    document.title = `${missing ? 'Not found' : 'Error'} · Tessera`;
  } finally {
    main.removeAttribute('aria-busy');
  }
  const focusLost = !document.activeElement || document.activeElement === document.body;
  if (!samePage || focusLost) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
}

function markNavigation(path) {
  for (const link of document.querySelectorAll('#site-nav a')) {
    const target = link.getAttribute('href').replace(/^#/, '');
    const active = target === '/' ? path === '/' || path === '/search' : path.startsWith(target);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

initSignIn();

// The Governance link, for admins and domain owners only (the server decides what they may see).
async function showGovernanceLink() {
  const caller = await principal();
  const item = document.getElementById('nav-governance')?.parentElement;
  if (item) item.hidden = !governs(caller);
}
showGovernanceLink();

// The skip link moves focus to the page itself (no inline handler: the CSP allows none).
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});
// Signing in or out shows the page again with what the new caller may see; a page that holds the
// user's unsaved input (the form) stays as it is, and its next request goes with the new token.
onSignInChange(() => {
  showGovernanceLink();
  if (!shown?.keepOnSignInChange) render();
});
window.addEventListener('hashchange', render);
render();
