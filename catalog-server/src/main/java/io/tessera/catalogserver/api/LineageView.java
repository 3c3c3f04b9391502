package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.lineage.LineageGraph;
import java.util.List;

/**
 * {@code GET /api/v1/lineage}'s answer: the redacted lineage graph in Marquez's shape, each dataset
 * node with the product ({@code domain/name}) whose output port serves it when the caller may
 * discover that product. A restricted node never has one.
 */
@Serdeable
public record LineageView(List<Node> graph, boolean truncated) {

  /** A node of the graph, as {@link LineageGraph.Node}, plus its owning product. */
  @Serdeable
  public record Node(
      String id,
      String type,
      @Nullable LineageGraph.Data data,
      List<LineageGraph.Edge> inEdges,
      List<LineageGraph.Edge> outEdges,
      @Nullable String product) {}
}
