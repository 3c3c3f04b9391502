package io.tessera.cli.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStateTest {
  @TempDir Path dir;

  @Test
  void shouldGiveHeadAndTheAppliedFilesWithUncommittedChanges() throws Exception {
    Path descriptors = Files.createDirectories(dir.resolve("descriptors"));
    Path committed = Files.writeString(descriptors.resolve("a.yaml"), "kind: Domain\n");
    Path other = Files.writeString(dir.resolve("other.yaml"), "kind: Domain\n");
    RevCommit head;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      head =
          git.commit()
              .setMessage("descriptors")
              .setAuthor("t", "t@example.com")
              .setCommitter("t", "t@example.com")
              .setSign(false)
              .call();
    }
    Path added = Files.writeString(descriptors.resolve("b.yaml"), "kind: Domain\n");
    Files.writeString(other, "kind: Policy\n");

    GitState clean = GitState.of(descriptors, List.of(committed)).orElseThrow();
    GitState dirty = GitState.of(descriptors, List.of(committed, added)).orElseThrow();
    Files.writeString(committed, "kind: DataProduct\n");
    GitState modified = GitState.of(committed, List.of(committed)).orElseThrow();

    assertThat(clean.commit()).isEqualTo(head.name()).matches("[0-9a-f]{40}");
    assertThat(clean.uncommitted()).isEmpty();
    assertThat(dirty.uncommitted()).containsExactly("descriptors/b.yaml");
    assertThat(modified.uncommitted()).containsExactly("descriptors/a.yaml");
  }

  @Test
  void shouldBeEmptyOutsideAWorkingTreeOrWithoutACommit() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path fresh = Files.createDirectories(dir.resolve("fresh"));
    Git.init().setDirectory(fresh.toFile()).call().close();

    assertThat(GitState.of(fresh, List.of())).isEmpty();
    assertThat(
            plain.toAbsolutePath().startsWith(Path.of("/tmp"))
                ? GitState.of(plain, List.of())
                : java.util.Optional.empty())
        .isEmpty();
  }
}
