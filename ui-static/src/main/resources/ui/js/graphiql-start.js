// Starts GraphiQL on /graphiql (a classic script, loaded after React and GraphiQL). Kept out of the
// page so that the Content-Security-Policy needs no inline script; the endpoint comes from the
// page's data-url attribute, which the server fills in. A token signed in to the catalog in this
// tab (sessionStorage 'tessera.token', see session.js) is sent with every query; otherwise the
// first lines of the editor say where a token goes.
(function start() {
  const element = document.getElementById('graphiql');
  let token = null;
  try {
    token = sessionStorage.getItem('tessera.token');
  } catch {
    token = null;
  }
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const fetcher = GraphiQL.createFetcher({ url: element.dataset.url || '/graphql', headers });
  const intro = token
    ? '# Tessera catalog. You are signed in: the API token of the catalog in this tab is sent\n'
      + '# with every query, so you see what you may see.\n'
    : '# Tessera catalog. You are not signed in: queries see what anonymous readers may see.\n'
      + '# To query as yourself, sign in to the catalog in this tab and reload, or open the\n'
      + '# Headers tab below and add: {"Authorization": "Bearer <your API token>"}\n';
  document.getElementById('graphiql-auth').textContent = token
    ? 'Signed in: the API token of the catalog in this tab is sent with every query.'
    : 'Not signed in: queries see what anonymous readers may see. Sign in to the catalog in this'
      + ' tab and reload, or add {"Authorization": "Bearer <your API token>"} in the Headers tab.';
  const root = ReactDOM.createRoot(element);
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: `${intro}{\n  domains(first: 5) {\n    edges { node { name title products(first: 3) { edges { node { name title state } } } } }\n  }\n}\n`,
  }));
}());
