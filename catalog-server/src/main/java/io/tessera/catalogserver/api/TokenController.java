package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.TokenService;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.InvalidGrantException;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.util.List;

/**
 * {@code /api/v1/tokens}: API tokens for pipelines and tools. The secret is in the creation
 * response only; the server keeps its SHA-256.
 */
@Tag(name = "Tokens", description = "API tokens for pipelines and tools (admin)")
@Controller("/api/v1/tokens")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {
  private final TokenService tokens;

  public TokenController(TokenService tokens) {
    this.tokens = tokens;
  }

  /** Creates a token (admin, or a domain owner for its domains); 201 with the secret, once. */
  @Post
  public HttpResponse<TokenService.Issued> create(
      @Nullable @Body TokenService.CreateRequest request, Principal principal) {
    if (request == null) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "a JSON body with subject and roles is required");
    }
    try {
      return HttpResponse.status(HttpStatus.CREATED).body(tokens.create(request, principal));
    } catch (InvalidGrantException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "the token request is invalid; no token was created",
          List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }
  }

  /** Tokens without their secrets, newest first. */
  @Get
  public List<ApiToken> list(@Nullable @QueryValue String subject, Principal principal) {
    requireAdminOrOwner(principal);
    return tokens.list(principal, subject);
  }

  /** Revokes a token: it stops working at once. */
  @Delete("/{id}")
  public ApiToken revoke(@PathVariable String id, Principal principal) {
    requireAdminOrOwner(principal);
    try {
      return tokens.revoke(id, principal);
    } catch (TokenService.TokenNotFoundException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, e.getMessage());
    }
  }

  private static void requireAdminOrOwner(Principal principal) {
    if (!principal.isAdmin() && !principal.roles().contains(Role.DOMAIN_OWNER)) {
      throw new AccessDeniedException("admin or domain-owner");
    }
  }
}
