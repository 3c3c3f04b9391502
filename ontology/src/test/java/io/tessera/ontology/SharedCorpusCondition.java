package io.tessera.ontology;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Backs {@link RequiresSharedCorpus}: enables the test where the corpus is present; otherwise
 * disables it with one reason, or fails it when the system property {@value #REQUIRE} is {@code
 * true}.
 */
public final class SharedCorpusCondition implements ExecutionCondition {

  /** System property that turns a missing corpus from a skip into a failure. */
  public static final String REQUIRE = "tessera.requireSharedCorpus";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    ConditionEvaluationResult result =
        evaluate(SharedCorpus.location(), Boolean.getBoolean(REQUIRE));
    if (result.isDisabled() && TOLD.compareAndSet(false, true)) {
      // once per test JVM, so that a build log says why its skipped count is not zero
      System.err.println("[tessera] " + result.getReason().orElse(""));
    }
    return result;
  }

  /** Enabled where the corpus is present; else disabled, or thrown when it is required. */
  static ConditionEvaluationResult evaluate(SharedCorpus.Location location, boolean required) {
    if (location.present()) {
      return ConditionEvaluationResult.enabled("the public corpus is at " + location.path());
    }
    if (required) {
      throw new IllegalStateException(
          "the public corpus is required ("
              + REQUIRE
              + "=true) but was not found at "
              + location.description()
              + "; "
              + SharedCorpus.howToSet());
    }
    return ConditionEvaluationResult.disabled(
        "skipped: the public corpus ../shared is not beside this clone (needed for the"
            + " DPROD/ODPS/ODCS/OpenLineage fixture tests; .ci/run always has it). Looked at "
            + location.description()
            + "; "
            + SharedCorpus.howToSet());
  }
}
