package io.tessera.catalogserver.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An access request as its requester and deciders see it.
 *
 * @param product {@code domain/name}
 * @param port the output port asked for, or null for the whole product
 * @param agreement the agreement its approval created, or null
 * @param mayDecide whether the caller may approve, reject or revoke it
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccessRequest(
    String id,
    String product,
    String port,
    String requester,
    String purpose,
    String purposeCode,
    String intendedUse,
    int durationDays,
    String state,
    Instant createdAt,
    Instant updatedAt,
    String decidedBy,
    AgreementView agreement,
    List<Transition> transitions,
    boolean mayDecide) {

  /** Where a request is in its life. */
  public enum State {
    REQUESTED,
    APPROVED,
    ACTIVE,
    REJECTED,
    WITHDRAWN,
    EXPIRED,
    REVOKED;

    public String slug() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a request in this state may move to {@code next}: requested → approved, rejected or
     * withdrawn; approved → active; active → expired or revoked. Nothing leaves the other states.
     */
    public boolean canBecome(State next) {
      return switch (this) {
        case REQUESTED -> next == APPROVED || next == REJECTED || next == WITHDRAWN;
        case APPROVED -> next == ACTIVE;
        case ACTIVE -> next == EXPIRED || next == REVOKED;
        case REJECTED, WITHDRAWN, EXPIRED, REVOKED -> false;
      };
    }

    /** Requested or active: at most one such request per requester and target. */
    public boolean open() {
      return this == REQUESTED || this == APPROVED || this == ACTIVE;
    }
  }

  /** One step of a request's life: who moved it, when and why. */
  @Serdeable
  public record Transition(String from, String to, String by, Instant at, String reason) {}

  /** The agreement an approval created. */
  @Serdeable
  public record AgreementView(
      String id,
      String iri,
      String product,
      String port,
      String assignee,
      String purposeCode,
      String purpose,
      Instant start,
      Instant expiresAt,
      String state) {}
}
