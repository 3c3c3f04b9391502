// Starts GraphiQL on /graphiql (a classic script, loaded after React and GraphiQL). Kept out of the
// page so that the Content-Security-Policy needs no inline script; the endpoint comes from the
// page's data-url attribute, which the server fills in. Queries carry the X-Tessera-Request header,
// like the UI's calls, so they work for a person signed in with the session cookie.
(function start() {
  const element = document.getElementById('graphiql');
  const fetcher = GraphiQL.createFetcher({
    url: element.dataset.url || '/graphql',
    headers: { 'X-Tessera-Request': 'graphiql' },
  });
  const root = ReactDOM.createRoot(element);
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# Tessera catalog: try\n{\n  domains(first: 5) {\n    edges { node { name title products(first: 3) { edges { node { name title state } } } } }\n  }\n}\n',
  }));
}());
