package io.tessera.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.cli.CliException;
import io.tessera.cli.ExitCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tessera's REST API over the JDK's HTTP client: every answer that is not 2xx becomes a {@link
 * CliException} with the exit code that says why (refused 4xx, server error 5xx, unreachable).
 */
public final class TesseraClient {
  /** The request header that carries the Git commit the documents come from. */
  public static final String COMMIT_HEADER = "Tessera-Commit";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final Connection connection;
  private final HttpClient http;

  public TesseraClient(Connection connection) {
    this.connection = connection;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The connection in use. */
  public Connection connection() {
    return connection;
  }

  /**
   * {@code POST /api/v1/descriptors}: applies (or dry-runs) every document at once.
   *
   * @param commit the 40-hex Git commit the documents come from, or null
   */
  public JsonNode apply(byte[] body, boolean dryRun, String domain, String commit) {
    List<String> query = new ArrayList<>();
    if (dryRun) {
      query.add("dryRun=true");
    }
    if (domain != null) {
      query.add("domain=" + encode(domain));
    }
    return post("/api/v1/descriptors" + query(query), body, commit);
  }

  /**
   * {@code POST /api/v1/descriptors/impact}: what the documents (and the deleted products) would
   * break.
   */
  public JsonNode impact(byte[] body, String domain, List<String> deleted, String commit) {
    List<String> query = new ArrayList<>();
    if (domain != null) {
      query.add("domain=" + encode(domain));
    }
    deleted.forEach(d -> query.add("deleted=" + encode(d)));
    return post("/api/v1/descriptors/impact" + query(query), body, commit);
  }

  /** {@code GET} a JSON resource. */
  public JsonNode get(String path) {
    return send(request(path).GET().header("Accept", "application/json").build());
  }

  /** {@code DELETE} a resource; its JSON answer. */
  public JsonNode delete(String path) {
    return send(request(path).DELETE().header("Accept", "application/json").build());
  }

  /** Every item of a paged listing, following {@code nextCursor}. */
  public List<JsonNode> list(String path, Map<String, String> query) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10_000; pages++) {
      List<String> params = new ArrayList<>();
      query.forEach((k, v) -> params.add(k + "=" + encode(v)));
      params.add("limit=200");
      if (cursor != null) {
        params.add("cursor=" + encode(cursor));
      }
      JsonNode page = get(path + query(params));
      page.path("items").forEach(items::add);
      cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
      if (cursor == null) {
        break;
      }
    }
    return items;
  }

  /** A path segment, percent-encoded. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode post(String path, byte[] body, String commit) {
    HttpRequest.Builder request =
        request(path)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    if (commit != null) {
      request.header(COMMIT_HEADER, commit);
    }
    return send(request.build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(connection.display() + path))
            .timeout(TIMEOUT)
            .header("User-Agent", "tessera-cli");
    if (connection.token() != null) {
      builder.header("Authorization", "Bearer " + connection.token());
    }
    return builder;
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("the connection timed out");
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + TIMEOUT.toMinutes() + " minutes");
    } catch (ConnectException e) {
      throw unreachable(connectReason(e));
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.UNREACHABLE, "interrupted while waiting for the server");
    }
    int status = response.statusCode();
    JsonNode body = parse(response.body());
    if (status >= 200 && status < 300) {
      if (body == null) {
        throw new CliException(
            ExitCode.SERVER_ERROR,
            "the server at "
                + connection.display()
                + " answered "
                + request.method()
                + " "
                + request.uri().getPath()
                + " with something that is not JSON; is it a Tessera server?");
      }
      return body;
    }
    Problem problem = Problem.of(status, body == null ? JSON.createObjectNode() : body);
    String what = request.method() + " " + request.uri().getPath();
    if (status >= 500) {
      throw new CliException(
          ExitCode.SERVER_ERROR, "the server failed on " + what + ": " + problem.summary());
    }
    List<String> details = new ArrayList<>();
    if (status == 401) {
      details.add(
          connection.token() == null
              ? "no token was sent: set TESSERA_TOKEN or put token: in the config file"
              : "the token was not accepted: check TESSERA_TOKEN or token: in the config file");
    }
    throw new ServerRefusedException(
        "the server refused " + what + ": " + problem.summary(), problem, details);
  }

  private CliException unreachable(String reason) {
    return new CliException(
        ExitCode.UNREACHABLE,
        "cannot reach the Tessera server at " + connection.display() + ": " + reason);
  }

  private static String connectReason(ConnectException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? "connection refused"
        : message.toLowerCase(java.util.Locale.ROOT);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String query(List<String> params) {
    return params.isEmpty() ? "" : "?" + String.join("&", params);
  }
}
