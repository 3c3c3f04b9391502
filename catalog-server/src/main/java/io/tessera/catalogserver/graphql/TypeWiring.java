package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;

/**
 * The resolvers of one type in {@code graphql/schema.graphqls}: its data fetchers (or, for an
 * interface, its type resolver). Each implementation is a bean that takes only the collaborators
 * its type needs; {@link GraphQLFactory} collects them all into the runtime wiring.
 */
interface TypeWiring {

  /** The type's runtime wiring, named after the schema type. */
  TypeRuntimeWiring wiring();
}
