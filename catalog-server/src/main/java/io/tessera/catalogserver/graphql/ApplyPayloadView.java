package io.tessera.catalogserver.graphql;

import io.tessera.catalogserver.apply.ApplyReport;
import java.util.List;

/** {@code ApplyPayload}: an {@link ApplyReport} with its changes as JSON text. */
record ApplyPayloadView(boolean dryRun, List<ResultView> results) {

  /** {@code ApplyResult}. */
  record ResultView(
      int index,
      String kind,
      String domain,
      String name,
      String iri,
      String status,
      int revision,
      List<RevisionNode.ChangeNode> changes) {}

  static ApplyPayloadView of(ApplyReport report) {
    return new ApplyPayloadView(
        report.dryRun(),
        report.results().stream()
            .map(
                r ->
                    new ResultView(
                        r.index(),
                        r.kind(),
                        r.domain(),
                        r.name(),
                        r.iri(),
                        r.status(),
                        r.revision(),
                        r.changes() == null
                            ? List.of()
                            : r.changes().stream()
                                .map(
                                    c ->
                                        RevisionNode.ChangeNode.of(
                                            c.path(), c.op(), c.before(), c.after()))
                                .toList()))
            .toList());
  }
}
