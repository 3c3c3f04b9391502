package io.tessera.catalogserver.usage;

import io.tessera.governance.LineageMentions;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.ProductFacts;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which domains a job belongs to: those of the products whose datasets it writes (promised by an
 * output port or bound to one), from the lineage mentions and the policy evaluator's product facts,
 * both kept in memory from the change feed. A job that writes only unclaimed datasets belongs to no
 * domain.
 */
@Singleton
class JobDomains {
  private final LineageMentions mentions;
  private final PolicyEvaluator evaluator;
  private final IriMinter iris;

  JobDomains(LineageMentions mentions, PolicyEvaluator evaluator, IriMinter iris) {
    this.mentions = mentions;
    this.evaluator = evaluator;
    this.iris = iris;
  }

  /** A lookup that remembers each job's domains for the length of one request. */
  Lookup lookup() {
    return new Lookup();
  }

  /** One request's memo of jobs' domains. */
  final class Lookup {
    private final Map<String, Set<String>> byJob = new HashMap<>();

    /** The domains of a job (by its IRI), sorted; empty for a job writing unclaimed datasets. */
    Set<String> of(String jobIri) {
      return byJob.computeIfAbsent(
          jobIri,
          job -> {
            Set<String> domains = new TreeSet<>();
            for (String dataset : mentions.writtenBy(Set.of(iris.jobGraphOf(job)))) {
              evaluator.productsProducing(dataset).stream()
                  .map(ProductFacts::domain)
                  .forEach(domains::add);
            }
            return domains;
          });
    }
  }
}
