package io.tessera.catalogserver.gitsync;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.web.QueryFlags;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;

/**
 * {@code GET /api/v1/admin/git} (admins, and owners of a managed domain) and {@code POST
 * /api/v1/admin/git/sync} (admins): the Git sync's status, and a sync now. Both are {@code 404}
 * when no repository is configured.
 */
@Tag(name = "Admin")
@Controller("/api/v1/admin/git")
@ExecuteOn(TaskExecutors.BLOCKING)
public class GitSyncController {
  private final GitSyncService sync;
  private final WriteAuthorization authorization;

  public GitSyncController(GitSyncService sync, WriteAuthorization authorization) {
    this.sync = sync;
    this.authorization = authorization;
  }

  /** The repository, the last fetched and applied commits, the last error and the drift. */
  @Get
  public GitSyncStatus status(Principal principal) {
    return sync.status(principal);
  }

  /**
   * Fetches the branch and applies its head now, answering what was done.
   *
   * @param force {@code true}: apply the head even if it was applied (or failed) before, which
   *     overwrites what other channels changed in the managed domains
   */
  @Post("/sync")
  public GitSyncService.SyncResult sync(Principal principal, @Nullable @QueryValue String force) {
    authorization.requireAdmin(principal);
    return sync.sync(QueryFlags.bool("force", force, false));
  }
}
