package io.tessera.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.DatasetRef;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimedOutputPortTest {
  private static final String WAREHOUSE = "postgres://warehouse:5432";

  @Test
  void shouldNameThePortAfterTheDatasetUntilTheNameIsFree() {
    DatasetRef orders = new DatasetRef(WAREHOUSE, "Sales.Public_Orders");

    assertThat(ClaimedOutputPort.defaultName(orders, Set.of())).isEqualTo("sales-public-orders");
    assertThat(
            ClaimedOutputPort.defaultName(
                orders, Set.of("sales-public-orders", "sales-public-orders-2")))
        .isEqualTo("sales-public-orders-3");
    assertThat(ClaimedOutputPort.defaultName(new DatasetRef(WAREHOUSE, "__"), Set.of()))
        .isEqualTo("claimed");
    assertThat(ClaimedOutputPort.defaultName(new DatasetRef(WAREHOUSE, "a".repeat(60)), Set.of()))
        .hasSize(50);
  }

  @Test
  void shouldAddAnOutputPortPromisingTheDataset() throws Exception {
    ObjectNode descriptor =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"kind\":\"DataProduct\",\"spec\":{\"outputPorts\":[{\"name\":\"existing\"}]}}");

    ClaimedOutputPort.add(descriptor, "orders", new DatasetRef(WAREHOUSE, "sales.orders"), "ana");

    assertThat(descriptor.at("/spec/outputPorts/1/name").asText()).isEqualTo("orders");
    assertThat(descriptor.at("/spec/outputPorts/1/dataset/namespace").asText())
        .isEqualTo(WAREHOUSE);
    assertThat(descriptor.at("/spec/outputPorts/1/dataset/name").asText())
        .isEqualTo("sales.orders");
    assertThat(descriptor.at("/spec/outputPorts/1/description").asText())
        .isEqualTo("Claimed by ana from the unowned datasets lineage observed");
  }
}
