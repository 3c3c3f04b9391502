package io.tessera.catalogserver.events;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemType;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pruned cursor as an RFC 7807 problem: {@code 410} {@code cursor-expired} with the extension
 * member {@code oldest}, the oldest cursor the feed still serves.
 */
@Singleton
public class ChangeFeedProblems
    implements ExceptionHandler<CursorExpiredException, HttpResponse<Map<String, Object>>> {

  @Override
  public HttpResponse<Map<String, Object>> handle(HttpRequest request, CursorExpiredException e) {
    ProblemType type = ProblemType.CURSOR_EXPIRED;
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.uri());
    problem.put("title", type.title());
    problem.put("status", type.status().getCode());
    problem.put("detail", e.getMessage());
    problem.put("instance", request.getPath());
    problem.put("cursor", e.cursor());
    problem.put("oldest", e.oldest());
    return HttpResponse.<Map<String, Object>>status(type.status())
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
  }
}
