package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.governance.ProductRedaction;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.RdfWriter;
import io.tessera.ontology.IriMinter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.jena.graph.Graph;

/** {@code /api/v1/products}: data products, their RDF and their revision history. */
@Controller("/api/v1/products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProductController {
  static final String TURTLE = "text/turtle";
  static final String JSON_LD = "application/ld+json";

  private final ProductRepository products;
  private final ProductReadModel readModel;
  private final RevisionRepository revisions;
  private final ApplyService apply;
  private final IriMinter iris;
  private final RdfWriter rdf;
  private final ProductRedaction redaction;

  public ProductController(
      ProductRepository products,
      ProductReadModel readModel,
      RevisionRepository revisions,
      ApplyService apply,
      IriMinter iris,
      RdfWriter rdf,
      ProductRedaction redaction) {
    this.products = products;
    this.readModel = readModel;
    this.revisions = revisions;
    this.apply = apply;
    this.iris = iris;
    this.rdf = rdf;
    this.redaction = redaction;
  }

  /**
   * Lists products in {@code domain/name} order.
   *
   * @param lifecycle a declared status (ideation ... retired) or {@code planned} / {@code physical}
   * @param cursor the {@code nextCursor} of the previous page
   */
  @Get
  public Page<ProductView.Summary> list(
      @Nullable @QueryValue String domain,
      @Nullable @QueryValue String lifecycle,
      @Nullable @QueryValue String cursor,
      @QueryValue(defaultValue = "50") int limit,
      AccessScope scope) {
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

  /**
   * One product: JSON by default, Turtle or JSON-LD (DPROD-shaped) by content negotiation. A
   * product the caller may not discover is not found; one it may not read comes without its ports'
   * datasets, schemas and bindings.
   */
  @Get("/{domain}/{name}")
  @Produces({MediaType.APPLICATION_JSON, TURTLE, JSON_LD})
  public HttpResponse<?> get(
      HttpRequest<?> request,
      @PathVariable String domain,
      @PathVariable String name,
      AccessScope scope) {
    checkVisible(domain, name, scope);
    boolean readable = scope.mayRead(iris.productGraph(domain, name));
    String accept =
        request.getHeaders().get("Accept", String.class).orElse(MediaType.APPLICATION_JSON);
    if (accept.contains(TURTLE) || accept.contains(JSON_LD)) {
      Graph graph = products.graph(domain, name).orElseThrow(() -> notFound(domain, name));
      if (!readable) {
        graph = redaction.outline(graph);
      }
      boolean turtle = accept.contains(TURTLE);
      return HttpResponse.ok(turtle ? rdf.turtle(graph) : rdf.jsonLd(graph))
          .contentType(turtle ? TURTLE + ";charset=utf-8" : JSON_LD);
    }
    ProductView view =
        ProductView.of(
            readModel.find(new ProductKey(domain, name)).orElseThrow(() -> notFound(domain, name)),
            iris);
    return HttpResponse.ok(readable ? view : view.withoutDetails());
  }

  /** Every revision of a product, oldest first, with who, when, hash, descriptor and changes. */
  @Get("/{domain}/{name}/revisions")
  public List<RevisionView> revisions(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    checkVisible(domain, name, scope);
    boolean readable = scope.mayRead(iris.productGraph(domain, name));
    var history = revisions.history(iris.product(domain, name));
    if (history.isEmpty()) {
      throw notFound(domain, name);
    }
    return history.stream()
        .map(r -> readable ? RevisionView.of(r) : RevisionView.outline(r))
        .toList();
  }

  /** One revision of a product. */
  @Get("/{domain}/{name}/revisions/{revision}")
  public RevisionView revision(
      @PathVariable String domain,
      @PathVariable String name,
      @PathVariable int revision,
      AccessScope scope) {
    checkVisible(domain, name, scope);
    boolean readable = scope.mayRead(iris.productGraph(domain, name));
    return revisions
        .find(iris.product(domain, name), revision)
        .map(r -> readable ? RevisionView.of(r) : RevisionView.outline(r))
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND,
                    "product " + domain + "/" + name + " has no revision " + revision));
  }

  /** Retires a product: a new revision with lifecycle retired. */
  @Post("/{domain}/{name}/retire")
  public ApplyReport retire(
      Principal principal, @PathVariable String domain, @PathVariable String name) {
    checkNames(domain, name);
    return apply.retire(domain, name, principal);
  }

  /** Deletes a product from the catalog; its revision history is kept. */
  @Delete("/{domain}/{name}")
  public ApplyReport delete(
      Principal principal, @PathVariable String domain, @PathVariable String name) {
    checkNames(domain, name);
    return apply.deleteProduct(domain, name, principal);
  }

  // A product the caller may not discover answers exactly like one that does not exist.
  private void checkVisible(String domain, String name, AccessScope scope) {
    checkNames(domain, name);
    if (!scope.mayDiscover(iris.productGraph(domain, name))) {
      throw notFound(domain, name);
    }
  }

  private static void checkNames(String domain, String name) {
    if (!IriMinter.isSlug(domain) || !IriMinter.isSlug(name)) {
      throw notFound(domain, name);
    }
  }

  private static ProblemException notFound(String domain, String name) {
    return new ProblemException(ProblemType.NOT_FOUND, "no data product " + domain + "/" + name);
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
