package io.tessera.catalogserver.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphCompactionTest {
  private static final long MB = 1_000_000;

  @Test
  void aStoreIsCompactedOnceItHasGrownByTheFactorAndByTheMinimumBoth() {
    // the defaults: twice the size after the last compaction, and by at least 64 MB
    assertThat(GraphCompaction.grownEnough(100 * MB, 199 * MB, 2, 64 * MB)).isFalse();
    assertThat(GraphCompaction.grownEnough(100 * MB, 200 * MB, 2, 64 * MB)).isTrue();
    // a small store that doubled has not grown by the minimum yet
    assertThat(GraphCompaction.grownEnough(10 * MB, 40 * MB, 2, 64 * MB)).isFalse();
    assertThat(GraphCompaction.grownEnough(10 * MB, 74 * MB, 2, 64 * MB)).isTrue();
    // a store that shrank (a compaction elsewhere, files deleted) is not compacted
    assertThat(GraphCompaction.grownEnough(100 * MB, 50 * MB, 1.001, 1)).isFalse();
  }

  @Test
  void aGrowthFactorOfOneOrLessIsRefusedAndZeroTurnsItOff() {
    assertThatThrownBy(() -> new GraphCompaction(null, 1.0, 64 * MB, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TESSERA_GRAPH_COMPACT_GROWTH");
    new GraphCompaction(null, 0, 64 * MB, Duration.ZERO);
  }
}
