package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestIdentityProvider;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sign-in with OpenID Connect over plain HTTP against an identity provider running in the test JVM:
 * the authorization code flow with PKCE followed redirect by redirect, the session cookie's
 * attributes, the claims mapped to roles, domains and attributes, the session refused for a
 * cross-site change, tokens of one's own within one's rights, and sign-out through the provider's
 * end-session endpoint after which the old cookie authenticates nobody. Bearer JWTs of the provider
 * and API tokens keep working beside the session.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInIT implements TestPropertyProvider {
  private static final String COOKIE = "tessera_session";
  private static final String HEADER = CrossSiteRequestRule.HEADER;
  private static final String JSON = "application/json";

  private TestIdentityProvider idp;

  @Inject EmbeddedServer server;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private SecurityHttp http;

  @Override
  public Map<String, String> getProperties() {
    idp = new TestIdentityProvider();
    return TestServer.properties(
        "tessera-oidc-it", idp.settings("tessera.oidc.cookie-secure", "true"));
  }

  @BeforeAll
  void connect() {
    http = new SecurityHttp(server.getURI());
  }

  @AfterAll
  void stopProvider() {
    idp.close();
  }

  /** The browser's side of a sign-in: cookies by name and the session cookie's attributes. */
  record Browser(Map<String, String> cookies, String sessionCookie) {
    String cookieHeader() {
      return cookies.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; "));
    }
  }

  @Test
  void shouldSignInWithTheProviderAndMapTheClaimsLikeABearerJwt() {
    Browser browser =
        signIn(
            "ada",
            Map.of(
                "roles", List.of("domain-owner", "consumer", "wizard"),
                "domains", List.of("sales"),
                "region", List.of("eu")));

    JsonNode me = get("/api/v1/me", browser).json();
    assertThat(me.path("subject").asText()).isEqualTo("ada");
    assertThat(me.path("via").asText()).isEqualTo("session");
    assertThat(me.path("roles").toString()).isEqualTo("[\"consumer\",\"domain-owner\"]");
    assertThat(me.path("domains").toString()).isEqualTo("[\"sales\"]");
    assertThat(me.path("attributes").path("region").toString()).isEqualTo("[\"eu\"]");
    assertThat(me.path("signIn").path("login").asText()).isEqualTo("/oauth/login/tessera");
  }

  @Test
  void shouldSetAnHttpOnlySameSiteLaxSecureSessionCookie() {
    Browser browser = signIn("grace", Map.of("roles", List.of("consumer")));
    String cookie = browser.sessionCookie().toLowerCase();
    assertThat(cookie).contains("httponly", "samesite=lax", "secure", "path=/");
  }

  @Test
  void shouldMapUnknownRolesToNothing() {
    Browser browser = signIn("mallory", Map.of("roles", List.of("superuser", "root")));
    JsonNode me = get("/api/v1/me", browser).json();
    assertThat(me.path("subject").asText()).isEqualTo("mallory");
    assertThat(me.path("roles").size()).isZero();
    assertThat(me.path("anonymous").asBoolean()).isFalse();
    assertThat(get("/api/v1/me/tokens", browser).json().size()).isZero();
  }

  @Test
  void shouldRefuseACrossSiteChangeCarryingOnlyTheSessionCookie() {
    Browser browser = signIn("lin", Map.of("roles", List.of("consumer")));
    String body = "{\"name\":\"forged\"}";

    JsonNode refused =
        send(
                "POST",
                "/api/v1/me/tokens",
                browser,
                Map.of("Origin", "https://evil.example"),
                body,
                JSON)
            .problem(403, "forbidden");
    assertThat(refused.path("detail").asText()).contains(HEADER);
    assertThat(get("/api/v1/me/tokens", browser).json().size()).isZero();
    send("DELETE", "/api/v1/me/tokens/anything", browser, Map.of(), null, null)
        .problem(403, "forbidden");

    // the same request from the UI, which sends the header, is made
    send("POST", "/api/v1/me/tokens", browser, Map.of(HEADER, "ui"), body, JSON).ok();
  }

  @Test
  void shouldCreateUseAndRevokeATokenOfOnesOwnWithinOnesRights() {
    Browser browser =
        signIn(
            "kim",
            Map.of(
                "roles", List.of("domain-owner", "producer"),
                "domains", List.of("sales", "billing"),
                "region", List.of("eu")));
    Map<String, String> ui = Map.of(HEADER, "ui");

    JsonNode issued =
        send(
                "POST",
                "/api/v1/me/tokens",
                browser,
                ui,
                "{\"name\":\"nightly load\",\"roles\":[\"producer\"],\"domains\":[\"sales\"]}",
                JSON)
            .ok();
    String secret = issued.path("secret").asText();
    String id = issued.path("token").path("id").asText();
    assertThat(secret).startsWith("tsr_");
    assertThat(issued.path("token").path("expiresAt").asText()).isNotBlank();

    JsonNode asToken = http.get("/api/v1/me", secret).ok();
    assertThat(asToken.path("subject").asText()).isEqualTo("kim");
    assertThat(asToken.path("via").asText()).isEqualTo("api-token");
    assertThat(asToken.path("roles").toString()).isEqualTo("[\"producer\"]");
    assertThat(asToken.path("domains").toString()).isEqualTo("[\"sales\"]");
    assertThat(asToken.path("attributes").path("region").toString()).isEqualTo("[\"eu\"]");

    JsonNode listed = get("/api/v1/me/tokens", browser).json();
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).path("description").asText()).isEqualTo("nightly load");
    assertThat(listed.toString()).doesNotContain(secret).doesNotContain("secret");

    // an API token may not make more tokens, even its own person's
    http.post("/api/v1/me/tokens", secret, "{\"name\":\"again\"}", JSON).problem(403, "forbidden");

    assertThat(
            send("DELETE", "/api/v1/me/tokens/" + id, browser, ui, null, null)
                .ok()
                .path("revokedAt")
                .asText())
        .isNotBlank();
    assertThat(
            http.get("/api/v1/me/tokens", secret)
                .problem(401, "unauthorized")
                .path("detail")
                .asText())
        .contains("revoked");
  }

  @Test
  void shouldRefuseATokenWiderThanTheSignedInPerson() {
    Browser browser =
        signIn(
            "noor",
            Map.of(
                "roles",
                List.of("producer"),
                "domains",
                List.of("sales"),
                "region",
                List.of("us")));
    Map<String, String> ui = Map.of(HEADER, "ui");

    assertThat(
            send(
                    "POST",
                    "/api/v1/me/tokens",
                    browser,
                    ui,
                    "{\"name\":\"x\",\"roles\":[\"admin\"]}",
                    JSON)
                .problem(403, "forbidden")
                .path("detail")
                .asText())
        .isEqualTo(
            "missing permission: role admin (a token of your own carries at most your roles:"
                + " producer)");
    assertThat(
            send(
                    "POST",
                    "/api/v1/me/tokens",
                    browser,
                    ui,
                    "{\"name\":\"x\",\"domains\":[\"hr\"]}",
                    JSON)
                .problem(403, "forbidden")
                .path("detail")
                .asText())
        .contains("domain hr");
    assertThat(
            send("POST", "/api/v1/me/tokens", browser, ui, "{\"name\":\"x\",\"domains\":[]}", JSON)
                .problem(403, "forbidden")
                .path("detail")
                .asText())
        .contains("without domains");
    assertThat(
            send(
                    "POST",
                    "/api/v1/me/tokens",
                    browser,
                    ui,
                    "{\"name\":\"x\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}",
                    JSON)
                .problem(400, "invalid-request")
                .path("errors")
                .get(0)
                .path("field")
                .asText())
        .isEqualTo("expiresAt");
    assertThat(get("/api/v1/me/tokens", browser).json().size()).isZero();
  }

  @Test
  void shouldKeepBearerJwtsOfTheProviderAndApiTokensWorking() {
    String jwt = idp.accessToken("pipeline-7", Map.of("roles", List.of("producer")));
    JsonNode me = http.get("/api/v1/me", jwt).ok();
    assertThat(me.path("subject").asText()).isEqualTo("pipeline-7");
    assertThat(me.path("via").asText()).isEqualTo("jwt");
    assertThat(me.path("roles").toString()).isEqualTo("[\"producer\"]");
    assertThat(http.get("/api/v1/tokens", TestCredentials.ADMIN_TOKEN).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/me", null).json().path("anonymous").asBoolean()).isTrue();
  }

  @Test
  void shouldSignOutThroughTheProviderAndRefuseTheOldCookieAfterwards() {
    Browser browser = signIn("sam", Map.of("roles", List.of("consumer")));
    assertThat(get("/api/v1/me", browser).json().path("subject").asText()).isEqualTo("sam");

    HttpResponse<String> out =
        raw("GET", server.getURI().resolve("/oauth/logout"), browser, Map.of(), null, null);
    assertThat(out.statusCode()).isBetween(302, 303);
    String location = out.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(idp.endSessionEndpoint());
    Map<String, String> query = query(URI.create(location));
    assertThat(query).containsKeys("id_token_hint", "post_logout_redirect_uri");
    assertThat(query.get("client_id")).isEqualTo(TestIdentityProvider.CLIENT_ID);
    String cleared =
        out.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cleared.toLowerCase()).contains("max-age=0");

    // whoever kept a copy of the cookie is nobody now
    JsonNode after = get("/api/v1/me", browser).json();
    assertThat(after.path("anonymous").asBoolean()).isTrue();
    send("POST", "/api/v1/me/tokens", browser, Map.of(HEADER, "ui"), "{\"name\":\"late\"}", JSON)
        .problem(401, "unauthorized");
  }

  // ------------------------------------------------------------------ the browser's side

  /** Signs in as {@code subject} with these claims, following every redirect of the flow. */
  private Browser signIn(String subject, Map<String, Object> claims) {
    idp.nextSignIn(subject, claims);
    Map<String, String> cookies = new LinkedHashMap<>();
    URI next = server.getURI().resolve("/oauth/login/tessera");
    String session = null;
    for (int hop = 0; hop < 10; hop++) {
      boolean catalog = next.getPort() == server.getPort();
      HttpResponse<String> response =
          raw("GET", next, catalog ? new Browser(cookies, null) : null, Map.of(), null, null);
      for (String set : response.headers().allValues("Set-Cookie")) {
        if (!catalog) {
          continue;
        }
        String pair = set.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (set.toLowerCase().contains("max-age=0") || value.isEmpty()) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
        if (name.equals(COOKIE)) {
          session = set;
        }
      }
      if (session != null) {
        assertThat(response.headers().firstValue("Location")).hasValue("/#/");
        return new Browser(Map.of(COOKIE, cookies.get(COOKIE)), session);
      }
      assertThat(response.statusCode()).as(response.body()).isBetween(301, 303);
      next = next.resolve(response.headers().firstValue("Location").orElseThrow());
      if (hop == 0) {
        // the authorization code flow with PKCE, state and nonce
        assertThat(query(next))
            .containsEntry("response_type", "code")
            .containsEntry("code_challenge_method", "S256")
            .containsKeys("code_challenge", "state", "nonce", "redirect_uri");
      }
    }
    throw new AssertionError("the sign-in did not end with a session cookie");
  }

  private SecurityHttp.Reply get(String path, Browser browser) {
    return send("GET", path, browser, Map.of(), null, null);
  }

  private SecurityHttp.Reply send(
      String method,
      String path,
      Browser browser,
      Map<String, String> headers,
      String body,
      String contentType) {
    HttpResponse<String> response =
        raw(method, server.getURI().resolve(path), browser, headers, body, contentType);
    return new SecurityHttp.Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  private HttpResponse<String> raw(
      String method,
      URI uri,
      Browser browser,
      Map<String, String> headers,
      String body,
      String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", JSON)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (browser != null && !browser.cookies().isEmpty()) {
      request.header("Cookie", browser.cookieHeader());
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
