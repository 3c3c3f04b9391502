package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WriteAuthorizationTest {
  private static final String WAREHOUSE = "postgres://warehouse:5432";
  private static final Set<String> CUSTOMER = Set.of("customer");
  private static final Set<String> NONE = Set.of();

  private final WriteAuthorization authorization = new WriteAuthorization();

  @Test
  void shouldLetADomainScopedProducerWriteOnlyItsDomainsDatasets() {
    Principal sales = producer(Set.of("sales"), Set.of());

    assertThatCode(
            () ->
                authorization.requireMayWriteDataset(
                    sales, WAREHOUSE, "sales.orders", Set.of("sales"), true))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                authorization.requireMayWriteDataset(
                    sales, WAREHOUSE, "crm.customers", CUSTOMER, true))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("producer for domain customer")
        .hasMessageContaining("'crm.customers' in namespace '" + WAREHOUSE + "'");
    assertThatThrownBy(
            () ->
                authorization.requireMayWriteDataset(
                    sales, WAREHOUSE, "shared", Set.of("sales", "customer"), true))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("producer for domain customer");
  }

  @Test
  void shouldLeaveUnclaimedDatasetsOpenUnlessProducersAreScoped() {
    Principal sales = producer(Set.of("sales"), Set.of());
    Principal lake = producer(Set.of(), Set.of("s3://lake"));

    assertThatCode(
            () -> authorization.requireMayWriteDataset(sales, WAREHOUSE, "tmp.x", NONE, true))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () -> authorization.requireMayWriteDataset(sales, WAREHOUSE, "tmp.x", NONE, false))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("producer for namespace '" + WAREHOUSE + "'");
    assertThatCode(
            () -> authorization.requireMayWriteDataset(lake, "s3://lake", "raw/x", NONE, false))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldLetNamespacesUnscopedProducersAndAdminsWriteClaimedDatasets() {
    Principal warehouse = producer(Set.of(), Set.of(WAREHOUSE));
    Principal platformWide = producer(Set.of(), Set.of());
    Principal admin = new Principal("admin", Set.of(Role.ADMIN), Set.of(), Map.of());

    for (Principal p : new Principal[] {warehouse, platformWide, admin}) {
      assertThatCode(
              () ->
                  authorization.requireMayWriteDataset(
                      p, WAREHOUSE, "crm.customers", CUSTOMER, false))
          .doesNotThrowAnyException();
    }
    assertThatThrownBy(
            () ->
                authorization.requireMayWriteDataset(
                    warehouse, "postgres://crm:5432", "crm.customers", CUSTOMER, true))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static Principal producer(Set<String> domains, Set<String> namespaces) {
    return new Principal("etl", Set.of(Role.PRODUCER), domains, Map.of(), namespaces);
  }
}
