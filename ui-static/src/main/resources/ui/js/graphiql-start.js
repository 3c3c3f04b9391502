// Starts GraphiQL on /graphiql (a classic script, loaded after React and GraphiQL). Kept out of the
// page so that the Content-Security-Policy needs no inline script; the endpoint comes from the
// page's data-url attribute, which the server fills in. Queries carry the X-Tessera-Request header,
// like the UI's calls, so they work for a person signed in with the session cookie; a token signed
// in to the catalog in this tab (sessionStorage 'tessera.token', see session.js) is sent with every
// query. The line above the editor says which, and otherwise where a token goes.
(function start() {
  const element = document.getElementById('graphiql');
  const status = document.getElementById('graphiql-auth');
  let token = null;
  try {
    token = sessionStorage.getItem('tessera.token');
  } catch {
    token = null;
  }
  const headers = { 'X-Tessera-Request': 'graphiql' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const fetcher = GraphiQL.createFetcher({ url: element.dataset.url || '/graphql', headers });
  const intro = '# Tessera catalog: the line above says who your queries run as.\n';
  if (token) {
    status.textContent = 'Signed in: the API token of the catalog in this tab is sent with every query.';
  } else {
    status.textContent = 'Not signed in: queries see what anonymous readers may see. Sign in to the'
      + ' catalog in this tab and reload, or add {"Authorization": "Bearer <your API token>"} in the'
      + ' Headers tab.';
    fetch('/api/v1/me', { headers: { 'X-Tessera-Request': 'graphiql', Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((me) => {
        if (me && me.via === 'session') {
          status.textContent = `Signed in as ${me.subject} with your organisation's account:`
            + ' your session is sent with every query.';
        }
      })
      .catch(() => {});
  }
  const root = ReactDOM.createRoot(element);
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: `${intro}{\n  domains(first: 5) {\n    edges { node { name title products(first: 3) { edges { node { name title state } } } } }\n  }\n}\n`,
  }));
}());
