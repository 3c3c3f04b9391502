package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/products/{domain}/{name}?asOf=}: a data product as it was at an instant.
 *
 * @param asOf the instant answered at (a date is the end of that day in UTC)
 * @param appliedAt when the descriptor revision in force then was applied
 * @param action what that revision did: {@code created}, {@code updated} or {@code retired}
 * @param product the product that revision declared, its state ({@code planned} or {@code
 *     physical}) and its ports' bindings as lineage had proved them by then; no health (it is not
 *     kept over time); without details for a caller who may not read it
 * @param policies the policies in force then that applied to it then, for admins and owners of its
 *     domain (as {@code DataProduct.policies}); absent for everyone else
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductAsOfView(
    Instant asOf,
    Instant appliedAt,
    String action,
    ProductView product,
    List<AppliedPolicyView> policies) {}
