package io.tessera.catalogserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.ProductVisibility;
import io.tessera.descriptors.CanonicalJson;
import io.tessera.descriptors.DescriptorOutline;
import io.tessera.descriptors.standards.StandardExports;
import io.tessera.governance.AccessScope;
import io.tessera.governance.ProductRedaction;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.RdfWriter;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;

/**
 * Reading data products through a caller's scope, for the REST API and the MCP tools alike: a
 * product the caller may not discover answers exactly like a missing one ({@code no data product
 * d/n}); one it may discover but not read comes without its ports' datasets, schemas, bindings and
 * descriptor.
 */
@Singleton
public class ProductReads {
  private final ProductRepository products;
  private final ProductReadModel readModel;
  private final RevisionRepository revisions;
  private final IriMinter iris;
  private final RdfWriter rdf;
  private final ProductRedaction redaction;
  private final ProductVisibility visibility;
  private final ProductsAsOf past;
  private final StandardExports exports = new StandardExports();
  private final CanonicalJson canonical = new CanonicalJson();

  public ProductReads(
      ProductRepository products,
      ProductReadModel readModel,
      RevisionRepository revisions,
      IriMinter iris,
      RdfWriter rdf,
      ProductRedaction redaction,
      ProductVisibility visibility,
      ProductsAsOf past) {
    this.past = past;
    this.visibility = visibility;
    this.products = products;
    this.readModel = readModel;
    this.revisions = revisions;
    this.iris = iris;
    this.rdf = rdf;
    this.redaction = redaction;
  }

