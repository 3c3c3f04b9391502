/**
 * Benchmarks of the catalog server (test scope, run by hand, never by the build): the GraphQL
 * product and domain pages against the same data read directly with SPARQL in-process, what
 * policies cost search, and what usage agreements cost the policy evaluator's scopes and run-time
 * decisions.
 */
package io.tessera.catalogserver.bench;
