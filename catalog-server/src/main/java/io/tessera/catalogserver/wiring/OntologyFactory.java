package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Factory;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import jakarta.inject.Singleton;

/** Wires the ontology module: the loaded vocabulary and shapes, and the IRI minter. */
@Factory
public class OntologyFactory {

  @Singleton
  TesseraOntology ontology() {
    return new TesseraOntology();
  }

  @Singleton
  IriMinter iriMinter(TesseraConfig config) {
    return new IriMinter(config.baseIri());
  }
}
