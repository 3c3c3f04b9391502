package io.tessera.cli.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The Git commit that descriptor files come from: HEAD of the working tree they are in, and which
 * of them have changes that HEAD does not hold (so that the commit sent to the server is not taken
 * for their content).
 *
 * @param commit HEAD as 40 lowercase hex digits
 * @param uncommitted the given files (relative to the working tree) that are modified, added or not
 *     tracked
 */
public record GitState(String commit, List<String> uncommitted) {
  public GitState {
    uncommitted = List.copyOf(uncommitted);
  }

  /**
   * The state of the working tree that holds {@code start}, or empty when it is in none (or its
   * repository has no commit yet).
   *
   * @param start a file or directory the documents were read from
   * @param files the files whose changes matter
   */
  public static Optional<GitState> of(Path start, Collection<Path> files) {
    File from = start.toAbsolutePath().normalize().toFile();
    if (from.isFile()) {
      from = from.getParentFile();
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(from);
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try (Repository repository = builder.setMustExist(true).build()) {
      if (repository.isBare()) {
        return Optional.empty();
      }
      ObjectId head = repository.resolve("HEAD");
      if (head == null) {
        return Optional.empty();
      }
      Path tree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
      TreeSet<String> paths = new TreeSet<>();
      for (Path file : files) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(tree)) {
          paths.add(tree.relativize(absolute).toString().replace(File.separatorChar, '/'));
        }
      }
      return Optional.of(new GitState(head.name(), uncommitted(repository, paths)));
    } catch (IOException | GitAPIException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<String> uncommitted(Repository repository, TreeSet<String> paths)
      throws GitAPIException {
    if (paths.isEmpty()) {
      return List.of();
    }
    try (Git git = new Git(repository)) {
      StatusCommand status = git.status();
      paths.forEach(status::addPath);
      var result = status.call();
      TreeSet<String> changed = new TreeSet<>();
      changed.addAll(result.getModified());
      changed.addAll(result.getChanged());
      changed.addAll(result.getAdded());
      changed.addAll(result.getUntracked());
      changed.addAll(result.getMissing());
      changed.retainAll(paths);
      return List.copyOf(changed);
    }
  }
}
