package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.graphql.GraphQLConfig;
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

/**
 * Wires the graph-store module: the TDB2 store under {@code <data-dir>/graph} and its repositories.
 */
@Factory
public class GraphStoreFactory {

  /** Opened at start-up, not on the first request; closed on shutdown. */
  @Context
  @Bean(preDestroy = "close")
  GraphStore graphStore(TesseraConfig config, TesseraOntology ontology, IriMinter iris) {
    return new TdbGraphStore(
        new GraphStoreConfig(
            config.dataDir().resolve("graph"), config.queryTimeout(), iris.vocabularyGraph()),
        ontology);
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
