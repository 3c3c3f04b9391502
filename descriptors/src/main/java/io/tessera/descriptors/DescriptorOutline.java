package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The outline of a {@code tessera/v1} data product descriptor, for a reader who may discover the
 * product but not read it: what its catalog entry shows (title, description, purpose, owner,
 * lifecycle, classification, tags, identifier, source) and its ports' names, types, descriptions
 * and contracts, nothing else. Fields are kept by name, so a field added to descriptors later stays
 * out until it is listed here.
 */
public final class DescriptorOutline {

  private static final List<String> ROOT = List.of("apiVersion", "kind", "metadata");
  private static final List<String> SPEC =
      List.of(
          "title",
          "description",
          "purpose",
          "owner",
          "lifecycle",
          "classification",
          "tags",
          "identifier",
          "source");
  private static final List<String> PORT = List.of("name", "type", "description", "contract");

  private DescriptorOutline() {}

  /** Returns the outline of a data product descriptor, a new document. */
  public static ObjectNode of(ObjectNode descriptor) {
    ObjectNode outline = descriptor.objectNode();
    copy(descriptor, outline, ROOT);
    JsonNode spec = descriptor.path("spec");
    ObjectNode kept = outline.putObject("spec");
    copy(spec, kept, SPEC);
    for (String ports : List.of("outputPorts", "inputPorts")) {
      if (spec.get(ports) instanceof ArrayNode list) {
        ArrayNode keptPorts = kept.putArray(ports);
        list.forEach(port -> copy(port, keptPorts.addObject(), PORT));
      }
    }
    return outline;
  }

  private static void copy(JsonNode from, ObjectNode to, List<String> fields) {
    for (String field : fields) {
      if (from.has(field)) {
        to.set(field, from.get(field).deepCopy());
      }
    }
  }
}
