package io.tessera.governance;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A usage agreement: what an approved access request grants its requester. Stored as an ODRL 2.2
 * {@code odrl:Agreement} in its own named graph ({@link AgreementRepository}); the policy evaluator
 * reads it as a permission for its assignee on its product, while it is active.
 *
 * @param id the id of the access request it came from
 * @param assignee the subject of the principal it grants to
 * @param product the product, {@code domain/name}
 * @param port the output port it is limited to at run time, or null for the whole product
 * @param purposeCode the purpose code it grants for (policies read it as the principal's purpose
 *     for this product), or null
 * @param purpose the purpose in the requester's words
 * @param start when it started
 * @param expires when it stops granting
 * @param state active, expired or revoked
 */
public record Agreement(
    String id,
    String assignee,
    String product,
    String port,
    String purposeCode,
    String purpose,
    Instant start,
    Instant expires,
    State state) {

  public Agreement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(state, "state");
  }

  /** Where an agreement is in its life. */
  public enum State {
    ACTIVE,
    EXPIRED,
    REVOKED;

    public String slug() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether it grants at this instant: active, started and not yet expired. */
  public boolean activeAt(Instant now) {
    return state == State.ACTIVE && !now.isBefore(start) && now.isBefore(expires);
  }

  /** The product's domain. */
  public String domain() {
    return product.substring(0, product.indexOf('/'));
  }

  /** The product's name within its domain. */
  public String productName() {
    return product.substring(product.indexOf('/') + 1);
  }

  /** The same agreement in another state. */
  public Agreement withState(State next) {
    return new Agreement(id, assignee, product, port, purposeCode, purpose, start, expires, next);
  }
}
