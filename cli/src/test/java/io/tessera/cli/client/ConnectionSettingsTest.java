package io.tessera.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
  @TempDir Path home;

  private Path config(String text, String permissions) throws IOException {
    Path file = home.resolve(ConnectionSettings.DEFAULT_CONFIG);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void shouldTakeUrlFromOptionThenEnvironmentThenConfigFile() throws IOException {
    config("url: http://from-file:8080\ntoken: file-token\n", "rw-------");
    Map<String, String> env = Map.of("TESSERA_URL", "http://from-env:8080");

    Connection option =
        new ConnectionSettings("http://from-option:8080/", null, env, home).resolve(null);
    Connection environment = new ConnectionSettings(null, null, env, home).resolve(null);
    Connection file = new ConnectionSettings(null, null, Map.of(), home).resolve(null);

    assertThat(option.display()).isEqualTo("http://from-option:8080");
    assertThat(environment.display()).isEqualTo("http://from-env:8080");
    assertThat(file.display()).isEqualTo("http://from-file:8080");
    assertThat(file.token()).isEqualTo("file-token");
  }

  @Test
  void shouldPreferTheTokenOfTheEnvironment() throws IOException {
    config("url: http://from-file:8080\ntoken: file-token\n", "rw-------");

    Connection connection =
        new ConnectionSettings(null, null, Map.of("TESSERA_TOKEN", "env-token"), home)
            .resolve(null);

    assertThat(connection.token()).isEqualTo("env-token");
  }

  @Test
  void shouldSendTheConfigFilesTokenOnlyToTheConfigFilesServer() throws IOException {
    config("url: http://catalog:8080\ntoken: file-token\n", "rw-------");
    List<String> warnings = new ArrayList<>();

    Connection same =
        new ConnectionSettings("http://CATALOG:8080/", null, Map.of(), home).resolve(null);
    Connection other =
        new ConnectionSettings("http://elsewhere:8080", null, Map.of(), home)
            .resolve(warnings::add);

    assertThat(same.token()).isEqualTo("file-token");
    assertThat(other.token()).isNull();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("is not sent to http://elsewhere:8080");
  }

  @Test
  void shouldWarnWhenOthersCanReadTheConfigFileWithTheToken() throws IOException {
    Path file = config("url: http://localhost:8080\ntoken: secret\n", "rw-r--r--");
    List<String> warnings = new ArrayList<>();

    new ConnectionSettings(null, null, Map.of(), home).resolve(warnings::add);

    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(file.toString())
        .contains("other users can read it")
        .contains("chmod 600");
  }

  @Test
  void shouldExplainWhereToConfigureTheServerWhenNoneIsSet() {
    ConnectionSettings settings = new ConnectionSettings(null, null, Map.of(), home);

    assertThat(settings.hasServer()).isFalse();
    assertThatThrownBy(() -> settings.resolve(null))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("set TESSERA_URL, pass --server")
        .extracting(e -> ((CliException) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void shouldRefuseAMissingConfigFileThatWasAskedForAndAUrlThatIsNotHttp() {
    Path missing = home.resolve("nope.yaml");

    assertThatThrownBy(() -> new ConnectionSettings(null, missing, Map.of(), home).resolve(null))
        .hasMessageContaining(missing + " does not exist");
    assertThatThrownBy(
            () -> new ConnectionSettings("ftp://host", null, Map.of(), home).resolve(null))
        .hasMessageContaining("not an http(s) URL");
  }
}
