package io.tessera.lineage;

/** Which way to walk lineage from a node. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM,
  BOTH
}
