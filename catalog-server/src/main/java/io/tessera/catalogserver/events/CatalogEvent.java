package io.tessera.catalogserver.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of the catalog, shaped as a CloudEvents 1.0 event.
 *
 * @param position its place in the feed (the cursor); 0 before it is appended
 * @param id the CloudEvents {@code id}, unique (a UUID)
 * @param type the CloudEvents {@code type}, e.g. {@code io.tessera.product.updated}
 * @param subject what it is about: {@code domain/name} for a product, {@code domain} for a domain,
 *     an incident's or request's id…
 * @param product the product it concerns ({@code domain/name}), which decides who may see it, or
 *     null for an event about no product (then only admins, or the domain's readers for a domain
 *     event: see the feed's reader)
 * @param time when it happened
 * @param data the event's JSON payload (an object), or null
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogEvent(
    long position,
    String id,
    String type,
    String subject,
    String product,
    Instant time,
    String data) {

  /** The CloudEvents {@code source} of every event of this catalog. */
  public static final String SOURCE = "/tessera";

  /** The prefix of every event type. */
  public static final String TYPE_PREFIX = "io.tessera.";

  public CatalogEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
  }

  /** A new event, not yet in the feed. */
  public static CatalogEvent of(String type, String subject, String product, String data) {
    return new CatalogEvent(
        0,
        java.util.UUID.randomUUID().toString(),
        type.startsWith(TYPE_PREFIX) ? type : TYPE_PREFIX + type,
        subject,
        product,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        data);
  }

  /** The product's domain, or null. */
  public String domain() {
    return product == null ? null : product.substring(0, product.indexOf('/'));
  }
}
