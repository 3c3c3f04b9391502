package io.tessera.catalogserver.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.events.CatalogEvent;
import java.time.Instant;
import java.util.List;

/**
 * Someone's wish to hear about a product's or a domain's events over one channel.
 *
 * @param id its id (a UUID)
 * @param subscriber the subject that subscribed (its read rights decide what is delivered)
 * @param domain the domain subscribed to, or the product's domain
 * @param product the product's name, or null for the whole domain
 * @param types event type patterns ({@code incident.*}, {@code product.changed}, {@code *})
 * @param channel {@code webhook} or {@code email}
 * @param url the webhook's URL
 * @param email the e-mail address
 * @param createdAt when it was made
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(
    String id,
    String subscriber,
    String domain,
    String product,
    List<String> types,
    String channel,
    String url,
    String email,
    Instant createdAt) {

  /** The channel names. */
  public static final String WEBHOOK = "webhook";

  public static final String EMAIL = "email";

  /** Whether the event is about what this subscription watches and of a type it asks for. */
  public boolean matches(CatalogEvent event) {
    boolean about =
        product == null
            ? domain.equals(event.domain())
                || event.product() == null
                    && event.type().startsWith(CatalogEvent.TYPE_PREFIX + "domain.")
                    && domain.equals(event.subject())
            : (domain + "/" + product).equals(event.product());
    return about && typeMatches(types, event.type());
  }

  /**
   * Whether a type matches any of the patterns (without or with the {@code io.tessera.} prefix).
   */
  public static boolean typeMatches(List<String> patterns, String type) {
    String local =
        type.startsWith(CatalogEvent.TYPE_PREFIX)
            ? type.substring(CatalogEvent.TYPE_PREFIX.length())
            : type;
    for (String p : patterns) {
      String pattern =
          p.startsWith(CatalogEvent.TYPE_PREFIX)
              ? p.substring(CatalogEvent.TYPE_PREFIX.length())
              : p;
      if (pattern.equals("*")
          || pattern.equals(local)
          || pattern.endsWith(".*")
              && local.startsWith(pattern.substring(0, pattern.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** {@code domain/name} or {@code domain}. */
  public String target() {
    return product == null ? domain : domain + "/" + product;
  }
}
