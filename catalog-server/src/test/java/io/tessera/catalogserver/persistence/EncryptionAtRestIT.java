package io.tessera.catalogserver.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 database encrypted at rest with {@code tessera.db.encryption-key}: what the
 * server records cannot be read from the file without the key, can with it, and a server started
 * without the key on the same files cannot open them. A server without the key writes the same
 * words in the clear, so the check on the file can fail.
 */
class EncryptionAtRestIT {
  private static final String KEY = "k3y-for-the-db-files-2026";
  private static final String MARKER = "Zephyrine Tallow Ledger";

  @Test
  void shouldKeepTheDatabaseFileUnreadableWithoutTheKey() throws Exception {
    Path dataDir = runAndApply("tessera-encrypted-it", KEY);
    Path file = dataDir.resolve("db/tessera.mv.db");

    assertThat(contains(file, MARKER))
        .as("the descriptor is not in the file in the clear")
        .isFalse();
    assertThatThrownBy(() -> count(dataDir, "", ""))
        .as("without the key H2 cannot open the file")
        .isInstanceOf(SQLException.class);
    assertThat(count(dataDir, ";CIPHER=AES", KEY + " ")).isPositive();
    assertThatThrownBy(() -> runAndApply(dataDir, null))
        .as("a server without the key cannot start on the encrypted files")
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void shouldWriteTheSameWordsInTheClearWithoutAKey() throws Exception {
    Path dataDir = runAndApply("tessera-plain-it", null);

    assertThat(contains(dataDir.resolve("db/tessera.mv.db"), MARKER)).isTrue();
    assertThat(count(dataDir, "", "")).isPositive();
  }

  private static Path runAndApply(String prefix, String key) throws Exception {
    Map<String, String> settings = TestServer.properties(prefix);
    Path dataDir = Path.of(settings.get("tessera.data-dir"));
    runAndApply(dataDir, key);
    return dataDir;
  }

  private static void runAndApply(Path dataDir, String key) throws Exception {
    Map<String, Object> settings = new HashMap<>(TestServer.properties("unused"));
    settings.put("tessera.data-dir", dataDir.toString());
    settings.put("tessera.security.admin-token", TestCredentials.ADMIN_TOKEN);
    if (key != null) {
      settings.put("tessera.db.encryption-key", key);
    }
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "test")) {
      String yaml =
          """
          apiVersion: tessera/v1
          kind: Domain
          metadata: {name: vault}
          spec: {title: "%s", owner: "mailto:vault@example.com"}
          """
              .formatted(MARKER);
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/descriptors"))
                      .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
                      .header("Content-Type", "application/yaml")
                      .POST(HttpRequest.BodyPublishers.ofString(yaml))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }

  private static long count(Path dataDir, String urlSuffix, String passwordPrefix)
      throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.resolve("db/tessera") + ";IFEXISTS=TRUE" + urlSuffix;
    try (Connection c = DriverManager.getConnection(url, "sa", passwordPrefix);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT COUNT(*) FROM descriptor_revision")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean contains(Path file, String text) throws IOException {
    // ISO-8859-1 maps every byte to one char, so an ASCII text is found wherever its bytes are
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
  }
}
