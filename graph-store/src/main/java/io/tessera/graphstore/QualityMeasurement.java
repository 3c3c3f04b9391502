package io.tessera.graphstore;

import java.time.Instant;

/**
 * A quality measurement reported by a run.
 *
 * @param metric the metric's name, e.g. rowCount
 * @param column the column it was computed on, or null for the whole dataset
 * @param value the value, as text
 * @param measuredAt when it was measured, or null
 * @param runIri the run that measured it, or null
 */
public record QualityMeasurement(
    String metric, String column, String value, Instant measuredAt, String runIri) {}
