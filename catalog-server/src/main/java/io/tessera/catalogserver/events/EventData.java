package io.tessera.catalogserver.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Event payloads as small JSON objects. */
public final class EventData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventData() {}

  /** A JSON object of the given name, value pairs; null values are left out. */
  public static String object(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        node.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return node.toString();
  }
}
