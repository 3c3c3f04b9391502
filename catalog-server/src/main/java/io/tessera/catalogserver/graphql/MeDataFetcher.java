package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.util.List;
import java.util.Set;

/** {@code Query.me}: the caller's principal. */
final class MeDataFetcher implements DataFetcher<MeDataFetcher.PrincipalView> {

  /** {@code Principal}. */
  record PrincipalView(
      String subject,
      boolean anonymous,
      List<String> roles,
      List<String> domains,
      List<AttributeView> attributes) {}

  /** {@code PrincipalAttribute}. */
  record AttributeView(String name, List<String> values) {}

  @Override
  public PrincipalView get(DataFetchingEnvironment env) {
    Principal p = GraphQLRequest.scope(env).principal();
    return new PrincipalView(
        p.subject(),
        p.isAnonymous(),
        p.roles().stream().map(Role::slug).sorted().toList(),
        p.domains().stream().sorted().toList(),
        p.attributes().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> new AttributeView(e.getKey(), sorted(e.getValue())))
            .toList());
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
