package io.tessera.catalogserver.security;

import io.micronaut.security.authentication.Authentication;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A governance {@link Principal} carried as a Micronaut {@link Authentication}, and back: the name
 * is the subject, the roles are the role slugs, and the attributes {@value #DOMAINS}, {@value
 * #ATTRIBUTES} and {@value #NAMESPACES} hold the principal's domains, policy attributes and a
 * producer's dataset namespaces as plain lists and maps.
 */
public final class PrincipalAuthentication {
  /** The attribute listing the principal's domains. */
  public static final String DOMAINS = "tessera.domains";

  /** The attribute holding the principal's policy attributes (name to values). */
  public static final String ATTRIBUTES = "tessera.attributes";

  /** The attribute listing the dataset namespaces a producer is scoped to. */
  public static final String NAMESPACES = "tessera.namespaces";

  /** The attribute holding the id of the API token that authenticated the request. */
  public static final String TOKEN = "tessera.token";

  /** The attribute set to true when that token belongs to an AI agent. */
  public static final String AGENT = "tessera.agent";

  /** The attribute naming the human or team an agent's token acts for. */
  public static final String ON_BEHALF_OF = "tessera.onBehalfOf";

  private PrincipalAuthentication() {}

  /** The authentication of an API token: its principal, plus the token's id and agent marks. */
  public static Authentication of(TokenService.Authenticated token) {
    Authentication base = of(token.principal());
    Map<String, Object> attributes = new LinkedHashMap<>(base.getAttributes());
    attributes.put(TOKEN, token.tokenId());
    attributes.put(AGENT, token.agent());
    if (token.onBehalfOf() != null) {
      attributes.put(ON_BEHALF_OF, token.onBehalfOf());
    }
    return Authentication.build(base.getName(), base.getRoles(), attributes);
  }

  /** The authentication that carries a principal. */
  public static Authentication of(Principal principal) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    principal.attributes().forEach((name, values) -> attributes.put(name, sorted(values)));
    return Authentication.build(
        principal.subject(),
        principal.roles().stream().map(Role::slug).sorted().toList(),
        Map.of(
            DOMAINS,
            sorted(principal.domains()),
            ATTRIBUTES,
            attributes,
            NAMESPACES,
            sorted(principal.namespaces())));
  }

  /** The principal an authentication carries; unknown role slugs are dropped. */
  public static Principal principal(Authentication authentication) {
    Set<Role> roles = new HashSet<>();
    for (String slug : authentication.getRoles()) {
      Role.fromSlug(slug).ifPresent(roles::add);
    }
    Map<String, Object> carried = authentication.getAttributes();
    Map<String, Set<String>> attributes = new LinkedHashMap<>();
    if (carried.get(ATTRIBUTES) instanceof Map<?, ?> map) {
      map.forEach(
          (name, values) -> {
            if (name != null && values instanceof Collection<?> list) {
              attributes.put(name.toString(), strings(list));
            }
          });
    }
    Set<String> domains =
        carried.get(DOMAINS) instanceof Collection<?> list ? strings(list) : Set.of();
    Set<String> namespaces =
        carried.get(NAMESPACES) instanceof Collection<?> list ? strings(list) : Set.of();
    return new Principal(authentication.getName(), roles, domains, attributes, namespaces);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }

  private static Set<String> strings(Collection<?> values) {
    Set<String> out = new TreeSet<>();
    for (Object value : values) {
      if (value != null) {
        out.add(value.toString());
      }
    }
    return out;
  }
}
