package io.tessera.graphstore;

import org.apache.jena.riot.Lang;

/** The whole-store exchange formats. */
public enum RdfFormat {
  TRIG(Lang.TRIG),
  NQUADS(Lang.NQUADS);

  private final Lang lang;

  RdfFormat(Lang lang) {
    this.lang = lang;
  }

  public Lang lang() {
    return lang;
  }
}
