/**
 * Who is calling and what they may see: the {@link io.tessera.governance.Principal} of a request
 * and its {@link io.tessera.governance.AccessScope}, computed once per request by {@link
 * io.tessera.catalogserver.security.AccessScopes} and handed to every read path (REST, search,
 * lineage, GraphQL, SPARQL) as a controller argument.
 */
package io.tessera.catalogserver.security;
