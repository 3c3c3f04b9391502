package io.tessera.graphstore;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The observation that turned a port physical: the dataset it serves was seen being written.
 *
 * @param dataset the observed dataset, as the pipeline identified what it wrote (for Spark, Hive,
 *     Glue or Unity often a storage path)
 * @param boundAt when it was observed
 * @param evidence what proved it, normally the IRI of the OpenLineage run
 * @param through the symlink identifier through which the promised dataset matched the observed
 *     one, or null when the observed dataset has the promised namespace and name
 */
public record PortBinding(DatasetRef dataset, Instant boundAt, String evidence, Symlink through) {

  /**
   * An alternative identity a pipeline reported for a dataset it wrote (the OpenLineage {@code
   * symlinks} dataset facet), such as the table name of a storage path.
   *
   * @param identifier the symlink's namespace and name
   * @param type its type as reported ({@code TABLE}, {@code LOCATION}, ...), or null
   */
  public record Symlink(DatasetRef identifier, String type) {
    public Symlink {
      Objects.requireNonNull(identifier, "identifier");
      type = type == null || type.isBlank() ? null : type;
    }
  }

  /** A binding matched by namespace and name. */
  public PortBinding(DatasetRef dataset, Instant boundAt, String evidence) {
    this(dataset, boundAt, evidence, null);
  }

  /** Whether this binding proves the promised dataset: by namespace/name or through a symlink. */
  public boolean proves(DatasetRef promised) {
    return Objects.equals(dataset, promised)
        || (through != null && through.identifier().equals(promised));
  }

  /** How the promised dataset matched, in words a product page can show. */
  public String explanation() {
    if (through == null) {
      return "bound by namespace and name: a run was seen writing " + display(dataset);
    }
    String what =
        through.type() == null
            ? "the identifier"
            : "TABLE".equalsIgnoreCase(through.type())
                ? "the table name"
                : "the " + through.type().toLowerCase(Locale.ROOT) + " identifier";
    return "bound through "
        + what
        + " "
        + through.identifier().name()
        + " (namespace "
        + through.identifier().namespace()
        + ") reported as a symlink of "
        + display(dataset);
  }

  /** {@code file:/tmp/t}, {@code s3://bucket/path}, {@code postgres://host:5432/db.table}. */
  private static String display(DatasetRef ref) {
    if (ref.name().startsWith("/")) {
      return ref.namespace().contains("://") || ref.namespace().endsWith("/")
          ? ref.namespace() + ref.name()
          : ref.namespace() + ":" + ref.name();
    }
    return ref.identifier();
  }
}
