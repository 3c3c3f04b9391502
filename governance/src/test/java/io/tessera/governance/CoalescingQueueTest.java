package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingQueueTest {
  /** An executor that only queues; the test runs the tasks when it wants. */
  private final Deque<Runnable> tasks = new ArrayDeque<>();

  private final List<String> ran = new ArrayList<>();

  @Test
  void shouldQueueAKeyOnceUntilItsRunStarts() {
    CoalescingQueue queue = new CoalescingQueue(tasks::add, ran::add);

    assertThat(queue.submit("job-a")).isTrue();
    assertThat(queue.submit("job-a")).isFalse();
    assertThat(queue.submit("job-b")).isTrue();
    assertThat(queue.submit("job-a")).isFalse();
    assertThat(tasks).hasSize(2);

    runAll();
    assertThat(ran).containsExactly("job-a", "job-b");
  }

  @Test
  void shouldQueueAnotherRunForASubmissionAfterTheRunStarted() {
    List<String> order = new ArrayList<>();
    CoalescingQueue[] queue = new CoalescingQueue[1];
    queue[0] =
        new CoalescingQueue(
            tasks::add,
            key -> {
              order.add(key);
              if (order.size() == 1) {
                // a change committed while the first run reads: it must be seen by a later run
                assertThat(queue[0].submit(key)).isTrue();
              }
            });

    queue[0].submit("job-a");
    runAll();

    assertThat(order).containsExactly("job-a", "job-a");
    assertThat(tasks).isEmpty();
  }

  private void runAll() {
    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }
  }
}
