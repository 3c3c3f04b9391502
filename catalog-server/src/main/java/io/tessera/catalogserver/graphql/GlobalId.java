package io.tessera.catalogserver.graphql;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque global identifier: the GraphQL type and the parts of the object's natural key,
 * base64url-encoded. Clients must treat it as opaque; the server decodes it in {@code node(id:)}.
 */
record GlobalId(String type, List<String> parts) {
  private static final char SEPARATOR = '\u001f';

  GlobalId {
    parts = List.copyOf(parts);
  }

  static String of(String type, String... parts) {
    StringBuilder raw = new StringBuilder(type);
    for (String part : parts) {
      raw.append(SEPARATOR).append(part);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
  }

  static GlobalId decode(String id) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
      String[] split = raw.split(String.valueOf(SEPARATOR), -1);
      if (split.length < 2) {
        throw invalid(id);
      }
      return new GlobalId(split[0], List.of(split).subList(1, split.length));
    } catch (IllegalArgumentException e) {
      throw invalid(id);
    }
  }

  String part(int i) {
    return parts.get(i);
  }

  private static ProblemException invalid(String id) {
    return new ProblemException(
        ProblemType.INVALID_REQUEST, "'" + id + "' is not an id this server issued");
  }
}
