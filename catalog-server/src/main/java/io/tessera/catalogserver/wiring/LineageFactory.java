package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ProductRepository;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.LateBinding;
import io.tessera.lineage.LineageProjector;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/** Wires the lineage module: event parsing, projection into the graph, traversal and reports. */
@Factory
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

  @Singleton
  ObservationReports observationReports(
      GraphStore store, ProductRepository products, IriMinter iris) {
    return new ObservationReports(store, products, iris);
  }
}
