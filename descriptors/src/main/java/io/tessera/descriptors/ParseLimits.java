package io.tessera.descriptors;

import java.time.Duration;

/**
 * What one descriptor body may hold and how long reading it may take, so that a hostile body (a
 * YAML alias bomb, thousands of nested lists, a multi-megabyte comment that SnakeYAML scans in
 * quadratic time) is refused instead of holding a thread.
 *
 * @param maxCodePoints the most characters a body may have (SnakeYAML's code point limit)
 * @param maxNestingDepth how deeply mappings and lists may nest
 * @param maxAliases how many YAML aliases of collections a body may use
 * @param timeout how long parsing may take before the body is refused
 */
public record ParseLimits(
    int maxCodePoints, int maxNestingDepth, int maxAliases, Duration timeout) {
  /** 2 MiB of characters, 64 levels, 50 aliases, 10 seconds. */
  public static final ParseLimits DEFAULTS =
      new ParseLimits(2 * 1024 * 1024, 64, 50, Duration.ofSeconds(10));

  public ParseLimits {
    if (maxCodePoints < 1 || maxNestingDepth < 1 || maxAliases < 0) {
      throw new IllegalArgumentException("descriptor parse limits must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the descriptor parse timeout must be positive");
    }
  }
}
