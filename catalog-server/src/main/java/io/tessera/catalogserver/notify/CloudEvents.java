package io.tessera.catalogserver.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.catalogserver.events.CatalogEvent;

/**
 * A catalog event as a CloudEvents 1.0 structured-mode JSON document: {@code specversion}, {@code
 * id}, {@code source}, {@code type}, {@code subject}, {@code time}, {@code datacontenttype}, the
 * extension {@code tesseraproduct} ({@code domain/name}) and {@code data}.
 */
final class CloudEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudEvents() {}

  static String json(CatalogEvent e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("specversion", "1.0");
    node.put("id", e.id());
    node.put("source", CatalogEvent.SOURCE);
    node.put("type", e.type());
    node.put("subject", e.subject());
    node.put("time", e.time().toString());
    if (e.product() != null) {
      node.put("tesseraproduct", e.product());
    }
    node.put("datacontenttype", "application/json");
    if (e.data() != null) {
      try {
        node.set("data", JSON.readTree(e.data()));
      } catch (java.io.IOException ex) {
        node.put("data", e.data());
      }
    }
    return node.toString();
  }

  /** The text of an e-mail about the event. */
  static String mailText(String payload) {
    try {
      JsonNode event = JSON.readTree(payload);
      return "Tessera: "
          + event.path("type").asText()
          + " about "
          + event.path("subject").asText()
          + " at "
          + event.path("time").asText()
          + "\n\n"
          + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event)
          + "\n";
    } catch (java.io.IOException e) {
      return payload;
    }
  }
}
