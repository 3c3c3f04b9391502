package io.tessera.catalogserver.graphql;

import graphql.ExecutionInput;
import io.micronaut.configuration.graphql.DefaultGraphQLExecutionInputCustomizer;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.ThreadExecutorMap;
import io.tessera.catalogserver.security.AccessScopes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Prepares every GraphQL execution: puts the caller's access scope (computed once per request by
 * {@link AccessScopes}) and the query's deadline in the GraphQL context, gives it a fresh set of
 * DataLoaders, and makes sure the execution runs on a blocking thread (handing it to the blocking
 * executor when it arrives on an event loop) so that graph reads never run on the event loop.
 */
@Singleton
@Replaces(DefaultGraphQLExecutionInputCustomizer.class)
public class GraphQLRequestCustomizer implements GraphQLExecutionInputCustomizer {
  private final AccessScopes scopes;
  private final CatalogLoaders loaders;
  private final GraphQLConfig config;
  private final Scheduler blocking;

  public GraphQLRequestCustomizer(
      AccessScopes scopes,
      CatalogLoaders loaders,
      GraphQLConfig config,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.scopes = scopes;
    this.loaders = loaders;
    this.config = config;
    this.blocking = Schedulers.fromExecutorService(executor);
  }

  @Override
  public Publisher<ExecutionInput> customize(
      ExecutionInput input, HttpRequest httpRequest, MutableHttpResponse<String> response) {
    GraphQLRequest request =
        new GraphQLRequest(
            scopes.of(httpRequest), Instant.now().plus(config.timeout()), config.timeout());
    ExecutionInput prepared =
        input.transform(
            b ->
                b.dataLoaderRegistry(loaders.registry())
                    .graphQLContext(c -> c.put(GraphQLRequest.KEY, request)));
    // The request usually arrives here on a blocking thread already (authentication runs there);
    // another hand-over would only add a thread switch to every query. Never run on an event loop.
    return onEventLoop() ? Mono.just(prepared).publishOn(blocking) : Mono.just(prepared);
  }

  /** Whether the current thread is one of Netty's event loops (which must never block). */
  static boolean onEventLoop() {
    return ThreadExecutorMap.currentExecutor() != null
        || Thread.currentThread() instanceof FastThreadLocalThread;
  }
}
