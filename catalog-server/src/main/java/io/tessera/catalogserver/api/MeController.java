package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.OidcConfig;
import io.tessera.catalogserver.security.OwnTokens;
import io.tessera.catalogserver.security.PrincipalAuthentication;
import io.tessera.catalogserver.security.SignInSessions;
import io.tessera.catalogserver.security.TokenService;
import io.tessera.governance.InvalidGrantException;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/me}: who the caller is and how it signed in, and {@code /api/v1/me/tokens}: the
 * API tokens a person made for itself (list, create within its own rights, revoke). {@code GET
 * /api/v1/me} answers callers without credentials too (as anonymous, with how to sign in).
 */
@Tag(name = "Me", description = "Who is calling, how to sign in, and one's own API tokens")
@Controller("/api/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MeController {
  private final OwnTokens tokens;
  private final OidcConfig oidc;

  public MeController(OwnTokens tokens, OidcConfig oidc) {
    this.tokens = tokens;
    this.oidc = oidc;
  }

  /**
   * The caller.
   *
   * @param via how it authenticated: {@code session} (signed in with the identity provider), {@code
   *     api-token}, {@code jwt} or {@code anonymous}
   * @param signIn how people sign in here
   */
  @Serdeable
  public record Me(
      String subject,
      boolean anonymous,
      List<String> roles,
      List<String> domains,
      Map<String, Set<String>> attributes,
      String via,
      SignIn signIn) {}

  /**
   * How people sign in.
   *
   * @param oidc whether with the organisation's identity provider
   * @param login where the browser starts signing in with it, or null
   * @param logout where a signed-in session ends, or null
   */
  @Serdeable
  public record SignIn(boolean oidc, @Nullable String login, @Nullable String logout) {}

  /** Who is calling. */
  @Get
  public Me me(HttpRequest<?> request, Principal principal) {
    return new Me(
        principal.subject(),
        principal.isAnonymous(),
        principal.roles().stream().map(Role::slug).sorted().toList(),
        principal.domains().stream().sorted().toList(),
        principal.attributes(),
        via(request),
        oidc.enabled()
            ? new SignIn(true, OidcConfig.LOGIN_PATH, OidcConfig.LOGOUT_PATH)
            : new SignIn(false, null, null));
  }

  /** The caller's own tokens, newest first, never their secrets. */
  @Get("/tokens")
  public List<ApiToken> list(Principal principal) {
    return tokens.list(principal);
  }

  /** Creates a token of one's own; 201 with its secret, shown only this once. */
  @Post("/tokens")
  public HttpResponse<TokenService.Issued> create(
      HttpRequest<?> request, @Nullable @Body OwnTokens.Request body, Principal principal) {
    if (body == null) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "a JSON body with the token's name is required");
    }
    try {
      return HttpResponse.status(HttpStatus.CREATED)
          .body(tokens.create(body, principal, "api-token".equals(via(request))));
    } catch (InvalidGrantException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "the token request is invalid; no token was created",
          List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }
  }

  /** Revokes one of one's own tokens; it stops working at once. */
  @Delete("/tokens/{id}")
  public ApiToken revoke(@PathVariable String id, Principal principal) {
    try {
      return tokens.revoke(id, principal);
    } catch (TokenService.TokenNotFoundException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, e.getMessage());
    }
  }

  private static String via(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(
            a -> {
              if (a.getAttributes().get(SignInSessions.SESSION) instanceof String) {
                return "session";
              }
              return a.getAttributes().containsKey(PrincipalAuthentication.TOKEN)
                  ? "api-token"
                  : "jwt";
            })
        .orElse("anonymous");
  }
}
