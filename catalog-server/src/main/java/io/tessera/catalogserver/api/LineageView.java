package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.lineage.LineageGraph;
import java.util.List;

/**
 * {@code GET /api/v1/lineage}'s answer: the redacted lineage graph in Marquez's shape (every node
 * with {@code inEdges} and {@code outEdges}, empty or not, and Marquez's dataset and job data),
 * each dataset node with the product ({@code domain/name}) whose output port serves it when the
 * caller may discover that product. A restricted node never has data or a product.
 */
@Serdeable
public record LineageView(List<Node> graph, boolean truncated) {

  /** A node of the graph, as {@link LineageGraph.Node}, plus its owning product. */
  @Serdeable
  public record Node(
      String id,
      String type,
      @Nullable Data data,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<LineageGraph.Edge> inEdges,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<LineageGraph.Edge> outEdges,
      @Nullable String product) {}

  /**
   * Marquez's {@code DatasetData} or {@code JobData} fields that Tessera knows, plus Tessera's
   * {@code latestRunState} (the OpenLineage event type of a job's latest run).
   *
   * @param type {@code DB_TABLE} for a dataset, {@code BATCH} for a job
   * @param physicalName a dataset's name (Marquez's physical name of an OpenLineage dataset)
   * @param sourceName a dataset's namespace (Marquez names an OpenLineage dataset's source so)
   * @param simpleName a job's name
   * @param fields a dataset's current columns (none when the caller may not read it)
   * @param inputs the datasets of the answer a job reads (restricted ones left out)
   * @param outputs the datasets of the answer a job writes (restricted ones left out)
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Data(
      LineageGraph.Key id,
      String type,
      String name,
      @Nullable String physicalName,
      @Nullable String simpleName,
      String namespace,
      @Nullable String sourceName,
      @Nullable List<Field> fields,
      List<String> tags,
      @Nullable List<LineageGraph.Key> inputs,
      @Nullable List<LineageGraph.Key> outputs,
      @Nullable String description,
      @Nullable String latestRunState) {}

  /** A column of a dataset, as Marquez lists it. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Field(
      String name, @Nullable String type, List<String> tags, @Nullable String description) {}
}
