package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.lineage.ObservationReport;
import io.tessera.lineage.ObservationReport.PortStatus;
import io.tessera.ontology.IriMinter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineageRedactionTest {
  private static final String WAREHOUSE = "postgres://warehouse:5432";

  private final IriMinter iris = new IriMinter("https://tessera.local");
  private final LineageRedaction redaction = new LineageRedaction(iris);

  private final DatasetRef orders = new DatasetRef(WAREHOUSE, "sales.orders");
  private final DatasetRef customers = new DatasetRef(WAREHOUSE, "crm.customers");
  private final DatasetRef refunds = new DatasetRef(WAREHOUSE, "sales.refunds");

  private final ObservationReport report =
      new ObservationReport(
          "sales",
          List.of(
              new PortStatus("sales", "orders", "out", orders),
              new PortStatus("sales", "secret", "out", refunds)),
          List.of(
              new PortStatus("sales", "orders", "customers-in", customers),
              new PortStatus("sales", "orders", "no-dataset", null)),
          List.of(orders, customers));

  @Test
  void shouldKeepTheWholeReportForAnUnrestrictedScope() {
    AccessScope everything = AccessScope.unrestricted(Principal.anonymous());

    assertThat(redaction.apply(report, everything)).isSameAs(report);
  }

  @Test
  void shouldLeaveOutPortsOfUnreadableProductsAndDatasetsTheCallerMayNotDiscover() {
    AccessScope scope =
        new AccessScope(
            Principal.anonymous(),
            VisibilityScope.allGraphsExcept(Set.of(iris.datasetGraph(WAREHOUSE, "crm.customers"))),
            VisibilityScope.allGraphsExcept(Set.of(iris.productGraph("sales", "secret"))));

    ObservationReport seen = redaction.apply(report, scope);

    assertThat(seen.scope()).isEqualTo("sales");
    assertThat(seen.promisedNotProduced())
        .containsExactly(new PortStatus("sales", "orders", "out", orders));
    assertThat(seen.declaredInputsNotRead())
        .containsExactly(new PortStatus("sales", "orders", "no-dataset", null));
    assertThat(seen.producedUnclaimed()).containsExactly(orders);
  }

  @Test
  void shouldSayWhetherTheCallerMayDiscoverADataset() {
    AccessScope scope =
        new AccessScope(
            Principal.anonymous(),
            VisibilityScope.onlyGraphs(Set.of(iris.datasetGraph(WAREHOUSE, "sales.orders"))),
            VisibilityScope.everything());

    assertThat(redaction.visible(orders, scope)).isTrue();
    assertThat(redaction.visible(customers, scope)).isFalse();
  }
}
