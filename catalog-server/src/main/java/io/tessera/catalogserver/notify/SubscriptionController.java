package io.tessera.catalogserver.notify;

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
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import java.util.List;

/**
 * Subscriptions over REST: make one (a webhook's generated secret is in this answer only), list the
 * caller's, remove one, and see its deliveries (see docs/observability.md).
 */
@Tag(
    name = "Subscriptions",
    description = "Webhook and e-mail subscriptions to product and domain events")
@Controller("/api/v1/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionController {
  private final SubscriptionService subscriptions;

  public SubscriptionController(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Post
  public HttpResponse<SubscriptionService.Created> subscribe(
      @Nullable @Body SubscriptionService.Input body, Principal principal, AccessScope scope) {
    SubscriptionService.Input in =
        body == null
            ? new SubscriptionService.Input(null, null, null, null, null, null, null)
            : body;
    return HttpResponse.status(HttpStatus.CREATED)
        .body(subscriptions.subscribe(scope, principal, in));
  }

  @Get
  public List<Subscription> list(Principal principal) {
    return subscriptions.list(principal);
  }

  @Get("/{id}")
  public Subscription get(@PathVariable String id, Principal principal) {
    return subscriptions.get(principal, id);
  }

  @Delete("/{id}")
  public HttpResponse<Void> delete(@PathVariable String id, Principal principal) {
    subscriptions.unsubscribe(principal, id);
    return HttpResponse.noContent();
  }

  @Get("/{id}/deliveries")
  public List<Delivery> deliveries(
      @PathVariable String id, @Nullable @QueryValue Integer limit, Principal principal) {
    return subscriptions.deliveries(principal, id, limit == null ? 50 : limit);
  }
}
