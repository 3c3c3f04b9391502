package io.tessera.descriptors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.DatasetRef;
import java.util.Locale;
import java.util.Set;

/**
 * The output port a product's descriptor gains when its domain claims a dataset that lineage
 * observed and no product claims: the port's default name, derived from the dataset's, and the port
 * added to the descriptor's {@code spec.outputPorts}.
 */
public final class ClaimedOutputPort {
  private ClaimedOutputPort() {}

  /**
   * A port name for the dataset that none of the product's output ports has: the dataset's name as
   * a slug (at most 50 characters, {@code claimed} if nothing is left), then {@code -2}, {@code -3}
   * ... until it is free.
   */
  public static String defaultName(DatasetRef dataset, Set<String> taken) {
    String base =
        dataset
            .name()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "claimed";
    }
    base = base.length() > 50 ? base.substring(0, 50).replaceAll("-+$", "") : base;
    String candidate = base;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = base + "-" + i;
    }
    return candidate;
  }

  /** Adds an output port promising the dataset to the descriptor, saying who claimed it. */
  public static void add(ObjectNode descriptor, String port, DatasetRef dataset, String claimedBy) {
    ObjectNode spec = (ObjectNode) descriptor.get("spec");
    ArrayNode outputs =
        spec.has("outputPorts")
            ? (ArrayNode) spec.get("outputPorts")
            : spec.putArray("outputPorts");
    ObjectNode added = outputs.addObject();
    added.put("name", port);
    added.put(
        "description", "Claimed by " + claimedBy + " from the unowned datasets lineage observed");
    added.putObject("dataset").put("namespace", dataset.namespace()).put("name", dataset.name());
  }
}