  /** One page of products in {@code domain/name} order (see {@code GET /api/v1/products}). */
  public Page<ProductView.Summary> list(
      String domain, String lifecycle, String cursor, int limit, AccessScope scope) {
    if (limit < 1 || limit > 500) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be between 1 and 500");
    }
    ProductFilter filter = ProductFilter.of(domain, lifecycle, decode(cursor), limit + 1);
    List<Product> found = readModel.page(filter, scope.discover());
    List<ProductView.Summary> items =
        found.stream().limit(limit).map(p -> ProductView.Summary.of(p, iris)).toList();
    String next =
        found.size() > limit
            ? encode(found.get(limit - 1).domain() + "/" + found.get(limit - 1).name())
            : null;
    return new Page<>(items, next);
  }

  /** The product as JSON, without details when the caller may not read it. */
  public ProductView view(String domain, String name, AccessScope scope) {
    checkVisible(domain, name, scope);
    ProductView view =
        ProductView.of(
            readModel.find(new ProductKey(domain, name)).orElseThrow(() -> notFound(domain, name)),
            iris);
    return readable(domain, name, scope) ? view : view.withoutDetails();
  }

  /**
   * The product's declared and observed graphs (only its outline for a caller who may not read).
   */
  public Graph graph(String domain, String name, AccessScope scope) {
    checkVisible(domain, name, scope);
    Graph graph = products.graph(domain, name).orElseThrow(() -> notFound(domain, name));
    return readable(domain, name, scope) ? graph : redaction.outline(graph);
  }

  /** The product's RDF as Turtle. */
  public String turtle(String domain, String name, AccessScope scope) {
    return rdf.turtle(graph(domain, name, scope));
  }

  /** The product's RDF as JSON-LD. */
  public String jsonLd(String domain, String name, AccessScope scope) {
    return rdf.jsonLd(graph(domain, name, scope));
  }

  /**
   * The product's descriptor as last applied, written in the chosen format (ODPS and ODCS through
   * descriptors' {@link StandardExports}, with the product's IRI as the {@code id} it lacks); only
   * its outline ({@link DescriptorOutline}) for a caller who may not read the product.
   */
  String export(String domain, String name, DescriptorFormat.Choice choice, AccessScope scope) {
    checkVisible(domain, name, scope);
    readModel.find(new ProductKey(domain, name)).orElseThrow(() -> notFound(domain, name));
    String iri = iris.product(domain, name);
    ObjectNode descriptor =
        revisions
            .latest(iri)
            .filter(r -> r.descriptor() != null && !"deleted".equals(r.action()))
            .map(r -> (ObjectNode) canonical.read(r.descriptor()))
            .orElseThrow(() -> notFound(domain, name));
    return write(descriptor, iri, choice, readable(domain, name, scope));
  }

  /**
   * A product's descriptor written in the chosen format; only its outline when the caller may not
   * read the product.
   */
  String write(
      ObjectNode descriptor, String iri, DescriptorFormat.Choice choice, boolean readable) {
    ObjectNode shown = readable ? descriptor : DescriptorOutline.of(descriptor);
    JsonNode written =
        switch (choice.format()) {
          case TESSERA -> shown;
          case ODPS -> exports.odps(shown, iri);
          case ODCS -> exports.odcs(shown, iri);
        };
    return choice.json() ? canonical.write(written) : exports.yaml(written);
  }

  /**
   * The product as it was at {@code asOf} ({@link ProductsAsOf}): not found when it did not exist
   * then, had been deleted, or the caller may not discover it; without details for a caller who may
   * not read it; with the policies that applied then for admins and owners of its domain.
   */
  public ProductAsOfView view(String domain, String name, AsOf asOf, AccessScope scope) {
    ProductsAsOf.Past then = past.product(domain, name, asOf, scope);
    ProductView view = ProductView.of(then.product(), iris);
    List<AppliedPolicyView> applied =
        scope.principal().ownsDomain(domain)
            ? past.policies(then, asOf).stream()
                .map(
                    a ->
                        AppliedPolicyView.of(
                            a, iris.policy(a.policy().domain(), a.policy().name())))
                .toList()
            : null;
    return new ProductAsOfView(
        asOf.at(),
        then.appliedAt(),
        then.action(),
        then.readable() ? view : view.withoutDetails(),
        applied);
  }

  /**
   * The descriptor in force at {@code asOf}, written in the chosen format (see {@link #export}).
   */
  String export(
      String domain, String name, DescriptorFormat.Choice choice, AsOf asOf, AccessScope scope) {
    ProductsAsOf.Past then = past.product(domain, name, asOf, scope);
    return write(then.descriptor(), iris.product(domain, name), choice, then.readable());
  }

  /**
   * One page of the products that existed at {@code asOf} in {@code domain/name} order, with their
   * state then (see {@link ProductsAsOf#products}); {@code lifecycle} filters as the live listing
   * does.
   */
  public Page<ProductView.Summary> list(
      String domain, String lifecycle, String cursor, int limit, AsOf asOf, AccessScope scope) {
    if (limit < 1 || limit > 500) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be between 1 and 500");
    }
    ProductFilter filter = ProductFilter.of(domain, lifecycle, decode(cursor), limit + 1);
    List<Product> found = new ArrayList<>();
    for (ProductsAsOf.Past declared : past.products(filter.domain(), asOf, scope)) {
      if (found.size() > limit) {
        break;
      }
      if (matches(declared.product(), filter)) {
        Product observed = past.observed(declared, asOf).product();
        if (filter.physical() == null || observed.physical() == filter.physical()) {
          found.add(observed);
        }
      }
    }
    List<ProductView.Summary> items =
        found.stream().limit(limit).map(p -> ProductView.Summary.of(p, iris)).toList();
    String next =
        found.size() > limit
            ? encode(found.get(limit - 1).domain() + "/" + found.get(limit - 1).name())
            : null;
    return new Page<>(items, next);
  }

  private static boolean matches(Product p, ProductFilter filter) {
    return (filter.after() == null || (p.domain() + "/" + p.name()).compareTo(filter.after()) > 0)
        && (filter.lifecycle() == null || p.lifecycle() == filter.lifecycle());
  }

  /** Every revision, oldest first; outlines only for a caller who may not read the product. */
  public List<RevisionView> revisions(String domain, String name, AccessScope scope) {
    checkVisible(domain, name, scope);
    boolean readable = readable(domain, name, scope);
    var history = revisions.history(iris.product(domain, name));
    if (history.isEmpty()) {
      throw notFound(domain, name);
    }
    return history.stream()
        .map(r -> readable ? RevisionView.of(r) : RevisionView.outline(r))
        .toList();
  }

  /** One revision; an outline only for a caller who may not read the product. */
  public Optional<RevisionView> revision(
      String domain, String name, int revision, AccessScope scope) {
    checkVisible(domain, name, scope);
    boolean readable = readable(domain, name, scope);
    return revisions
        .find(iris.product(domain, name), revision)
        .map(r -> readable ? RevisionView.of(r) : RevisionView.outline(r));
  }

  /** Whether the caller may read the product's details (it may discover it). */
  public boolean readable(String domain, String name, AccessScope scope) {
    return scope.mayRead(iris.productGraph(domain, name));
  }

  /** Fails like a missing product unless the caller may discover it. */
  public void checkVisible(String domain, String name, AccessScope scope) {
    visibility.require(domain, name, scope);
  }

  /** Fails like a missing product unless both names are slugs. */
  public static void checkNames(String domain, String name) {
    ProductVisibility.requireNames(domain, name);
  }

  /** The answer for a product that does not exist, or that the caller may not discover. */
  public static ProblemException notFound(String domain, String name) {
    return ProductVisibility.notFound(domain, name);
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "cursor is not one this server issued");
    }
  }
}
