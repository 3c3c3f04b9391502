package io.tessera.graphstore;

import java.util.ArrayList;
import java.util.List;

/**
 * What one committed write changed, in a form another copy of the store can apply: the quads it
 * deleted and added as an <a href="https://afs.github.io/rdf-patch/">RDF Patch</a> (text, without
 * transaction markers), and the changes it announced on the change feed.
 *
 * @param rdfPatch the quad-level changes, in order
 * @param changes the entity changes the write announced
 */
public record GraphPatch(String rdfPatch, List<Change> changes) {

  /** A change the write announced (see {@link ChangeEvent}, without the local revision). */
  public record Change(String entityIri, ChangeEvent.EntityKind kind, ChangeEvent.ChangeType type) {
    public Change {
      if (entityIri.indexOf('\n') >= 0 || entityIri.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("an entity IRI has no spaces or line breaks");
      }
    }
  }

  public GraphPatch {
    changes = List.copyOf(changes);
  }

  /** Whether the write changed no quad. */
  public boolean isEmpty() {
    return rdfPatch.isBlank();
  }

  /** The announced changes, one per line: {@code KIND TYPE IRI}. */
  public String changesText() {
    StringBuilder out = new StringBuilder();
    for (Change c : changes) {
      out.append(c.kind()).append(' ').append(c.type()).append(' ').append(c.entityIri());
      out.append('\n');
    }
    return out.toString();
  }

  /** Reads {@link #changesText()}. */
  public static List<Change> parseChanges(String text) {
    List<Change> changes = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a change line: " + line);
      }
      changes.add(
          new Change(
              parts[2],
              ChangeEvent.EntityKind.valueOf(parts[0]),
              ChangeEvent.ChangeType.valueOf(parts[1])));
    }
    return changes;
  }
}
