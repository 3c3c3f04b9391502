package io.tessera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in process: usage, help, exit codes, options it must not have. */
class TesseraCliTest {
  @TempDir Path home;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Session session = new Session(Map.of(), home, new BufferedReader(new StringReader("")), false);
    return TesseraCli.run(session, new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void shouldListTheExitCodesInTheHelp() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("apply", "diff", "validate", "check-breaking", "get", "export")
        .contains("Exit codes:")
        .contains("3   check-breaking: a change breaks consumers")
        .contains("5   the server cannot be reached");
  }

  @Test
  void shouldExitTwoOnWrongUsage() {
    assertThat(run("apply")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--file=PATH'");
    assertThat(run("no-such-command")).isEqualTo(2);
    assertThat(run("check-breaking", "-f", "x", "--format", "xml")).isEqualTo(2);
  }

  @Test
  void shouldHaveNoTokenOption() {
    int code = run("apply", "-f", "x", "--token", "secret");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown options: '--token'");
  }

  @Test
  void shouldSayWhereToConfigureTheServerWhenNoneIsSet() {
    int code = run("apply", "-f", "src/test/resources/descriptors/team-repo");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("tessera: no Tessera server configured");
  }

  @Test
  void shouldValidateOfflineWithoutAServer() {
    int valid = run("validate", "-f", "src/test/resources/descriptors/team-repo");
    int invalid = run("validate", "-f", "src/test/resources/descriptors/invalid");

    assertThat(valid).isZero();
    assertThat(out.toString()).contains("5 document(s) in 4 file(s) are valid");
    assertThat(invalid).isEqualTo(2);
    assertThat(err.toString())
        .contains("invalid/mixed.yaml:25: document 3, spec.outputPorts[0].dataset.name: required");
  }

  @Test
  void shouldReportDuplicateDeclarationsOfflineAndReadAFileGivenTwiceOnce() throws Exception {
    Path refunds = Path.of("src/test/resources/descriptors/team-repo/products/refunds.yaml");
    java.nio.file.Files.copy(refunds, home.resolve("copy.yaml"));

    int twice = run("validate", "-f", refunds.toString(), "-f", refunds.toString());
    int duplicate =
        run("validate", "-f", refunds.toString(), "-f", home.resolve("copy.yaml").toString());

    assertThat(twice).isZero();
    assertThat(duplicate).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            home.resolve("copy.yaml")
                + ":5: document 1, metadata.name: DataProduct cli-returns/refunds is already declared in "
                + refunds
                + ", document 1");
  }
}
