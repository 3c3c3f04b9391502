package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductKey;
import java.time.Instant;
import java.util.List;

/**
 * A {@code DataProduct} as GraphQL shows it.
 *
 * @param readable whether the caller may see its details (ports' datasets and schemas)
 */
record ProductNode(Product product, String iri, boolean readable) {
  ProductKey key() {
    return new ProductKey(product.domain(), product.name());
  }

  public String id() {
    return GlobalId.of("DataProduct", product.domain(), product.name());
  }

  public String name() {
    return product.name();
  }

  public String title() {
    return product.title();
  }

  public String description() {
    return product.description();
  }

  public String purpose() {
    return product.purpose();
  }

  public String owner() {
    return product.owner();
  }

  public String lifecycle() {
    return product.lifecycle().slug();
  }

  public String state() {
    return product.physical() ? "PHYSICAL" : "PLANNED";
  }

  public Instant physicalSince() {
    return product.physicalSince();
  }

  public List<String> classifications() {
    return product.classification();
  }

  public List<String> tags() {
    return product.tags();
  }

  public String identifier() {
    return product.identifier();
  }

  public String sourceFormat() {
    return product.sourceFormat();
  }

  public long revision() {
    return product.revision();
  }
}
