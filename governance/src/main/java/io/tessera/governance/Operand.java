package io.tessera.governance;

import io.tessera.ontology.ODRL;
import io.tessera.ontology.TESS;
import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.rdf.model.Resource;

/** What a policy constraint is about: an attribute of the principal or of the product. */
public enum Operand {
  /** The principal's {@code region} attribute (residency). */
  REGION("region", "region", ODRL.spatial, false),
  /** The principal's {@code purposes} attribute. */
  PURPOSE("purpose", "purposes", ODRL.purpose, false),
  /** The principal's {@code clearances} attribute. */
  CLEARANCE("clearance", "clearances", TESS.clearance, false),
  /** The principal's roles. */
  ROLE("role", null, TESS.principalRole, false),
  /** The domains the principal belongs to. */
  DOMAIN("domain", null, TESS.domainMembership, false),
  /** The product's classifications. */
  PRODUCT_CLASSIFICATION("product.classification", null, TESS.productClassification, true),
  /** The product's tags. */
  PRODUCT_TAG("product.tag", null, TESS.productTag, true),
  /** The product's declared lifecycle status. */
  PRODUCT_LIFECYCLE("product.lifecycle", null, TESS.productLifecycle, true),
  /** The product's domain. */
  PRODUCT_DOMAIN("product.domain", null, TESS.productDomain, true);

  private final String slug;
  private final String attribute;
  private final Resource odrl;
  private final boolean aboutProduct;

  Operand(String slug, String attribute, Resource odrl, boolean aboutProduct) {
    this.slug = slug;
    this.attribute = attribute;
    this.odrl = odrl;
    this.aboutProduct = aboutProduct;
  }

  /** The name in descriptors. */
  public String slug() {
    return slug;
  }

  /** The principal attribute it reads, or null for roles, domains and product operands. */
  public String attribute() {
    return attribute;
  }

  /** The ODRL left operand it is stored as. */
  public Resource odrl() {
    return odrl;
  }

  /** Whether it is about the product (evaluated once per product) rather than the principal. */
  public boolean aboutProduct() {
    return aboutProduct;
  }

  public static Optional<Operand> fromSlug(String slug) {
    return Arrays.stream(values()).filter(o -> o.slug.equals(slug)).findFirst();
  }

  public static Optional<Operand> fromOdrl(String iri) {
    return Arrays.stream(values()).filter(o -> o.odrl.getURI().equals(iri)).findFirst();
  }
}
