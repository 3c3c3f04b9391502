package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.SerdeImport;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ProductRepository;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.LateBinding;
import io.tessera.lineage.LineageProjection;
import io.tessera.lineage.LineageProjector;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.IndexStatus;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Wires the lineage module: event parsing, projection into the graph, traversal and reports. */
@Factory
@SerdeImport(LineageProjection.Status.class)
public class LineageFactory {

  @Singleton
  EventParser eventParser() {
    return new EventParser();
  }

  @Singleton
  LineageProjector lineageProjector(GraphStore store, ProductRepository products, IriMinter iris) {
    return new LineageProjector(store, products, iris);
  }

  /** Subscribed at start-up so that products declared after their data was produced are bound. */
  @Context
  LateBinding lateBinding(GraphStore store, ProductRepository products, IriMinter iris) {
    LateBinding binding = new LateBinding(store, products, iris);
    store.subscribe(binding);
    return binding;
  }

  @Singleton
  LineageQueries lineageQueries(GraphStore store, IriMinter iris) {
    return new LineageQueries(store, iris);
  }

  /**
   * Projects the relational journal into the lineage graphs on its own thread, from start-up on;
   * rebuilds them first when their layout is older than this server's. Ingest waits while an
   * acknowledged event has waited longer than {@code max-lag} to be projected, or a projected batch
   * as long for the search index to follow it: events are visible in lineage and search within
   * about that bound, and a sustained stream is slowed to what both keep up with.
   */
  @Context
  @Bean(preDestroy = "stop")
  LineageProjection lineageProjection(
      LineageJournal journal,
      LineageProjector projector,
      EventParser parser,
      @Value("${tessera.lineage.projection.max-backlog:20000}") long maxBacklog,
      @Value("${tessera.lineage.projection.max-lag:3s}") Duration maxLag,
      SearchIndex search) {
    return new LineageProjection(
        journal,
        projector,
        parser,
        maxBacklog,
        maxLag,
        () -> {
          // a rebuilding index (or one that cannot answer) does not hold ingest
          try {
            IndexStatus status = search.status();
            return status.rebuilding() ? Long.MAX_VALUE : status.revision();
          } catch (RuntimeException e) {
            return Long.MAX_VALUE;
          }
        });
  }

  @Singleton
  ObservationReports observationReports(
      GraphStore store, ProductRepository products, IriMinter iris) {
    return new ObservationReports(store, products, iris);
  }
}
