package io.tessera.catalogserver.metrics;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.IndexStatus;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Readiness ({@code /health/readiness}, not part of {@code /health}): when the server has started
 * (after the demo, if any, was loaded) it records the journal head and the graph revision, and it
 * is ready once the lineage projection has projected the journal up to that head and the search
 * index has made that graph revision searchable, neither of them rebuilding. Liveness ({@code
 * /health}) does not wait for this. Ingest after start-up does not make a ready server unready; a
 * rebuild does, since what it serves is incomplete until the rebuild ends. A database out of reach
 * (the journal's head cannot be read) makes it unready too, {@code waitingFor: [database]}: the
 * node still answers reads from its graph and index, but refuses writes.
 */
@Singleton
@Readiness
public class CatchUpReadiness
    implements HealthIndicator, ApplicationEventListener<ServerStartupEvent> {
  /** The indicator's name in the health answer. */
  public static final String NAME = "catalog";

  private final LineageProjection projection;
  private final SearchIndex index;
  private final GraphStore graph;
  private final io.tessera.catalogserver.journal.JournaledWrites catalogJournal;
  private volatile Marks marks;
  private final AtomicLong afterProjection = new AtomicLong(-1);

  /** What was journaled and committed when the server started. */
  record Marks(long journal, long graphRevision) {}

  /** Whether the server is ready, and the positions that decide it. */
  public record Check(boolean ready, Map<String, Object> details) {}

  public CatchUpReadiness(
      LineageProjection projection,
      SearchIndex index,
      GraphStore graph,
      io.tessera.catalogserver.journal.JournaledWrites catalogJournal) {
    this.catalogJournal = catalogJournal;
    this.projection = projection;
    this.index = index;
    this.graph = graph;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    markStart();
  }

  /** Records the journal head and graph revision the server must catch up with (once). */
  public synchronized void markStart() {
    if (marks == null) {
      marks = new Marks(projection.status().journal(), graph.revision());
    }
  }

  /** Compares the projection and the index with the start-up marks. */
  public Check check() {
    Marks start = marks;
    Map<String, Object> details = new LinkedHashMap<>();
    if (start == null) {
      details.put("waitingFor", List.of("start-up"));
      return new Check(false, details);
    }
    LineageProjection.Status lineage;
    try {
      lineage = projection.status();
    } catch (RuntimeException e) {
      // the journal's head cannot be read: the database is out of reach, writes are refused
      details.put("database", "DOWN");
      details.put("waitingFor", List.of("database"));
      return new Check(false, details);
    }
    IndexStatus search = index.status();
    List<String> waiting = new ArrayList<>();
    long indexMustReach = start.graphRevision();
    if (lineage.rebuilding() || lineage.projected() < start.journal()) {
      waiting.add("lineage-projection");
    } else {
      // what the projection wrote to reach the start's journal head must be searchable too: the
      // graph revision once it got there (taken once, so later ingest does not move the mark)
      afterProjection.compareAndSet(-1, graph.revision());
      indexMustReach = Math.max(indexMustReach, afterProjection.get());
    }
    if (search.rebuilding() || search.revision() < indexMustReach) {
      waiting.add("search-index");
    }
    // the catalog journal was applied before the server started serving (journal/JournalFollower)
    details.put("node", catalogJournal.node());
    details.put("catalogJournalPosition", catalogJournal.position());
    details.put("journalAtStart", start.journal());
    details.put("projected", lineage.projected());
    details.put("projectionRebuilding", lineage.rebuilding());
    details.put("graphRevisionAtStart", start.graphRevision());
    details.put("indexRevision", search.revision());
    details.put("indexRebuilding", search.rebuilding());
    if (!waiting.isEmpty()) {
      details.put("waitingFor", waiting);
    }
    return new Check(waiting.isEmpty(), details);
  }

  @Override
  public Publisher<HealthResult> getResult() {
    Check check = check();
    return Mono.just(
        HealthResult.builder(NAME, check.ready() ? HealthStatus.UP : HealthStatus.DOWN)
            .details(check.details())
            .build());
  }
}
