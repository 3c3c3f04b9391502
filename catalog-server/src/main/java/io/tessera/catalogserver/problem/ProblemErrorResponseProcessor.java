package io.tessera.catalogserver.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.tessera.catalogserver.SecurityHeaders;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Makes the framework's own errors (unknown route, wrong method, unsupported media type, body too
 * large, unconvertible parameter) problem documents too, said in plain words ({@link PlainWords}).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    ProblemType type = ProblemType.forStatus(response.getStatus().getCode());
    String detail =
        PlainWords.of(
            context.getRootCause(),
            context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; ")));
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            response.getStatus().getCode(),
            detail.isBlank() ? type.title() : detail,
            context.getRequest().getPath(),
            List.of(),
            List.of());
    SecurityHeaders.addTo(response); // also for errors raised before any filter ran
    return response.contentType(Problem.MEDIA_TYPE).body(problem);
  }
}
