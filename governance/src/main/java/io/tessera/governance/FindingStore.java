package io.tessera.governance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where toxic-combination findings are kept: a port the server implements over its relational
 * database. A finding is recorded once per policy, combination, job and set of outputs (a job that
 * starts writing other datasets is found again).
 */
public interface FindingStore {

  /** Records a finding; false when the same finding was recorded before. */
  boolean record(Finding finding);

  /** Every finding, oldest first. */
  List<Finding> list();

  /** The classifications each product (by key {@code domain/name}) inherits from findings. */
  Map<String, Set<String>> inherited();
}
