package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Relay paging arguments of a connection field ({@code first}/{@code after}, {@code
 * last}/{@code before}), checked, and paging of an in-memory list with offset cursors.
 */
record PageRequest(Integer first, String after, Integer last, String before, int defaultSize) {

  static PageRequest of(DataFetchingEnvironment env, GraphQLConfig config) {
    Integer first = env.getArgument("first");
    Integer last = env.getArgument("last");
    check(first, "first", config.maxPageSize());
    check(last, "last", config.maxPageSize());
    if (first != null && last != null) {
      throw invalid("give first or last, not both");
    }
    return new PageRequest(
        first, env.getArgument("after"), last, env.getArgument("before"), config.defaultPageSize());
  }

  /** Whether the page is asked for backwards (last/before without first). */
  boolean backwards() {
    return first == null && (last != null || before != null);
  }

  /** How many items the page holds at most. */
  int size() {
    return first != null ? first : last != null ? last : defaultSize;
  }

  /** One page of a list that is small enough to hold in memory; cursors are offsets. */
  <T> Connection<T> page(List<T> all) {
    int start = after == null ? 0 : offset(after) + 1;
    int end = before == null ? all.size() : Math.min(offset(before), all.size());
    start = Math.min(Math.max(start, 0), all.size());
    end = Math.max(end, start);
    boolean hasNext = end < all.size();
    boolean hasPrevious = start > 0;
    if (backwards()) {
      if (end - start > size()) {
        start = end - size();
        hasPrevious = true;
      }
    } else if (end - start > size()) {
      end = start + size();
      hasNext = true;
    }
    List<Connection.Edge<T>> edges = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      edges.add(new Connection.Edge<>(cursor("o", Integer.toString(i)), all.get(i)));
    }
    return Connection.of(edges, hasNext, hasPrevious, all.size());
  }

  static String cursor(String kind, String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  /** The value of a cursor of this kind, or an invalid-request error. */
  static String value(String cursor, String kind) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith(kind + ":")) {
        return raw.substring(kind.length() + 1);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw invalid("cursor '" + cursor + "' is not one this field issued");
  }

  private static int offset(String cursor) {
    try {
      return Integer.parseInt(value(cursor, "o"));
    } catch (NumberFormatException e) {
      throw invalid("cursor '" + cursor + "' is not one this field issued");
    }
  }

  private static void check(Integer n, String name, int max) {
    if (n != null && (n < 0 || n > max)) {
      throw invalid(name + " must be between 0 and " + max);
    }
  }

  static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
