/**
 * Git as a source of descriptors (off unless {@code tessera.git.url} is set): {@link
 * io.tessera.catalogserver.gitsync.GitSyncService} fetches the configured branch with JGit into
 * {@code {data dir}/git/} and applies every descriptor file of its head in one atomic apply,
 * recording the commit in each revision; {@link io.tessera.catalogserver.gitsync.GitSyncScheduler}
 * runs it on an interval; {@code GitManagedDomains} refuses other channels' writes to the managed
 * domains in exclusive mode ({@code 409 managed-in-git}); {@link
 * io.tessera.catalogserver.gitsync.GitSyncController} answers the status with the drift and
 * triggers a sync. See {@code docs/git-sync.md}.
 */
package io.tessera.catalogserver.gitsync;
