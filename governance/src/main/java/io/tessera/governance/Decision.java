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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
    boolean allowed, String reason, String policy, String rule, String constraint) {

  static Decision allow(String reason) {
    return new Decision(true, reason, null, null, null);
  }
}
