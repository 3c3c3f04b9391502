/**
 * Who is calling and what they may see. Authentication is Micronaut Security's: bearer tokens are
 * checked by micronaut-security-jwt (JWTs, mapped by {@link
 * io.tessera.catalogserver.security.JwtPrincipalFactory}) and by {@link
 * io.tessera.catalogserver.security.ApiTokenValidator} (Tessera's API tokens); people may sign in
 * with the organisation's identity provider (OpenID Connect, {@link
 * io.tessera.catalogserver.security.OidcConfig}), after which a session JWT in an HttpOnly cookie
 * ({@link io.tessera.catalogserver.security.SignInSessions}) authenticates them, changes made with
 * it guarded by {@link io.tessera.catalogserver.security.CrossSiteRequestRule}; the rules {@link
 * io.tessera.catalogserver.security.PresentedCredentialsRule}, {@link
 * io.tessera.catalogserver.security.AdminEndpointRule} and {@link
 * io.tessera.catalogserver.security.ApiAccessRule} decide who may call what, and {@link
 * io.tessera.catalogserver.security.SecurityProblems} words refusals as audited problems. The
 * {@link io.tessera.governance.Principal} of a request (carried by its Micronaut {@code
 * Authentication}) and its {@link io.tessera.governance.AccessScope}, computed once per request by
 * {@link io.tessera.catalogserver.security.AccessScopes}, are handed to every read path (REST,
 * search, lineage, GraphQL, SPARQL) as controller arguments.
 */
package io.tessera.catalogserver.security;
