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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeRepository;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exchange over REST: access requests and their decisions, agreements, interest in products,
 * demand and the caller's inbox (see docs/exchange.md).
 */
@Tag(
    name = "Exchange",
    description = "Access requests and their decisions, agreements, interest, demand and the inbox")
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExchangeController {
  private final ExchangeService exchange;

  public ExchangeController(ExchangeService exchange) {
    this.exchange = exchange;
  }

  /** A request for access as a consumer sends it. */
  @Serdeable
  public record RequestBody(
      @Nullable String product,
      @Nullable String port,
      @Nullable String purpose,
      @Nullable String purposeCode,
      @Nullable String intendedUse,
      @Nullable Integer durationDays) {}

  /** A decision's reason and, for an approval, a duration other than the one asked for. */
  @Serdeable
  public record DecisionBody(@Nullable String reason, @Nullable Integer durationDays) {}

  /** A use case for an interest. */
  @Serdeable
  public record InterestBody(@Nullable String useCase) {}

  /** How a product is requested. */
  @Serdeable
  public record Terms(
      String product, String approval, int maxDurationDays, List<String> policies) {}

  @Post("/access-requests")
  public HttpResponse<AccessRequest> request(
      @Nullable @Body RequestBody body, Principal principal) {
    RequestBody b = body == null ? new RequestBody(null, null, null, null, null, null) : body;
    AccessRequest created =
        exchange.request(
            principal,
            new ExchangeService.RequestInput(
                b.product(),
                b.port(),
                b.purpose(),
                b.purposeCode(),
                b.intendedUse(),
                b.durationDays()));
    return HttpResponse.status(HttpStatus.CREATED).body(created);
  }

  @Get("/access-requests")
  public List<AccessRequest> requests(
      @Nullable @QueryValue String view, @Nullable @QueryValue String state, Principal principal) {
    return exchange.list(principal, view, state);
  }

  @Get("/access-requests/{id}")
  public AccessRequest request(@PathVariable String id, Principal principal) {
    return exchange.find(principal, id);
  }

  @Post("/access-requests/{id}/{transition}")
  public AccessRequest decide(
      @PathVariable String id,
      @PathVariable String transition,
      @Nullable @Body DecisionBody body,
      Principal principal) {
    DecisionBody b = body == null ? new DecisionBody(null, null) : body;
    return switch (transition) {
      case "approve" -> exchange.approve(principal, id, b.reason(), b.durationDays());
      case "reject" -> exchange.reject(principal, id, b.reason());
      case "withdraw" -> exchange.withdraw(principal, id, b.reason());
      case "revoke" -> exchange.revoke(principal, id, b.reason());
      default ->
          throw new ProblemException(
              ProblemType.NOT_FOUND,
              "no transition " + transition + "; approve, reject, withdraw or revoke");
    };
  }

  @Get("/agreements")
  public List<AccessRequest.AgreementView> agreements(
      @Nullable @QueryValue String view, Principal principal) {
    return exchange.agreements(principal, view);
  }

  @Get("/purpose-codes")
  public Set<String> purposeCodes() {
    return exchange.purposeCodes();
  }

  @Get("/products/{domain}/{name}/access-terms")
  public Terms terms(@PathVariable String domain, @PathVariable String name, Principal principal) {
    exchange.interest(principal, domain, name); // 404 like a missing product when hidden
    ExchangeService.AccessTerms t = exchange.terms(domain + "/" + name);
    // policies are seen only by those who govern them
    return new Terms(
        domain + "/" + name,
        t.approval().slug(),
        t.maxDays(),
        principal.ownsDomain(domain) ? t.decidedBy() : List.of());
  }

  @Put("/products/{domain}/{name}/interest")
  public ExchangeRepository.Interest putInterest(
      @PathVariable String domain,
      @PathVariable String name,
      @Nullable @Body InterestBody body,
      Principal principal) {
    return exchange.putInterest(principal, domain, name, body == null ? null : body.useCase());
  }

  @Delete("/products/{domain}/{name}/interest")
  public HttpResponse<Void> removeInterest(
      @PathVariable String domain, @PathVariable String name, Principal principal) {
    if (!exchange.removeInterest(principal, domain, name)) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "you registered no interest in " + domain + "/" + name);
    }
    return HttpResponse.noContent();
  }

  @Get("/products/{domain}/{name}/interest")
  public Map<String, Object> interest(
      @PathVariable String domain, @PathVariable String name, Principal principal) {
    return exchange.interest(principal, domain, name);
  }

  @Get("/demand")
  public List<Map<String, Object>> demand(
      @Nullable @QueryValue String domain,
      @Nullable @QueryValue String state,
      Principal principal) {
    return exchange.demand(principal, domain, state);
  }

  @Get("/inbox")
  public List<ExchangeRepository.InboxItem> inbox(Principal principal) {
    return exchange.inbox(principal);
  }

  @Post("/inbox/{id}/read")
  public HttpResponse<Void> read(@PathVariable long id, Principal principal) {
    exchange.markRead(principal, id);
    return HttpResponse.noContent();
  }
}
