package io.tessera.catalogserver.health;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.tessera.governance.Finding;
import io.tessera.governance.FindingStore;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.ProductFacts;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.LineageAssembler;
import io.tessera.graphstore.ObservedJob;
import io.tessera.graphstore.ObservedRun;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ProductSummary;
import io.tessera.ontology.IriMinter;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates product health as lineage arrives and as the clock moves: listens to the graph's change
 * feed (runs, jobs, datasets, products) and, every {@code tessera.health.check-interval}, checks
 * every product (a freshness breach happens when nothing arrives) and turns new toxic-combination
 * findings into incidents. All evaluation runs on one ordered worker thread, off the commit thread.
 * With several nodes on one PostgreSQL only the elected leader ({@link Leadership}) evaluates and
 * opens incidents: the others' commits and clock ticks are ignored.
 */
@Context
public class HealthMonitor implements ChangeListener {
  private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

  private final GraphStore store;
  private final ProductRepository products;
  private final PolicyEvaluator evaluator;
  private final FindingStore findings;
  private final IncidentRepository incidents;
  private final IncidentWrites writes;
  private final ProductHealthEvaluation evaluation;
  private final CatalogEventLog events;
  private final IriMinter iris;
  private final HealthConfig config;
  private final Leadership leadership;
  private final LineageAssembler assembler;
  private final Set<String> pending = new LinkedHashSet<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tessera-health");
            t.setDaemon(true);
            return t;
          });

  HealthMonitor(
      GraphStore store,
      ProductRepository products,
      PolicyEvaluator evaluator,
      FindingStore findings,
      IncidentRepository incidents,
      IncidentWrites writes,
      ProductHealthEvaluation evaluation,
      CatalogEventLog events,
      IriMinter iris,
      HealthConfig config,
      Leadership leadership) {
    this.leadership = leadership;
    this.store = store;
    this.products = products;
    this.evaluator = evaluator;
    this.findings = findings;
    this.incidents = incidents;
    this.writes = writes;
    this.evaluation = evaluation;
    this.events = events;
    this.iris = iris;
    this.config = config;
    this.assembler = new LineageAssembler(iris);
    if (config.enabled()) {
      store.subscribe(this);
    }
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    if (!leadership.leading()) {
      return;
    }
    List<ChangeEvent> relevant =
        changes.stream()
            .filter(
                c ->
                    switch (c.kind()) {
                      case DATA_PRODUCT, DATASET, RUN, JOB -> true;
                      default -> false;
                    })
            .toList();
    if (!relevant.isEmpty()) {
      submit(() -> affected(relevant).forEach(this::request));
    }
  }

  /** The scheduled check: every product, and new toxic-combination findings. */
  @Scheduled(
      fixedDelay = "${tessera.health.check-interval:1m}",
      initialDelay = "${tessera.health.check-interval:1m}")
  void scheduledCheck() {
    if (config.enabled() && leadership.leading()) {
      checkNow();
    }
  }

  /** Queues a check of every product and of the findings; returns at once. */
  public void checkNow() {
    submit(
        () -> {
          try {
            for (Finding f : findings.list()) {
              writes.openForFinding(f);
            }
            List<ProductSummary> all =
                products.list(ProductFilter.of(null, null, null, Integer.MAX_VALUE - 1));
            all.forEach(p -> request(p.domain() + "/" + p.name()));
          } catch (RuntimeException e) {
            LOG.warn("the scheduled health check failed", e);
          }
        });
  }

  /** Waits until everything queued so far is evaluated (tests, the demo). */
  public void awaitIdle() throws InterruptedException {
    var done = new java.util.concurrent.CountDownLatch(1);
    worker.execute(done::countDown);
    done.await(60, TimeUnit.SECONDS);
  }

  /** Queues an evaluation of one product ({@code domain/name}). */
  public void request(String key) {
    // coalesce: a key queued and not yet evaluated is evaluated once
    synchronized (pending) {
      if (!pending.add(key)) {
        return;
      }
    }
    submit(
        () -> {
          synchronized (pending) {
            pending.remove(key);
          }
          String[] parts = key.split("/", 2);
          try {
            evaluation.evaluate(parts[0], parts[1]);
          } catch (RuntimeException | SQLException e) {
            LOG.warn("could not evaluate the health of {}", key, e);
          }
        });
  }

  private Set<String> affected(List<ChangeEvent> changes) {
    Set<String> datasets = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    String productPrefix = iris.base() + "/product/";
    try {
      store.read(
          r -> {
            for (ChangeEvent c : changes) {
              switch (c.kind()) {
                case DATA_PRODUCT -> {
                  if (c.entityIri().startsWith(productPrefix)
                      && c.type() != ChangeEvent.ChangeType.DELETE) {
                    keys.add(c.entityIri().substring(productPrefix.length()));
                  }
                }
                case DATASET -> datasets.add(c.entityIri());
                case JOB -> {
                  ObservedJob job = assembler.job(r, c.entityIri());
                  if (job != null) {
                    datasets.addAll(job.outputs());
                  }
                }
                case RUN -> {
                  ObservedRun run = assembler.run(r, c.entityIri());
                  ObservedJob job = run == null ? null : assembler.job(r, run.jobIri());
                  if (job != null) {
                    datasets.addAll(job.outputs());
                  }
                }
                default -> {}
              }
            }
            return null;
          });
      for (String dataset : datasets) {
        for (ProductFacts facts : evaluator.productsProducing(iris.datasetGraphOf(dataset))) {
          keys.add(facts.key());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not tell which products a lineage change touches", e);
    }
    return keys;
  }

  /**
   * Stops taking work and lets the evaluations already queued finish (at most 10 s). Called by
   * {@code wiring/ShutdownSequence} once the lineage projection has stopped writing, before the
   * database closes; commits and scheduled checks after it are dropped.
   */
  @PreDestroy
  public void stop() throws InterruptedException {
    worker.shutdown();
    if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
      worker.shutdownNow();
    }
  }

  /** Runs the task on the worker, unless the monitor has stopped (the server is shutting down). */
  private void submit(Runnable task) {
    try {
      worker.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("health monitor stopped: work dropped");
    }
  }
}
