package io.tessera.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tessera.cli.CliException;
import io.tessera.cli.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Resolves the {@link Connection}: the URL from {@code --server}, else {@code TESSERA_URL}, else
 * {@code url:} of the config file; the token from {@code TESSERA_TOKEN}, else {@code token:} of the
 * config file (never from the command line, where other users of the machine could read it). The
 * config file's token is sent only to the config file's server (or to any, when the file names
 * none), so that {@code --server} pointing elsewhere does not hand it to another host.
 *
 * @param server the {@code --server} option, or null
 * @param config the {@code --config} option, or null for the default file
 * @param environment the process environment
 * @param home the user's home directory
 */
public record ConnectionSettings(
    String server, Path config, Map<String, String> environment, Path home) {
  /** The default config file, below the home directory. */
  public static final String DEFAULT_CONFIG = ".config/tessera/config.yaml";

  private static final Set<PosixFilePermission> SHARED =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_WRITE);

  /** Whether a server is configured at all (option, environment or config file). */
  public boolean hasServer() {
    return url(configFile(), null).isPresent();
  }

  /**
   * The connection.
   *
   * @param warnings receives warnings, e.g. a config file that others can read
   * @throws CliException ({@link ExitCode#INVALID}) when no server is configured or the config file
   *     cannot be read
   */
  public Connection resolve(Consumer<String> warnings) {
    Optional<JsonNode> file = configFile();
    String url =
        url(file, warnings)
            .orElseThrow(
                () ->
                    new CliException(
                        ExitCode.INVALID,
                        "no Tessera server configured: set TESSERA_URL, pass --server, or put"
                            + " url: in "
                            + configPath()));
    URI server = uri(url);
    String token = environment.get("TESSERA_TOKEN");
    if (blank(token) && file.isPresent() && file.get().path("token").isTextual()) {
      String fileUrl = file.get().path("url").asText(null);
      if (blank(fileUrl) || sameServer(uri(fileUrl.trim()), server)) {
        token = file.get().path("token").asText();
        warnIfShared(warnings);
      } else if (warnings != null) {
        warnings.accept(
            "warning: the token in "
                + configPath()
                + " is for "
                + fileUrl.trim()
                + ", so it is not sent to "
                + url
                + "; set TESSERA_TOKEN for that server");
      }
    }
    return new Connection(server, blank(token) ? null : token.trim());
  }

  /** The config file in use: {@code --config}, else the default one. */
  public Path configPath() {
    return config != null ? config : home.resolve(DEFAULT_CONFIG);
  }

  private Optional<String> url(Optional<JsonNode> file, Consumer<String> warnings) {
    if (!blank(server)) {
      return Optional.of(server.trim());
    }
    String env = environment.get("TESSERA_URL");
    if (!blank(env)) {
      return Optional.of(env.trim());
    }
    return file.map(f -> f.path("url").asText(null)).filter(u -> !blank(u));
  }

  private Optional<JsonNode> configFile() {
    Path path = configPath();
    if (!Files.exists(path)) {
      if (config != null) {
        throw new CliException(ExitCode.INVALID, "the config file " + path + " does not exist");
      }
      return Optional.empty();
    }
    try {
      JsonNode node = new YAMLMapper().readTree(path.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return Optional.empty();
      }
      if (!node.isObject()) {
        throw new CliException(
            ExitCode.INVALID,
            "the config file " + path + " must be a mapping with url: and token:");
      }
      return Optional.of(node);
    } catch (IOException e) {
      throw new CliException(
          ExitCode.INVALID, "cannot read the config file " + path + ": " + e.getMessage());
    }
  }

  private void warnIfShared(Consumer<String> warnings) {
    if (warnings == null) {
      return;
    }
    Path path = configPath();
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      if (permissions.stream().anyMatch(SHARED::contains)) {
        warnings.accept(
            "warning: "
                + path
                + " holds a token and other users can read it; run: chmod 600 "
                + path);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: nothing to check
    }
  }

  private static boolean sameServer(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
  }

  private static URI uri(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(url, "not an http or https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CliException(
          ExitCode.INVALID,
          "the server URL '" + url + "' is not an http(s) URL like http://localhost:8080");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
