package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.governance.Principal;

/**
 * {@code Mutation.approveAccessRequest}, {@code rejectAccessRequest}, {@code withdrawAccessRequest}
 * and {@code revokeAccessRequest}: one transition of a request, as {@code POST
 * /api/v1/access-requests/{id}/{transition}} makes it; who may make it and what it needs are the
 * service's rules.
 */
final class AccessRequestTransitionDataFetcher implements DataFetcher<AccessRequest> {

  /** The transitions a caller makes. */
  enum Transition {
    APPROVE,
    REJECT,
    WITHDRAW,
    REVOKE
  }

  private final ExchangeService exchange;
  private final Transition transition;

  AccessRequestTransitionDataFetcher(ExchangeService exchange, Transition transition) {
    this.exchange = exchange;
    this.transition = transition;
  }

  @Override
  public AccessRequest get(DataFetchingEnvironment env) {
    Principal principal = GraphQLRequest.scope(env).principal();
    String id = env.getArgument("id");
    String reason = env.getArgument("reason");
    return switch (transition) {
      case APPROVE -> exchange.approve(principal, id, reason, env.getArgument("durationDays"));
      case REJECT -> exchange.reject(principal, id, reason);
      case WITHDRAW -> exchange.withdraw(principal, id, reason);
      case REVOKE -> exchange.revoke(principal, id, reason);
    };
  }
}
