// Starts Swagger UI on /api-explorer/ (a classic script, loaded after the vendored bundle). Kept out
// of the page so that the Content-Security-Policy needs no inline script. The document comes from
// the page's data-url attribute (/openapi/tessera.yml, generated at build time). "Try it out"
// requests carry the X-Tessera-Request header, like the UI's calls, so they work for a person
// signed in with the session cookie; a token signed in to the catalog in this tab (sessionStorage
// 'tessera.token', see session.js) is sent with them unless one is given with "Authorize".
(function start() {
  const element = document.getElementById('swagger-ui');
  const status = document.getElementById('api-explorer-auth');
  let token = null;
  try {
    token = sessionStorage.getItem('tessera.token');
  } catch {
    token = null;
  }
  if (token) {
    status.append(' Signed in: "Try it out" sends the API token of the catalog in this tab.');
  } else {
    status.append(' Not signed in: use "Authorize" with an API token, or sign in to the catalog in'
      + ' this tab and reload.');
  }
  window.ui = SwaggerUIBundle({
    url: element.dataset.url || '/openapi/tessera.yml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    requestInterceptor: (request) => {
      request.headers['X-Tessera-Request'] = 'api-explorer';
      if (token && !request.headers.Authorization) {
        request.headers.Authorization = `Bearer ${token}`;
      }
      return request;
    },
  });
}());
