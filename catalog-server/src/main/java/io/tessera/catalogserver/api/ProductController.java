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
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.apply.ApplyReport;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import java.util.List;

/** {@code /api/v1/products}: data products, their RDF and their revision history. */
@Tag(
    name = "Products",
    description =
        "Data products: listing, one product as JSON, Turtle or JSON-LD, revisions, retire and delete")
@Controller("/api/v1/products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProductController {
  static final String TURTLE = "text/turtle";
  static final String JSON_LD = "application/ld+json";

  private final ProductReads reads;
  private final ApplyService apply;

  public ProductController(ProductReads reads, ApplyService apply) {
    this.reads = reads;
    this.apply = apply;
  }

  /**
   * Lists products in {@code domain/name} order.
   *
   * @param lifecycle a declared status (ideation ... retired) or {@code planned} / {@code physical}
   * @param cursor the {@code nextCursor} of the previous page
   * @param asOf the products that existed at this instant ({@code 2026-03-01T12:00:00Z}) or by the
   *     end of this date in UTC ({@code 2026-03-01}), with their lifecycle and state then; see
   *     {@link AsOf}
   */
  @Get
  public Page<ProductView.Summary> list(
      @Nullable @QueryValue String domain,
      @Nullable @QueryValue String lifecycle,
      @Nullable @QueryValue String cursor,
      @QueryValue(defaultValue = "50") int limit,
      @Nullable @QueryValue String asOf,
      AccessScope scope) {
    AsOf at = AsOf.parse(asOf);
    return at == null
        ? reads.list(domain, lifecycle, cursor, limit, scope)
        : reads.list(domain, lifecycle, cursor, limit, at, scope);
  }

  /**
   * One product: JSON by default, Turtle or JSON-LD (DPROD-shaped) by content negotiation, or its
   * descriptor as last applied ({@code ?format=tessera|odps|odcs}, or {@code Accept:
   * application/yaml}, {@code application/odps+yaml}, {@code application/odcs+yaml} and their
   * {@code +json} twins; see {@link DescriptorFormat}). A product the caller may not discover is
   * not found; one it may not read comes without its ports' datasets, schemas and bindings (its
   * descriptor as an outline).
   *
   * <p>With {@code asOf} (an ISO-8601 instant, or a date meaning the end of that day in UTC), the
   * product as it was then: as JSON a {@link ProductAsOfView} (the revision in force, the state and
   * port bindings lineage had proved by then, the policies that applied then), or its descriptor in
   * force then in the chosen format; not found when it did not exist yet or had been deleted by
   * then. Turtle and JSON-LD are only live.
   *
   * @param format tessera, odps or odcs: the descriptor (as last applied, or in force at {@code
   *     asOf})
   * @param asOf the product as it was at this instant ({@code 2026-03-01T12:00:00Z}) or at the end
   *     of this date in UTC ({@code 2026-03-01}); 400 {@code invalid-request} naming {@code asOf}
   *     for anything else; 404 before it was applied or after it was deleted
   */
  @Get("/{domain}/{name}")
  @Produces({
    MediaType.APPLICATION_JSON,
    TURTLE,
    JSON_LD,
    DescriptorFormat.YAML,
    DescriptorFormat.X_YAML,
    DescriptorFormat.TEXT_YAML,
    "application/odps+yaml",
    "application/odps+json",
    "application/odcs+yaml",
    "application/odcs+json"
  })
  public HttpResponse<?> get(
      HttpRequest<?> request,
      @PathVariable String domain,
      @PathVariable String name,
      @Nullable @QueryValue String format,
      @Nullable @QueryValue String asOf,
      AccessScope scope) {
    String accept =
        request.getHeaders().get("Accept", String.class).orElse(MediaType.APPLICATION_JSON);
    var export = DescriptorFormat.of(format, accept);
    AsOf at = AsOf.parse(asOf);
    ProductReads.checkNames(domain, name);
    if (at != null) {
      if (export.isPresent()) {
        return HttpResponse.ok(reads.export(domain, name, export.get(), at, scope))
            .contentType(export.get().contentType());
      }
      if (accept.contains(TURTLE) || accept.contains(JSON_LD)) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST,
            "asOf answers JSON or a descriptor (format=tessera, odps or odcs), not RDF");
      }
      return HttpResponse.ok(reads.view(domain, name, at, scope));
    }
    if (export.isPresent()) {
      return HttpResponse.ok(reads.export(domain, name, export.get(), scope))
          .contentType(export.get().contentType());
    }
    if (accept.contains(TURTLE)) {
      return HttpResponse.ok(reads.turtle(domain, name, scope))
          .contentType(TURTLE + ";charset=utf-8");
    }
    if (accept.contains(JSON_LD)) {
      return HttpResponse.ok(reads.jsonLd(domain, name, scope)).contentType(JSON_LD);
    }
    return HttpResponse.ok(reads.view(domain, name, scope));
  }

  /** Every revision of a product, oldest first, with who, when, hash, descriptor and changes. */
  @Get("/{domain}/{name}/revisions")
  public List<RevisionView> revisions(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    return reads.revisions(domain, name, scope);
  }

  /** One revision of a product. */
  @Get("/{domain}/{name}/revisions/{revision}")
  public RevisionView revision(
      @PathVariable String domain,
      @PathVariable String name,
      @PathVariable int revision,
      AccessScope scope) {
    return reads
        .revision(domain, name, revision, scope)
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

  private static void checkNames(String domain, String name) {
    ProductReads.checkNames(domain, name);
  }
}
