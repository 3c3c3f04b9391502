package io.tessera.governance;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs a task per key on an executor, at most one queued per key: a key submitted again before its
 * queued run has started is not queued a second time. For work that reads the current state when it
 * runs (such as inspecting a job's lineage), the queued run also covers the later submissions; a
 * submission after the run has started queues another run, so no change is missed.
 */
final class CoalescingQueue {
  private final Executor executor;
  private final Consumer<String> task;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();

  CoalescingQueue(Executor executor, Consumer<String> task) {
    this.executor = executor;
    this.task = task;
  }

  /**
   * Queues a run for the key unless one is queued and not yet started.
   *
   * @return whether a run was queued
   */
  boolean submit(String key) {
    if (!queued.add(key)) {
      return false;
    }
    executor.execute(
        () -> {
          queued.remove(key); // from here on a submission queues another run
          task.accept(key);
        });
    return true;
  }
}
