package io.tessera.catalogserver.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One consumer of a data product.
 *
 * @param kind {@code agreement} (an active usage agreement), {@code job} (a job of another domain
 *     that reads one of its datasets) or {@code product} (a product that declares it as input)
 * @param name the requester's subject, the job's {@code namespace/name} or the product's {@code
 *     domain/name}
 * @param domain the consumer's domain: the job's (null when it writes only unclaimed datasets) or
 *     the product's; null for an agreement
 * @param purpose the agreement's purpose code, or its purpose text; null otherwise
 * @param since when it started consuming: the agreement's start, the job's earliest reading run,
 *     the product's first revision
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Consumer(String kind, String name, String domain, String purpose, Instant since) {
  static final String AGREEMENT = "agreement";
  static final String JOB = "job";
  static final String PRODUCT = "product";
}
