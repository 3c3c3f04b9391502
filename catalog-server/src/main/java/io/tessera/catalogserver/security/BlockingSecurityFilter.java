package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Micronaut Security's filter, run on the blocking executor rather than the event loop: an API
 * token is looked up in the database, and every 401 and 403 is written to the audit log.
 */
@Replaces(SecurityFilter.class)
@Filter(Filter.MATCH_ALL_PATTERN)
public class BlockingSecurityFilter extends SecurityFilter {
  private final Scheduler blocking;

  public BlockingSecurityFilter(
      Collection<SecurityRule<HttpRequest<?>>> securityRules,
      Collection<AuthenticationFetcher<HttpRequest<?>>> authenticationFetchers,
      SecurityConfiguration securityConfiguration,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    super(securityRules, authenticationFetchers, securityConfiguration);
    this.blocking = Schedulers.fromExecutorService(executor);
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    return Mono.defer(() -> Mono.from(super.doFilter(request, chain))).subscribeOn(blocking);
  }
}
