package io.tessera.graphstore;

import org.apache.jena.riot.Lang;

/**
 * The formats a scoped export can be written in. TriG, N-Quads and JSON-LD keep the named graphs;
 * Turtle writes the union of the exported graphs.
 */
public enum ExportFormat {
  TURTLE(Lang.TURTLE, false),
  TRIG(Lang.TRIG, true),
  NQUADS(Lang.NQUADS, true),
  JSONLD(Lang.JSONLD, true);

  private final Lang lang;
  private final boolean quads;

  ExportFormat(Lang lang, boolean quads) {
    this.lang = lang;
    this.quads = quads;
  }

  public Lang lang() {
    return lang;
  }

  /** Whether the format keeps graph names. */
  public boolean quads() {
    return quads;
  }
}
