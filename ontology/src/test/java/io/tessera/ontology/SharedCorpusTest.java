package io.tessera.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

/** Where the public corpus is looked for, and what a test that needs it does without it. */
class SharedCorpusTest {

  @TempDir Path work;

  @Test
  void shouldFindSharedBesideTheRepositoryRootFromAModuleDirectory() throws IOException {
    Path module = repository(work.resolve("tessera")).resolve("catalog-server");
    Files.createDirectories(module);
    Files.writeString(module.resolve("pom.xml"), "<project/>");
    corpus(work.resolve("shared"));

    SharedCorpus.Location location = SharedCorpus.locate(null, null, module);

    assertThat(location.present()).isTrue();
    assertThat(location.path()).isEqualTo(work.resolve("shared"));
  }

  @Test
  void shouldBeAbsentWithoutSharedBesideTheRepository() throws IOException {
    Path repository = repository(work.resolve("tessera"));

    SharedCorpus.Location location = SharedCorpus.locate(null, "", repository);

    assertThat(location.present()).isFalse();
    assertThat(location.description()).contains(work.resolve("shared").toString());
  }

  @Test
  void shouldNotTakeAnUnrelatedSharedFolderForTheCorpus() throws IOException {
    Path repository = repository(work.resolve("tessera"));
    Files.createDirectories(work.resolve("shared/something-else"));

    assertThat(SharedCorpus.locate(null, null, repository).present()).isFalse();
  }

  @Test
  void shouldPreferThePropertyOverTheEnvironmentOverTheRepository() throws IOException {
    Path repository = repository(work.resolve("tessera"));
    corpus(work.resolve("shared"));
    Path byProperty = corpus(work.resolve("by-property"));
    Path byEnv = corpus(work.resolve("by-env"));

    assertThat(SharedCorpus.locate(byProperty.toString(), byEnv.toString(), repository).path())
        .isEqualTo(byProperty);
    assertThat(SharedCorpus.locate(null, byEnv.toString(), repository).path()).isEqualTo(byEnv);
    assertThat(SharedCorpus.locate(" ", byEnv.toString(), repository).path()).isEqualTo(byEnv);
  }

  @Test
  void shouldTakeARelativePathFromTheRepositoryRoot() throws IOException {
    Path module = repository(work.resolve("tessera")).resolve("descriptors");
    Files.createDirectories(module);
    Path corpus = corpus(work.resolve("elsewhere/corpus"));

    SharedCorpus.Location location = SharedCorpus.locate(null, "../elsewhere/corpus", module);

    assertThat(location.present()).isTrue();
    assertThat(location.path()).isEqualTo(corpus);
  }

  @Test
  void shouldBeAbsentOutsideAnyRepository() {
    SharedCorpus.Location location = SharedCorpus.locate(null, null, work);

    assertThat(location.present()).isFalse();
    assertThat(location.description()).contains("no directory at or above");
  }

  @Test
  void shouldDisableWithAReasonOrFailWhenTheCorpusIsRequired() throws IOException {
    SharedCorpus.Location absent = SharedCorpus.locate(null, null, repository(work.resolve("t")));

    ConditionEvaluationResult skipped = SharedCorpusCondition.evaluate(absent, false);

    assertThat(skipped.isDisabled()).isTrue();
    assertThat(skipped.getReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .startsWith("skipped: the public corpus ../shared is not beside this clone")
                    .contains(".ci/run always has it"));
    assertThatThrownBy(() -> SharedCorpusCondition.evaluate(absent, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SharedCorpusCondition.REQUIRE + "=true");
  }

  @Test
  void shouldEnableWhereTheCorpusIsPresentEvenWhenRequired() throws IOException {
    SharedCorpus.Location present =
        SharedCorpus.locate(corpus(work.resolve("corpus")).toString(), null, work);

    assertThat(SharedCorpusCondition.evaluate(present, true).isDisabled()).isFalse();
  }

  private static Path repository(Path root) throws IOException {
    Files.createDirectories(root.resolve(".mvn"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    return root;
  }

  private static Path corpus(Path root) throws IOException {
    Files.createDirectories(root.resolve("vocab"));
    Files.createDirectories(root.resolve("fixtures"));
    return root;
  }
}
