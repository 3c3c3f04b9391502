package io.tessera.catalogserver.gitsync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A bare repository in a temporary directory (what the server follows, by its {@code file://} URL)
 * and a working clone of it in which the test writes, commits and pushes descriptors.
 */
final class TestRepository implements AutoCloseable {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Domain Team", "sales-data@example.com");

  private final Path bare;
  private final Path work;
  private final Git git;

  private TestRepository(Path bare, Path work, Git git) {
    this.bare = bare;
    this.work = work;
    this.git = git;
  }

  /** An empty bare repository whose default branch is {@code main}, and a clone of it. */
  static TestRepository create(Path directory) throws GitAPIException {
    Path bare = directory.resolve("origin.git");
    Path work = directory.resolve("work");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call();
    return new TestRepository(bare, work, git);
  }

  /** The URL the server follows. */
  String url() {
    return bare.toUri().toString();
  }

  TestRepository write(String path, String content) throws IOException {
    Path file = work.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return this;
  }

  TestRepository delete(String path) throws IOException {
    Files.delete(work.resolve(path));
    return this;
  }

  /** Commits every change of the working tree and pushes it; returns the commit's id. */
  String commitAndPush(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    String sha =
        git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call().name();
    push(false);
    return sha;
  }

  /** Resets the branch to an older commit and force-pushes it, rewriting the remote's history. */
  void forcePushTo(String sha) throws GitAPIException {
    git.reset().setMode(ResetCommand.ResetType.HARD).setRef(sha).call();
    push(true);
  }

  private void push(boolean force) throws GitAPIException {
    git.push()
        .setRemote(url())
        .setRefSpecs(new RefSpec((force ? "+" : "") + "refs/heads/main:refs/heads/main"))
        .call();
  }

  @Override
  public void close() {
    git.close();
  }
}
