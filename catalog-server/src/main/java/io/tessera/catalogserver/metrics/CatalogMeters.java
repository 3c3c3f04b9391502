package io.tessera.catalogserver.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.IndexStatus;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Tessera's own meters, read when Prometheus scrapes {@code /metrics} (sources that cost a query
 * are read once per second at most, see {@link Sampled}):
 *
 * <ul>
 *   <li>{@code tessera.lineage.journal.events}: events journaled (a counter: its rate is the ingest
 *       rate);
 *   <li>{@code tessera.lineage.projection.position}, {@code .lag} (journal head minus projected
 *       position, the projection's backlog), {@code .failures};
 *   <li>{@code tessera.graph.revision}, {@code tessera.search.index.revision}, {@code .lag} (graph
 *       revision minus index revision), {@code .queue} (change batches waiting for the indexer),
 *       {@code .documents};
 *   <li>{@code tessera.ready} (1 when {@link CatchUpReadiness} reports ready).
 * </ul>
 *
 * The sources are resolved on the first scrape, not when the registry is built: the registry is
 * built while the data source (which Micrometer instruments) is, and the sources need it.
 *
 * <p>Other parts add their meters the same way: a bean implementing {@link MeterBinder} is bound to
 * the registry by Micronaut Micrometer (see docs/observability.md).
 */
@Singleton
public class CatalogMeters implements MeterBinder {
  private static final Duration SAMPLE = Duration.ofSeconds(1);

  private final Supplier<LineageProjection.Status> projection;
  private final Supplier<IndexStatus> index;
  private final BeanProvider<GraphStore> graph;
  private final BeanProvider<CatchUpReadiness> readiness;

  public CatalogMeters(
      BeanProvider<LineageProjection> projection,
      BeanProvider<SearchIndex> index,
      BeanProvider<GraphStore> graph,
      BeanProvider<CatchUpReadiness> readiness) {
    this.projection = new Sampled<>(() -> projection.get().status(), SAMPLE);
    this.index = new Sampled<>(() -> index.get().status(), SAMPLE);
    this.graph = graph;
    this.readiness = readiness;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("tessera.lineage.journal.events", projection, p -> p.get().journal())
        .description("OpenLineage events journaled (its rate is the ingest rate)")
        .baseUnit("events")
        .register(registry);
    gauge(
        registry,
        "tessera.lineage.projection.position",
        "journal position projected",
        null,
        p -> projection.get().projected());
    gauge(
        registry,
        "tessera.lineage.projection.lag",
        "journaled events not yet projected into the graph (journal to graph lag)",
        "events",
        p -> Math.max(0, projection.get().journal() - projection.get().projected()));
    gauge(
        registry,
        "tessera.lineage.projection.failures",
        "journaled events the projection could not apply",
        "events",
        p -> projection.get().failures());
    gauge(
        registry,
        "tessera.graph.revision",
        "revision of the last graph commit",
        null,
        p -> graph.get().revision());
    gauge(
        registry,
        "tessera.search.index.revision",
        "graph revision whose changes are all searchable",
        null,
        p -> index.get().revision());
    gauge(
        registry,
        "tessera.search.index.lag",
        "graph revisions not yet searchable (graph to index lag)",
        "revisions",
        p -> Math.max(0, graph.get().revision() - index.get().revision()));
    gauge(
        registry,
        "tessera.search.index.queue",
        "change batches waiting for the search indexer",
        "batches",
        p -> index.get().pending());
    gauge(
        registry,
        "tessera.search.index.documents",
        "searchable documents",
        null,
        p -> index.get().documents());
    gauge(
        registry,
        "tessera.ready",
        "1 when projection and index have caught up with start-up",
        null,
        p -> readiness.get().check().ready() ? 1 : 0);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      String unit,
      ToDoubleFunction<CatalogMeters> value) {
    Gauge.builder(name, this, value)
        .description(description)
        .baseUnit(unit)
        .strongReference(true)
        .register(registry);
  }
}
