package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** What changed between two revisions of a descriptor, field by field. */
public final class JsonDiff {
  private JsonDiff() {}

  /**
   * One changed field.
   *
   * @param path e.g. {@code spec.outputPorts[0].schema[1].type}
   * @param op added, removed or changed
   */
  public record Change(String path, String op, Object before, Object after) {}

  private static final ObjectMapper PLAIN = new ObjectMapper();

  /** The changes from {@code before} (null for a new entity) to {@code after}. */
  public static List<Change> diff(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    walk("", before, after, changes);
    return changes;
  }

  private static void walk(String path, JsonNode before, JsonNode after, List<Change> out) {
    if (before == null || before.isMissingNode()) {
      if (after != null && !after.isMissingNode()) {
        out.add(new Change(path, "added", null, plain(after)));
      }
    } else if (after == null || after.isMissingNode()) {
      out.add(new Change(path, "removed", plain(before), null));
    } else if (before.isObject() && after.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        walk(path.isEmpty() ? key : path + "." + key, before.path(key), after.path(key), out);
      }
    } else if (before.isArray() && after.isArray()) {
      int size = Math.max(before.size(), after.size());
      for (int i = 0; i < size; i++) {
        walk(path + "[" + i + "]", before.path(i), after.path(i), out);
      }
    } else if (!before.equals(after)) {
      out.add(new Change(path, "changed", plain(before), plain(after)));
    }
  }

  private static Object plain(JsonNode node) {
    return PLAIN.convertValue(node, Object.class);
  }
}
