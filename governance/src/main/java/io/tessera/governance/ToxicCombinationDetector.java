package io.tessera.governance;

import io.tessera.graphstore.BackgroundPriority;
import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.CatalogJob;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds toxic combinations in lineage: whenever the change feed reports a job, its input datasets
 * are mapped to the products whose output ports they are; when their classifications together
 * contain every classification of a policy's toxic combination, a {@link Finding} is recorded for
 * the owners, and the products the job's outputs belong to inherit the result classification (so
 * the policies on that classification apply to them).
 */
public class ToxicCombinationDetector implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(ToxicCombinationDetector.class);

  private final CatalogEntities entities;
  private final LineageQueries lineage;
  private final PolicyEvaluator evaluator;
  private final FindingStore findings;
  private final IriMinter iris;
  private final CoalescingQueue inspections;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t =
                new Thread(
                    () -> {
                      BackgroundPriority.lowerCurrentThread();
                      r.run();
                    },
                    "tessera-toxic-combinations");
            t.setDaemon(true);
            return t;
          });

  public ToxicCombinationDetector(
      GraphStore store,
      LineageQueries lineage,
      PolicyEvaluator evaluator,
      FindingStore findings,
      IriMinter iris) {
    this.entities = new CatalogEntities(store, iris);
    this.lineage = lineage;
    this.evaluator = evaluator;
    this.findings = findings;
    this.iris = iris;
    this.inspections = new CoalescingQueue(worker, this::inspect);
  }

  /**
   * Queues an inspection of each reported job, unless one is queued and not yet started: an
   * inspection reads the job's lineage as it is when it runs, so a job that many commits report
   * while the check is behind is walked once.
   */
  @Override
  public void onCommit(List<ChangeEvent> changes) {
    for (ChangeEvent change : changes) {
      if (change.kind() == ChangeEvent.EntityKind.JOB
          && change.type() == ChangeEvent.ChangeType.UPSERT) {
        try {
          inspections.submit(change.entityIri());
        } catch (RejectedExecutionException e) {
          return; // closed: the server is shutting down
        }
      }
    }
  }

  /** Waits until every job reported so far has been inspected (for tests and shutdown). */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    try {
      worker.submit(() -> {}).get(timeout, unit);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  /**
   * Stops taking jobs and lets the inspections already queued finish (at most 30 s) before the
   * thread is interrupted: close it after the graph's writers have stopped and before the graph and
   * the finding store close. Jobs reported after it are not inspected.
   */
  public void close() throws InterruptedException {
    worker.shutdown();
    if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
      worker.shutdownNow();
    }
  }

  private void inspect(String jobIri) {
    try {
      CatalogJob job = entities.job(jobIri).orElse(null);
      if (job == null) {
        return;
      }
      NodeId id = NodeId.job(job.namespace(), job.name());
      LineageGraph graph = lineage.lineage(id, 1, Direction.BOTH);
      Map<String, LineageGraph.Node> nodes =
          graph.graph().stream()
              .collect(Collectors.toMap(LineageGraph.Node::id, Function.identity(), (a, b) -> a));
      LineageGraph.Node node = nodes.get(id.value());
      if (node == null) {
        return;
      }
      List<LineageGraph.Key> inputs =
          datasets(node.inEdges().stream().map(LineageGraph.Edge::origin).toList(), nodes);
      List<LineageGraph.Key> outputs =
          datasets(node.outEdges().stream().map(LineageGraph.Edge::destination).toList(), nodes);
      Set<String> classifications = new TreeSet<>();
      Set<String> owners = new TreeSet<>();
      for (LineageGraph.Key input : inputs) {
        for (ProductFacts p :
            evaluator.productsProducing(iris.datasetGraph(input.namespace(), input.name()))) {
          classifications.addAll(p.classifications());
          owners.add(p.domain());
        }
      }
      Set<String> outputProducts = new TreeSet<>();
      for (LineageGraph.Key output : outputs) {
        for (ProductFacts p :
            evaluator.productsProducing(iris.datasetGraph(output.namespace(), output.name()))) {
          outputProducts.add(p.key());
          owners.add(p.domain());
        }
      }
      boolean recorded = false;
      for (Policy policy : evaluator.policies()) {
        for (Policy.ToxicCombination combination : policy.toxicCombinations()) {
          if (classifications.containsAll(combination.classifications())) {
            Finding finding =
                new Finding(
                    0,
                    Instant.now(),
                    policy.key(),
                    job.namespace() + ":" + job.name(),
                    List.copyOf(new TreeSet<>(combination.classifications())),
                    combination.result(),
                    names(inputs),
                    names(outputs),
                    List.copyOf(outputProducts),
                    List.copyOf(owners));
            if (findings.record(finding)) {
              recorded = true;
              LOG.info(
                  "toxic combination {} in job {}: outputs {} are now {} (owners: {})",
                  finding.combination(),
                  finding.job(),
                  finding.outputs(),
                  finding.result(),
                  finding.owners());
            }
          }
        }
      }
      if (recorded) {
        evaluator.invalidate();
      }
    } catch (RuntimeException e) {
      LOG.error("could not check job {} for toxic combinations", jobIri, e);
    }
  }

  private static List<LineageGraph.Key> datasets(
      List<String> ids, Map<String, LineageGraph.Node> nodes) {
    List<LineageGraph.Key> keys = new ArrayList<>();
    for (String id : ids) {
      LineageGraph.Node n = nodes.get(id);
      if (n != null && "DATASET".equals(n.type()) && n.data() != null && n.data().id() != null) {
        keys.add(n.data().id());
      }
    }
    return keys;
  }

  private static List<String> names(List<LineageGraph.Key> keys) {
    return keys.stream().map(k -> k.namespace() + ":" + k.name()).sorted().toList();
  }
}
