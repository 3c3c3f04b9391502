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
  void shouldRefuseASubjectWithControlCharacters() {
    assertThatThrownBy(
            () ->
                grants.validate(
                    "bi\u0000x", List.of("consumer"), null, null, null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("subject"));
  }

  @Test
  void shouldNameTheWrongFieldOfARequest() {
    assertThatThrownBy(
            () -> grants.validate(" ", List.of("consumer"), null, null, null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("subject"));
    assertThatThrownBy(
            () -> grants.validate("a", List.of("reader"), null, null, null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("roles"));
    assertThatThrownBy(
            () ->
                grants.validate(
                    "a", List.of("domain-owner"), List.of(), null, null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("domains"));
    assertThatThrownBy(
            () ->
                grants.validate(
                    "a",
                    List.of("consumer"),
                    null,
                    null,
                    Map.of("Region", List.of("eu")),
                    null,
                    null,
                    NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("attributes.Region"));
    assertThatThrownBy(
            () ->
                grants.validate(
                    "a", List.of("consumer"), null, null, null, null, NOW.minusSeconds(1), NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
  }

  @Test
  void shouldLetADomainOwnerGrantOnlyWithinItsDomainsAndNeverAdmin() {
    TokenGrants.Grant salesConsumer =
        grants.validate("bi", List.of("consumer"), List.of("sales"), null, null, null, null, NOW);
    TokenGrants.Grant hrConsumer =
        grants.validate("bi", List.of("consumer"), List.of("hr"), null, null, null, null, NOW);
    TokenGrants.Grant salesAdmin =
        grants.validate("x", List.of("admin"), List.of("sales"), null, null, null, null, NOW);

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

  @Test
  void shouldRefuseAttributeKeysNoPolicyReadsAndNameTheAllowedOnes() {
    assertThatThrownBy(
            () ->
                grants.validate(
                    "a",
                    List.of("consumer"),
                    null,
                    null,
                    Map.of("purpose", List.of("fraud-detection")),
                    null,
                    null,
                    NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class,
            e -> {
              assertThat(e.field()).isEqualTo("attributes.purpose");
              assertThat(e.getMessage()).contains("region, purposes, clearances");
            });
    assertThat(TokenGrants.ATTRIBUTE_KEYS).containsExactly("region", "purposes", "clearances");

    TokenGrants.Grant known =
        grants.validate(
            "a",
            List.of("consumer"),
            null,
            null,
            Map.of("region", List.of("eu"), "purposes", List.of("auditing")),
            null,
            null,
            NOW);
    assertThat(known.attributes())
        .containsEntry("region", Set.of("eu"))
        .containsEntry("purposes", Set.of("auditing"));
  }

  @Test
  void shouldLetOnlyAnAdminGrantAttributes() {
    TokenGrants.Grant euConsumer =
        grants.validate(
            "eu-bi",
            List.of("consumer"),
            List.of("sales"),
            null,
            Map.of("region", List.of("eu")),
            null,
            null,
            NOW);

    assertThatThrownBy(() -> grants.authorize(euConsumer, SALES_OWNER))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.permission()).startsWith("admin (to grant attributes: region"));
    grants.authorize(euConsumer, ADMIN);
  }

  @Test
  void shouldLetADomainOwnerGrantOnlyConsumerAndProducerRoles() {
    TokenGrants.Grant salesOwner =
        grants.validate(
            "deputy", List.of("domain-owner"), List.of("sales"), null, null, null, null, NOW);
    TokenGrants.Grant salesProducer =
        grants.validate(
            "etl", List.of("producer", "consumer"), List.of("sales"), null, null, null, null, NOW);

    assertThatThrownBy(() -> grants.authorize(salesOwner, SALES_OWNER))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.permission()).isEqualTo("admin (to grant the domain-owner role)"));
    grants.authorize(salesProducer, SALES_OWNER);
    grants.authorize(salesOwner, ADMIN);
  }

  @Test
  void shouldScopeOnlyProducerTokensToNamespacesAndLetOnlyAnAdminGrantThem() {
    TokenGrants.Grant warehouse =
        grants.validate(
            "airflow",
            List.of("producer"),
            List.of("sales"),
            List.of("postgres://warehouse:5432", "postgres://warehouse:5432"),
            null,
            null,
            null,
            NOW);
    assertThat(warehouse.namespaces()).containsExactly("postgres://warehouse:5432");
    grants.authorize(warehouse, ADMIN);
    assertThatThrownBy(() -> grants.authorize(warehouse, SALES_OWNER))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.permission()).isEqualTo("admin (to grant namespaces)"));

    assertThatThrownBy(
            () ->
                grants.validate(
                    "bi", List.of("consumer"), null, List.of("s3://lake"), null, null, null, NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("namespaces"));
    assertThatThrownBy(
            () ->
                grants.validate(
                    "etl",
                    List.of("producer"),
                    null,
                    List.of("s3://lake", "s3://my lake"),
                    null,
                    null,
                    null,
                    NOW))
        .isInstanceOfSatisfying(
            InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("namespaces[1]"));
  }

  @Test
  void shouldTakeOnBehalfOfOnlyOnAnAgentsToken() {
    assertThat(grants.onBehalfOf(true, "  jane.doe@example.com "))
        .isEqualTo("jane.doe@example.com");
    assertThat(grants.onBehalfOf(true, null)).isNull();
    assertThat(grants.onBehalfOf(false, null)).isNull();
    for (String[] bad :
        new String[][] {
          {"false", "jane"}, {"true", " "}, {"true", "ja\u0007ne"}, {"true", "x".repeat(257)}
        }) {
      assertThatThrownBy(() -> grants.onBehalfOf(Boolean.parseBoolean(bad[0]), bad[1]))
          .isInstanceOfSatisfying(
              InvalidGrantException.class, e -> assertThat(e.field()).isEqualTo("onBehalfOf"));
    }
  }

  @Test
  void shouldLetAPersonGrantItselfItsOwnRightsOrFewerAndNeverMore() {
    Principal kim =
        new Principal(
            "kim",
            Set.of(Role.DOMAIN_OWNER, Role.PRODUCER),
            Set.of("sales", "billing"),
            Map.of("region", Set.of("eu")));
    Map<String, List<String>> eu = Map.of("region", List.of("eu"));

    grants.authorizeOwn(
        grants.validate("kim", List.of("producer"), List.of("sales"), null, eu, "x", null, NOW),
        kim);
    assertThatThrownBy(
            () ->
                grants.authorizeOwn(
                    grants.validate(
                        "kim", List.of("admin"), List.of("sales"), null, eu, "x", null, NOW),
                    kim))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.permission()).startsWith("role admin ("));
    assertThatThrownBy(
            () ->
                grants.authorizeOwn(
                    grants.validate(
                        "kim", List.of("producer"), List.of("hr"), null, eu, "x", null, NOW),
                    kim))
        .isInstanceOfSatisfying(
            AccessDeniedException.class, e -> assertThat(e.permission()).startsWith("domain hr ("));
    // a producer token without domains would write every dataset
    assertThatThrownBy(
            () ->
                grants.authorizeOwn(
                    grants.validate(
                        "kim", List.of("producer"), List.of(), null, eu, "x", null, NOW),
                    kim))
        .isInstanceOf(AccessDeniedException.class);
    // attributes are the person's, exactly: neither dropped nor added
    assertThatThrownBy(
            () ->
                grants.authorizeOwn(
                    grants.validate(
                        "kim", List.of("producer"), List.of("sales"), null, null, "x", null, NOW),
                    kim))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                grants.authorizeOwn(
                    grants.validate(
                        "someone-else",
                        List.of("producer"),
                        List.of("sales"),
                        null,
                        eu,
                        "x",
                        null,
                        NOW),
                    kim))
        .isInstanceOf(AccessDeniedException.class);
  }
}
