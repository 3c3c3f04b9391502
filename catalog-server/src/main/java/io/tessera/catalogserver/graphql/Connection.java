package io.tessera.catalogserver.graphql;

import java.util.List;

/**
 * A Relay connection page.
 *
 * @param edges the items of the page with their cursors
 * @param pageInfo where the page starts and ends
 * @param totalCount how many items there are in all (-1 when unknown)
 */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

  /** One item and its cursor. */
  record Edge<T>(String cursor, T node) {}

  /** Relay's page information. */
  record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  static <T> Connection<T> of(
      List<Edge<T>> edges, boolean hasNext, boolean hasPrevious, int total) {
    String start = edges.isEmpty() ? null : edges.getFirst().cursor();
    String end = edges.isEmpty() ? null : edges.getLast().cursor();
    return new Connection<>(
        List.copyOf(edges), new PageInfo(hasNext, hasPrevious, start, end), total);
  }
}
