package io.tessera.catalogserver.gitsync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The configured branch of the repository, cloned into {@code {data dir}/git/} with JGit. Each
 * fetch force-updates the remote branch and resets the working tree to it, so that a force-push is
 * followed; descriptors are read from the fetched commit's tree.
 */
final class JGitCheckout {
  private final GitSyncConfig config;
  private final Path directory;

  JGitCheckout(GitSyncConfig config, Path directory) {
    this.config = config;
    this.directory = directory;
  }

  /** A descriptor file of a commit: its path in the repository and its bytes. */
  record File(String path, byte[] content) {
    boolean json() {
      return path.toLowerCase(Locale.ROOT).endsWith(".json");
    }
  }

  /**
   * Clones the repository (first time, or when its URL changed) or fetches the branch, resets the
   * working tree to the remote head and returns that commit's id.
   */
  String fetch() throws IOException, GitAPIException {
    String remoteRef = "refs/remotes/origin/" + config.branch();
    try (Git git = open()) {
      git.fetch()
          .setRemote("origin")
          .setRefSpecs(new RefSpec("+refs/heads/" + config.branch() + ":" + remoteRef))
          .setCredentialsProvider(credentials())
          .setRemoveDeletedRefs(true)
          .call();
      ObjectId head = git.getRepository().resolve(remoteRef);
      if (head == null) {
        throw new IOException("the repository has no branch " + config.branch());
      }
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
      return head.name();
    }
  }

  /** The descriptor files ({@code *.yaml}, {@code *.yml}, {@code *.json}) under the path. */
  List<File> files(String commit) throws IOException {
    List<File> files = new ArrayList<>();
    try (Repository repository = Git.open(directory.toFile()).getRepository();
        RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit));
      tree.addTree(revCommit.getTree());
      tree.setRecursive(true);
      if (!config.path().isEmpty()) {
        tree.setFilter(PathFilter.create(config.path()));
      }
      while (tree.next()) {
        String path = tree.getPathString();
        if (descriptor(path)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          repository.open(tree.getObjectId(0)).copyTo(out);
          files.add(new File(path, out.toByteArray()));
        }
      }
    }
    return files;
  }

  /**
   * The descriptor files under the path that were added, modified or deleted from one commit to
   * another.
   */
  List<GitSyncStatus.FileChange> changes(String from, String to) throws IOException {
    List<GitSyncStatus.FileChange> changes = new ArrayList<>();
    try (Repository repository = Git.open(directory.toFile()).getRepository();
        RevWalk walk = new RevWalk(repository);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      if (!config.path().isEmpty()) {
        diff.setPathFilter(PathFilter.create(config.path()));
      }
      RevCommit a = walk.parseCommit(ObjectId.fromString(from));
      RevCommit b = walk.parseCommit(ObjectId.fromString(to));
      for (DiffEntry entry : diff.scan(a.getTree(), b.getTree())) {
        String path =
            entry.getChangeType() == DiffEntry.ChangeType.DELETE
                ? entry.getOldPath()
                : entry.getNewPath();
        if (descriptor(path)) {
          changes.add(
              new GitSyncStatus.FileChange(
                  path, entry.getChangeType().name().toLowerCase(Locale.ROOT)));
        }
      }
    }
    return changes;
  }

  /** Whether a commit is known to the local clone. */
  boolean has(String commit) {
    if (commit == null || !Files.isDirectory(directory.resolve(".git"))) {
      return false;
    }
    try (Repository repository = Git.open(directory.toFile()).getRepository()) {
      return repository.getObjectDatabase().has(ObjectId.fromString(commit));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private Git open() throws IOException, GitAPIException {
    if (Files.isDirectory(directory.resolve(".git"))) {
      Git git = Git.open(directory.toFile());
      String origin = git.getRepository().getConfig().getString("remote", "origin", "url");
      if (config.url().strip().equals(origin)) {
        return git;
      }
      git.close();
      delete(directory);
    }
    Files.createDirectories(directory.getParent());
    return Git.cloneRepository()
        .setURI(config.url().strip())
        .setDirectory(directory.toFile())
        .setBranch(config.branch())
        .setCloneAllBranches(false)
        .setBranchesToClone(List.of("refs/heads/" + config.branch()))
        .setCredentialsProvider(credentials())
        .call();
  }

  private CredentialsProvider credentials() {
    if (config.password() == null || config.password().isEmpty()) {
      return null;
    }
    String user =
        config.username() == null || config.username().isBlank() ? "git" : config.username();
    return new UsernamePasswordCredentialsProvider(user, config.password());
  }

  private static boolean descriptor(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
  }

  private static void delete(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
