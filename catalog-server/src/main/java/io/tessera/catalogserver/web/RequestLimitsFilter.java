package io.tessera.catalogserver.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemHandlers;
import io.tessera.catalogserver.problem.ProblemType;

/**
 * Refuses a body larger than its endpoint's limit with a 413 problem before it is read, when the
 * request declares its length; a body sent without one is measured by the endpoint ({@link
 * #checkBody}) before it is parsed.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestLimitsFilter implements Ordered {
  private final LimitsConfig limits;

  public RequestLimitsFilter(LimitsConfig limits) {
    this.limits = limits;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE + 100; // before authentication: no body is read for a refused one
  }

  /** A 413 problem when the declared length is over the path's limit, else nothing. */
  @RequestFilter
  @Nullable
  public HttpResponse<?> checkLength(HttpRequest<?> request) {
    long limit = limits.maxBody(request.getPath());
    long length = request.getContentLength();
    if (limit >= 0 && length > limit) {
      return ProblemHandlers.response(request, ProblemType.PAYLOAD_TOO_LARGE, tooLarge(limit));
    }
    return null;
  }

  /**
   * Fails with a 413 problem when a body that came without a declared length is over the path's
   * limit.
   */
  public static void checkBody(byte[] body, long limit) {
    if (body != null && limit >= 0 && body.length > limit) {
      throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, tooLarge(limit));
    }
  }

  private static String tooLarge(long limit) {
    return "the request body is larger than this endpoint's limit of " + limit + " bytes";
  }
}
