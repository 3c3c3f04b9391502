package io.tessera.catalogserver.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BreakingChangesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String BEFORE =
      """
      {"spec": {"lifecycle": "consume", "outputPorts": [
        {"name": "orders-table", "dataset": {"namespace": "pg://w", "name": "orders"},
         "schema": [{"name": "id", "type": "string", "required": true},
                    {"name": "amount", "type": "decimal"},
                    {"name": "note", "type": "string", "required": false}]},
        {"name": "changes", "dataset": {"namespace": "kafka://b", "name": "orders.changes"}}]}}""";

  @Test
  void shouldFindRetypedRemovedAndTightenedColumnsMovedDatasetsAndRemovedPorts() {
    ObjectNode after = read(BEFORE);
    ObjectNode port = (ObjectNode) after.path("spec").path("outputPorts").get(0);
    ((ObjectNode) port.path("dataset")).put("name", "orders_v2");
    ((ObjectNode) port.path("schema").get(1)).put("type", "string");
    ((ObjectNode) port.path("schema").get(2)).put("required", true);
    ((ArrayNode) port.path("schema")).remove(0);
    ((ArrayNode) after.path("spec").path("outputPorts")).remove(1);

    List<BreakingChanges.Change> changes = BreakingChanges.between(read(BEFORE), after);

    assertThat(changes)
        .extracting(c -> c.type() + " " + c.port() + " " + c.column())
        .containsExactly(
            "dataset-moved orders-table null",
            "column-removed orders-table id",
            "column-retyped orders-table amount",
            "column-required orders-table note",
            "port-removed changes null");
    assertThat(changes.get(0).before()).isEqualTo("pg://w/orders");
    assertThat(changes.get(0).after()).isEqualTo("pg://w/orders_v2");
    assertThat(changes.get(2).message())
        .isEqualTo("column amount of port orders-table changes type from decimal to string");
  }

  @Test
  void shouldNotListAddedColumnsPortsDescriptionsOrLoosenedNullability() {
    ObjectNode after = read(BEFORE);
    ObjectNode port = (ObjectNode) after.path("spec").path("outputPorts").get(0);
    ((ObjectNode) port.path("schema").get(0)).put("required", false).put("description", "key");
    ((ArrayNode) port.path("schema"))
        .addObject()
        .put("name", "currency")
        .put("type", "string")
        .put("required", true);
    ((ArrayNode) after.path("spec").path("outputPorts")).addObject().put("name", "orders-api");
    ((ObjectNode) after.path("spec")).put("description", "Orders").put("lifecycle", "deprecated");

    assertThat(BreakingChanges.between(read(BEFORE), after)).isEmpty();
  }

  @Test
  void shouldFindARetirementOnce() {
    ObjectNode after = read(BEFORE);
    ((ObjectNode) after.path("spec")).put("lifecycle", "retired");

    assertThat(BreakingChanges.between(read(BEFORE), after))
        .extracting(BreakingChanges.Change::type)
        .containsExactly("product-retired");
    assertThat(BreakingChanges.between(after, after)).isEmpty();
  }

  private static ObjectNode read(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
