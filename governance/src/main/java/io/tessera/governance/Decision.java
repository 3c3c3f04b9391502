package io.tessera.governance;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A policy decision with what decided it.
 *
 * @param allowed whether the action is allowed
 * @param reason why, in words
 * @param policy the deciding policy ({@code domain/name} or {@code global/name}), or null
 * @param rule the deciding rule ({@code permissions[0]}), or null
 * @param constraint the deciding constraint ({@code region isAnyOf [eu]}), or null
 * @param agreement the usage agreement that granted the action (or supplied the purpose the
 *     deciding rule needed), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
    boolean allowed,
    String reason,
    String policy,
    String rule,
    String constraint,
    String agreement) {

  /** A decision no agreement took part in. */
  public Decision(boolean allowed, String reason, String policy, String rule, String constraint) {
    this(allowed, reason, policy, rule, constraint, null);
  }

  /** The same decision, naming the agreement that took part in it. */
  Decision by(String agreementId, String why) {
    return new Decision(allowed, reason + why, policy, rule, constraint, agreementId);
  }

  static Decision allow(String reason) {
    return new Decision(true, reason, null, null, null);
  }
}
