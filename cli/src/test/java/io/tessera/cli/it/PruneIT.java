package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --prune}: a product whose file is gone is deleted, but only after a confirmation;
 * without a terminal and without {@code --yes} nothing is applied or deleted.
 */
@ExtendWith(SharedServer.class)
class PruneIT {
  private static URI server;

  @TempDir Path work;

  @BeforeAll
  static void server(URI url) {
    server = url;
  }

  @Test
  void shouldRefuseWithoutYesWhenNotInteractiveThenDeleteWithYes() throws IOException {
    Tessera tessera = Tessera.against(server, SharedServer.ADMIN_TOKEN, work);
    Path repo = Tessera.copyFixture("prune", work.resolve("repo"));
    Tessera.Run first = tessera.run("apply", "-f", "repo", "--prune");
    Files.delete(repo.resolve("drop-me.yaml"));
    Files.writeString(
        repo.resolve("keep-me.yaml"),
        Files.readString(repo.resolve("keep-me.yaml")) + "  description: Still declared.\n");

    Tessera.Run refused = tessera.run("apply", "-f", "repo", "--prune");
    Tessera.Run afterRefusal = tessera.run("get", "products", "-d", "cli-prune");
    Tessera.Run dryRun = tessera.run("apply", "-f", "repo", "--prune", "--dry-run");
    Tessera.Run pruned = tessera.run("apply", "-f", "repo", "--prune", "--yes");
    Tessera.Run afterPrune = tessera.run("get", "products", "-d", "cli-prune", "-o", "json");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.lines()).hasSize(3).allMatch(l -> l.startsWith("created "));
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err())
        .contains("--prune would delete 1 product(s) (cli-prune/drop-me)")
        .contains("pass --yes");
    assertThat(refused.out()).isEmpty();
    assertThat(afterRefusal.out()).contains("drop-me");
    assertThat(dryRun.lines()).contains("would delete cli-prune/drop-me");
    assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
    assertThat(pruned.lines())
        .contains(
            "updated cli-prune/keep-me (revision 2)", "deleted cli-prune/drop-me (revision 2)");
    assertThat(afterPrune.out()).contains("keep-me").doesNotContain("drop-me");
  }
}
