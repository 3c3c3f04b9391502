package io.tessera.catalogserver.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/**
 * {@code /api-explorer}: the REST API explorer, Swagger UI over the OpenAPI document ({@code
 * /openapi/tessera.yml}). The page is ui-static's {@code ui/api-explorer/index.html}; this sends
 * the short address there. Open to everyone, like the UI: the page and the document hold no data,
 * and every request made from it is authenticated like any other.
 */
@Hidden
@Controller("/api-explorer")
public class ApiExplorerController {
  /** The page. */
  public static final URI PAGE = URI.create("/api-explorer/index.html");

  @Get
  public HttpResponse<?> explorer() {
    return HttpResponse.seeOther(PAGE);
  }
}
