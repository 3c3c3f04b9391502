package io.tessera.graphstore;

import java.util.List;

/**
 * Consumes the change feed. Called after a commit, on the committing thread, with the changes of
 * that commit in order; an exception thrown here is logged and does not undo the commit.
 */
@FunctionalInterface
public interface ChangeListener {
  void onCommit(List<ChangeEvent> changes);
}
