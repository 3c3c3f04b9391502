package io.tessera.graphstore;

import java.time.Duration;

/**
 * What an output port promises its consumers (its service level objectives). Every objective is
 * optional.
 *
 * @param freshness the longest time allowed between two successful writes of the port's dataset, or
 *     null
 * @param successRate the smallest share of completed runs among the runs writing the dataset over a
 *     window, or null
 * @param quality the smallest share of passing data-quality assertions on the dataset over a
 *     window, or null
 * @param schemaStability whether the port promises no breaking schema change
 */
public record Slo(
    Duration freshness, Objective successRate, Objective quality, boolean schemaStability) {

  /** A share that must be reached over a trailing window. */
  public record Objective(double min, Duration window) {}

  /** Whether it promises nothing at all. */
  public boolean isEmpty() {
    return freshness == null && successRate == null && quality == null && !schemaStability;
  }
}
