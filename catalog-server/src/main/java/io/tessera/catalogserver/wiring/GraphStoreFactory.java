package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.graphql.GraphQLConfig;
import io.tessera.catalogserver.persistence.GraphSnapshots;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.RdfWriter;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the graph-store module: the TDB2 store under {@code <data-dir>/graph} and its repositories.
 */
@Factory
public class GraphStoreFactory {

  private static final Logger LOG = LoggerFactory.getLogger(GraphStoreFactory.class);

  /**
   * Opened at start-up, not on the first request; closed on shutdown. A node whose graph directory
   * does not exist yet (a new node, or one whose graph was deleted) starts from the newest snapshot
   * in the database, if there is one, and then applies the journal entries after it ({@code
   * journal/JournalFollower}); without a snapshot it replays the whole journal.
   */
  @Context
  @Bean(preDestroy = "close")
  GraphStore graphStore(
      TesseraConfig config, TesseraOntology ontology, IriMinter iris, GraphSnapshots snapshots) {
    Path directory = config.dataDir().resolve("graph");
    boolean fresh = !Files.exists(directory);
    GraphStore store =
        new TdbGraphStore(
            new GraphStoreConfig(directory, config.queryTimeout(), iris.vocabularyGraph()),
            ontology);
    if (fresh) {
      snapshots.latest().ifPresent(s -> restore(store, snapshots, s));
    }
    return store;
  }

  private static void restore(
      GraphStore store, GraphSnapshots snapshots, GraphSnapshots.Snapshot snapshot) {
    LOG.info(
        "new graph: starting from snapshot {} ({} bytes, taken by {} at {}, catalog journal"
            + " position {})",
        snapshot.id(),
        snapshot.bytes(),
        snapshot.node(),
        snapshot.createdAt(),
        snapshot.catalogPosition());
    long started = System.nanoTime();
    try {
      snapshots.read(snapshot.id(), in -> store.restore(new GZIPInputStream(in, 65_536)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + snapshot.id(), e);
    }
    LOG.info(
        "snapshot {} restored in {} ms; the journal entries after it follow",
        snapshot.id(),
        java.time.Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  @Singleton
  DomainRepository domainRepository(GraphStore store, IriMinter iris) {
    return new DomainRepository(store, iris);
  }

  @Singleton
  ProductRepository productRepository(GraphStore store, IriMinter iris) {
    return new ProductRepository(store, iris);
  }

  @Singleton
  RdfWriter rdfWriter() {
    return new RdfWriter();
  }

  /** The product listings and reads by key of every API, following the change feed. */
  @Singleton
  ProductReadModel productReadModel(
      GraphStore store, ProductRepository products, IriMinter iris, GraphQLConfig config) {
    ProductReadModel model = new ProductReadModel(store, products, iris, config.productCacheSize());
    store.subscribe(model);
    return model;
  }
}
