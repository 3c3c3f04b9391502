/**
 * The GraphQL API ({@code POST /graphql}, GraphiQL at {@code /graphiql}): the schema in {@code
 * graphql/schema.graphqls}, one {@code *Wiring} per schema type that needs resolvers (its data
 * fetchers, or the {@code Node} type resolver) collected by {@link
 * io.tessera.catalogserver.graphql.GraphQLFactory}, one {@code *DataFetcher} per field that needs
 * more than a property, DataLoader batching of graph reads per request ({@link
 * io.tessera.catalogserver.graphql.CatalogLoaders}), Relay connections, opaque global ids, the
 * caller's {@link io.tessera.governance.AccessScope} on every resolver, and the protections (depth,
 * complexity, timeout, error codes matching the REST problem types).
 */
package io.tessera.catalogserver.graphql;
