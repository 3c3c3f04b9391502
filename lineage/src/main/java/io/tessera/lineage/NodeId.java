package io.tessera.lineage;

/**
 * A lineage node as Marquez identifies it: {@code dataset:{namespace}:{name}} or {@code
 * job:{namespace}:{name}}. Namespaces often contain colons ({@code postgres://db:5432}), so parsing
 * is done against the graph by {@link LineageQueries#resolve(String)}.
 */
public record NodeId(Kind kind, String namespace, String name) {

  /** Dataset or job. */
  public enum Kind {
    DATASET,
    JOB
  }

  public static NodeId dataset(String namespace, String name) {
    return new NodeId(Kind.DATASET, namespace, name);
  }

  public static NodeId job(String namespace, String name) {
    return new NodeId(Kind.JOB, namespace, name);
  }

  /** The Marquez form, e.g. {@code dataset:postgres://db:5432:shop.public.orders}. */
  public String value() {
    return (kind == Kind.DATASET ? "dataset:" : "job:") + namespace + ":" + name;
  }
}
