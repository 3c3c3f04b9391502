package io.tessera.catalogserver.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One event to be sent to one recipient over one channel, and what became of it.
 *
 * @param id its id
 * @param subscriptionId the subscription it is for, or null for an implicit one (a product owner)
 * @param recipient the subscriber's subject, or the owner's IRI
 * @param channel {@code webhook} or {@code email}
 * @param target the URL or the address
 * @param eventId the CloudEvents id (the same on every attempt)
 * @param eventType the event's type
 * @param product the product it concerns, or null
 * @param payload the CloudEvents JSON sent (webhooks) or the text mailed
 * @param state {@code pending}, {@code delivered}, {@code dead} (gave up) or {@code skipped} (the
 *     subscriber may no longer see the product, or has no credentials left)
 * @param attempts attempts made
 * @param createdAt when the dispatcher created it
 * @param nextAttemptAt when it is due (pending)
 * @param lastAttemptAt the last attempt
 * @param lastStatus the HTTP status of the last attempt, if any
 * @param lastError why the last attempt failed
 * @param deliveredAt when it was acknowledged
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
    long id,
    String subscriptionId,
    String recipient,
    String channel,
    String target,
    String eventId,
    String eventType,
    String product,
    @com.fasterxml.jackson.annotation.JsonIgnore String payload,
    String state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant deliveredAt) {

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String DEAD = "dead";
  public static final String SKIPPED = "skipped";
}
