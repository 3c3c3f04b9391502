package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges, within one request, the ODPS document of a data product with the ODCS contracts that
 * describe the same product ({@code metadata.domain} and {@code metadata.name} after translation),
 * field by field instead of letting one replace the other.
 *
 * <p>Precedence: the ODPS product wins for product-level fields ({@code title}, {@code
 * description}, {@code purpose}, {@code owner}, {@code lifecycle}, {@code identifier}, {@code
 * source}, {@code groups}); a field the ODPS document does not give is taken from the contract (an
 * owner that only falls back to the domain counts as not given); {@code tags} and {@code
 * classification} are the union, ODPS first. Each contract port is matched to an ODPS output port
 * by name, else to the first unmatched ODPS port naming the contract's {@code id}; the contract
 * wins for the port's {@code dataset}, {@code schema} and {@code slo}, the ODPS port for the rest,
 * and a field only one of them has is kept. A contract port that matches none is added. Several
 * contracts fold into the product in request order.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class StandardMerge {

  private static final List<String> PRODUCT_FIELDS =
      List.of(
          "title",
          "description",
          "purpose",
          "owner",
          "lifecycle",
          "identifier",
          "source",
          "groups");
  private static final List<String> UNION_FIELDS = List.of("tags", "classification");
  private static final Set<String> CONTRACT_PORT_FIELDS = Set.of("dataset", "schema", "slo");

  /** Creates the merger. */
  public StandardMerge() {}

  /**
   * Folds every ODCS contract into the ODPS product it describes.
   *
   * @param originals the request's documents as sent
   * @param translated the same documents in {@code tessera/v1} (null where one could not be read)
   * @return a list of the same size: the ODPS document's place holds the merged product, each
   *     folded contract's place null, every other document as it was
   */
  public List<JsonNode> merge(List<JsonNode> originals, List<JsonNode> translated) {
    List<JsonNode> merged = new ArrayList<>(translated);
    for (int p = 0; p < merged.size(); p++) {
      if (!StandardDescriptors.isOdps(originals.get(p)) || !(merged.get(p) instanceof ObjectNode)) {
        continue;
      }
      ObjectNode product = ((ObjectNode) merged.get(p)).deepCopy();
      boolean folded = false;
      for (int c = 0; c < merged.size(); c++) {
        if (StandardDescriptors.isOdcs(originals.get(c))
            && merged.get(c) instanceof ObjectNode contract
            && sameProduct(product, contract)) {
          fold(product, contract);
          merged.set(c, null);
          folded = true;
        }
      }
      if (folded) {
        merged.set(p, product);
      }
    }
    return merged;
  }

  /** Folds one translated contract into a translated ODPS product, in place. */
  static void fold(ObjectNode product, ObjectNode contract) {
    ObjectNode spec = (ObjectNode) product.get("spec");
    JsonNode other = contract.path("spec");
    String domain = product.path("metadata").path("domain").asText();
    for (String field : PRODUCT_FIELDS) {
      boolean defaultedOwner =
          "owner".equals(field)
              && ("urn:tessera:domain:" + domain).equals(spec.path("owner").asText());
      if ((!spec.hasNonNull(field) || defaultedOwner) && other.hasNonNull(field)) {
        spec.set(field, other.get(field).deepCopy());
      }
    }
    for (String field : UNION_FIELDS) {
      Set<JsonNode> union = new LinkedHashSet<>();
      spec.path(field).forEach(union::add);
      other.path(field).forEach(union::add);
      if (!union.isEmpty() || spec.has(field)) {
        ArrayNode list = spec.putArray(field);
        union.forEach(list::add);
      }
    }
    if (!other.path("outputPorts").isEmpty()) {
      foldPorts(spec, other);
    }
    if (!other.path("inputPorts").isEmpty()) {
      ArrayNode inputs = ports(spec, "inputPorts");
      Set<String> names = names(inputs);
      for (JsonNode port : other.path("inputPorts")) {
        if (names.add(port.path("name").asText())) {
          inputs.add(port.deepCopy());
        }
      }
    }
  }

  private static void foldPorts(ObjectNode spec, JsonNode contract) {
    ArrayNode outputs = ports(spec, "outputPorts");
    Set<Integer> matched = new HashSet<>();
    for (JsonNode port : contract.path("outputPorts")) {
      int target = match(outputs, port, matched);
      if (target < 0) {
        outputs.add(port.deepCopy());
        continue;
      }
      matched.add(target);
      ObjectNode into = (ObjectNode) outputs.get(target);
      port.fieldNames()
          .forEachRemaining(
              field -> {
                if (CONTRACT_PORT_FIELDS.contains(field) || !into.hasNonNull(field)) {
                  into.set(field, port.get(field).deepCopy());
                }
              });
    }
  }

  private static int match(ArrayNode outputs, JsonNode port, Set<Integer> matched) {
    String name = port.path("name").asText();
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).path("name").asText())) {
        return i;
      }
    }
    String contract = port.path("contract").asText(null);
    for (int i = 0; i < outputs.size(); i++) {
      if (!matched.contains(i)
          && contract != null
          && contract.equals(outputs.get(i).path("contract").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  private static ArrayNode ports(ObjectNode spec, String field) {
    return spec.get(field) instanceof ArrayNode list ? list : spec.putArray(field);
  }

  private static Set<String> names(ArrayNode ports) {
    Set<String> names = new HashSet<>();
    ports.forEach(port -> names.add(port.path("name").asText()));
    return names;
  }

  private static boolean sameProduct(JsonNode a, JsonNode b) {
    return Objects.equals(a.path("metadata").path("domain"), b.path("metadata").path("domain"))
        && Objects.equals(a.path("metadata").path("name"), b.path("metadata").path("name"))
        && "DataProduct".equals(b.path("kind").asText());
  }
}
