package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenGrantsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final Principal ADMIN =
      new Principal("admin", Set.of(Role.ADMIN), Set.of(), Map.of());
  private static final Principal SALES_OWNER =
      new Principal("sales-lead", Set.of(Role.DOMAIN_OWNER), Set.of("sales"), Map.of());

  private final TokenGrants grants = new TokenGrants();

  @Test
  void shouldNameTheWrongFieldOfARequest() {
    assertThatThrownBy(() -> grants.validate(" ", List.of("consumer"), null, null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    assertThatThrownBy(() -> grants.validate("a", List.of("reader"), null, null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("roles"));
    assertThatThrownBy(
            () -> grants.validate("a", List.of("domain-owner"), List.of(), null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("domains"));
    assertThatThrownBy(
            () ->
                grants.validate(
                    "a",
                    List.of("consumer"),
                    null,
                    Map.of("Region", List.of("eu")),
                    null,
                    null,
                    NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("attributes"));
    assertThatThrownBy(
            () ->
                grants.validate(
                    "a", List.of("consumer"), null, null, null, NOW.minusSeconds(1), NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
  }

  @Test
  void shouldLetADomainOwnerGrantOnlyWithinItsDomainsAndNeverAdmin() {
    TokenGrants.Grant salesConsumer =
        grants.validate("bi", List.of("consumer"), List.of("sales"), null, null, null, NOW);
    TokenGrants.Grant hrConsumer =
        grants.validate("bi", List.of("consumer"), List.of("hr"), null, null, null, NOW);
    TokenGrants.Grant salesAdmin =
        grants.validate("x", List.of("admin"), List.of("sales"), null, null, null, NOW);

    grants.authorize(salesConsumer, SALES_OWNER);
    grants.authorize(hrConsumer, ADMIN);
    assertThatThrownBy(() -> grants.authorize(hrConsumer, SALES_OWNER))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("domain-owner of hr");
    assertThatThrownBy(() -> grants.authorize(salesAdmin, SALES_OWNER))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(grants.mayManage(SALES_OWNER, Set.of("sales"))).isTrue();
    assertThat(grants.mayManage(SALES_OWNER, Set.of("sales", "hr"))).isFalse();
    assertThat(grants.mayManage(SALES_OWNER, Set.of())).isFalse();
    assertThat(grants.mayManage(ADMIN, Set.of())).isTrue();
  }
}
