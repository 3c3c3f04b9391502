package io.tessera.catalogserver.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.journal.JournaledWrites;
import io.tessera.catalogserver.journal.Snapshots;
import io.tessera.catalogserver.persistence.GraphSnapshots;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/admin/snapshots} (admin): the graph snapshots new nodes start from, and taking one
 * now (before adding nodes, or before a journal retention drops old entries). What a snapshot holds
 * is the whole graph, so only admins see or take them; the content itself is never served.
 */
@Tag(name = "Admin", description = "Administration: MCP agents, Git sync, lineage rebuild (admin)")
@Controller("/api/v1/admin/snapshots")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SnapshotController {
  private final GraphSnapshots snapshots;
  private final Snapshots taking;
  private final JournaledWrites journal;
  private final WriteAuthorization authorization;

  public SnapshotController(
      GraphSnapshots snapshots,
      Snapshots taking,
      JournaledWrites journal,
      WriteAuthorization authorization) {
    this.snapshots = snapshots;
    this.taking = taking;
    this.journal = journal;
    this.authorization = authorization;
  }

  /** One snapshot: when, by which node, at which journal positions, how large (gzipped). */
  @Serdeable
  public record SnapshotView(
      long id,
      Instant createdAt,
      String node,
      long catalogPosition,
      long lineagePosition,
      long bytes) {
    static SnapshotView of(GraphSnapshots.Snapshot s) {
      return new SnapshotView(
          s.id(), s.createdAt(), s.node(), s.catalogPosition(), s.lineagePosition(), s.bytes());
    }
  }

  /**
   * The snapshots, newest first, and where this node and the journal are.
   *
   * @param nodePosition the catalog journal position this node's graph holds
   * @param journalHead the newest position in the journal
   */
  @Serdeable
  public record SnapshotList(
      List<SnapshotView> snapshots, String node, long nodePosition, long journalHead) {}

  @Get
  public SnapshotList list(Principal principal) {
    authorization.requireAdmin(principal);
    return new SnapshotList(
        snapshots.list().stream().map(SnapshotView::of).toList(),
        journal.node(),
        journal.position(),
        journal.head());
  }

  /** Takes a snapshot of this node's graph now. */
  @Post
  public HttpResponse<SnapshotView> take(Principal principal) {
    authorization.requireAdmin(principal);
    return HttpResponse.created(SnapshotView.of(taking.take()));
  }
}
