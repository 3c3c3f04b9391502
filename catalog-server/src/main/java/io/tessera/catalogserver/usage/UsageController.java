package io.tessera.catalogserver.usage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.ProductVisibility;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.AccessScope;
import io.tessera.ontology.IriMinter;
import java.util.List;

/**
 * Who uses a data product and how long products take from idea to first consumer: {@code
 * /api/v1/products/{d}/{n}/consumers}, {@code /api/v1/products/{d}/{n}/time-to-value} and {@code
 * /api/v1/time-to-value}.
 */
@Tag(name = "Usage", description = "Who uses a product, and time to value")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsageController {
  private final ConsumerService consumers;
  private final TimeToValueService timeToValue;
  private final IriMinter iris;

  private final ProductVisibility visibility;

  public UsageController(
      ConsumerService consumers,
      TimeToValueService timeToValue,
      IriMinter iris,
      ProductVisibility visibility) {
    this.visibility = visibility;
    this.consumers = consumers;
    this.timeToValue = timeToValue;
    this.iris = iris;
  }

  /**
   * A product's consumers: active agreements (for its domain's owners and admins), jobs of other
   * domains reading its datasets, products declaring it as input. {@code 404} when the caller may
   * not discover the product, {@code 403} when it may discover but not read it.
   */
  @Get("/products/{domain}/{name}/consumers")
  public List<Consumer> consumers(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    checkVisible(domain, name, scope);
    if (!scope.mayRead(iris.productGraph(domain, name))) {
      throw new AccessDeniedException("read " + domain + "/" + name);
    }
    List<Consumer> found = consumers.consumers(domain, name, scope);
    if (found == null) {
      throw notFound(domain, name);
    }
    return found;
  }

  /** A product's milestones and lead times; {@code 404} when the caller may not discover it. */
  @Get("/products/{domain}/{name}/time-to-value")
  public ProductTimeToValue productTimeToValue(
      @PathVariable String domain, @PathVariable String name, AccessScope scope) {
    checkVisible(domain, name, scope);
    ProductTimeToValue found = timeToValue.product(domain, name);
    if (found == null) {
      throw notFound(domain, name);
    }
    return found;
  }

  /**
   * Per quarter the count, median and 90th percentile of each lead time, and the products stuck
   * longest in each stage, over the products of a domain (or the mesh) the caller may discover.
   */
  @Get("/time-to-value")
  public MeshTimeToValue meshTimeToValue(@Nullable @QueryValue String domain, AccessScope scope) {
    String wanted = domain == null || domain.isBlank() ? null : domain;
    if (wanted != null && !IriMinter.isSlug(wanted)) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "domain is not a domain name");
    }
    return timeToValue.mesh(wanted, scope);
  }

  // A product the caller may not discover answers exactly like one that does not exist.
  private void checkVisible(String domain, String name, AccessScope scope) {
    visibility.require(domain, name, scope);
  }

  private static ProblemException notFound(String domain, String name) {
    return ProductVisibility.notFound(domain, name);
  }
}
