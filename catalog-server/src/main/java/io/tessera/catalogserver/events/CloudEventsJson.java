package io.tessera.catalogserver.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Catalog events in the CloudEvents 1.0 JSON event format (structured mode): {@code specversion},
 * {@code id}, {@code source}, {@code type}, {@code subject}, {@code time}, {@code datacontenttype},
 * {@code data}, and the extension attribute {@code tesseraposition}, the event's cursor (a string:
 * CloudEvents integers are 32-bit).
 */
public final class CloudEventsJson {
  /** The media type of one event. */
  public static final String EVENT = "application/cloudevents+json";

  /** The media type of a batch (a JSON array of events). */
  public static final String BATCH = "application/cloudevents-batch+json";

  /** The extension attribute holding the cursor. */
  public static final String POSITION = "tesseraposition";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudEventsJson() {}

  /** One event as a JSON object. */
  public static ObjectNode event(CatalogEvent e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("specversion", "1.0");
    node.put("id", e.id());
    node.put("source", CatalogEvent.SOURCE);
    node.put("type", e.type());
    node.put("subject", e.subject());
    node.put("time", e.time().toString());
    node.put(POSITION, Long.toString(e.position()));
    if (e.data() != null) {
      node.put("datacontenttype", "application/json");
      try {
        node.set("data", JSON.readTree(e.data()));
      } catch (JsonProcessingException bad) {
        node.put("datacontenttype", "text/plain");
        node.put("data", e.data());
      }
    }
    return node;
  }

  /** Events as a batch: a JSON array. */
  public static ArrayNode batch(List<CatalogEvent> events) {
    ArrayNode array = JSON.createArrayNode();
    events.forEach(e -> array.add(event(e)));
    return array;
  }

  /** A page of the feed: {@code {"events": [...], "next": cursor}}. */
  public static ObjectNode page(List<CatalogEvent> events, long next) {
    ObjectNode node = JSON.createObjectNode();
    node.set("events", batch(events));
    node.put("next", next);
    return node;
  }
}
