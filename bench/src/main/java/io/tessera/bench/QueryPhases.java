package io.tessera.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The read side over HTTP, one client, each series after a warm-up: lineage at depth 1 upstream and
 * at depth 5 and 20 upstream, downstream and both ways from chain ends, hubs and random datasets,
 * search, suggest, the product page over REST and (if the server has it) GraphQL, and the cheapest
 * request there is ({@code /health}) next to the no-op floor's.
 */
final class QueryPhases {
  /** The depths measured in every direction and from every kind of start (depth 1: upstream). */
  static final int[] DEEP = {5, 20};

  static final List<String> DIRECTIONS = List.of("upstream", "downstream", "both");

  private final HttpLoad load;
  private final URI server;
  private final URI noop;
  private final QueryPlan plan;
  private final PrintStream progress;

  QueryPhases(HttpLoad load, URI server, URI noop, QueryPlan plan, PrintStream progress) {
    this.load = load;
    this.server = server;
    this.noop = noop;
    this.plan = plan;
    this.progress = progress;
  }

  void run(Report report, Measurements m, Deadline budget)
      throws IOException, InterruptedException {
    measure(
        report,
        m,
        "lineage-1",
        budget,
        i -> get(lineagePath(QueryPlan.cycle(plan.lineageStarts, i), 1, "upstream")));
    for (int depth : DEEP) {
      for (String direction : DIRECTIONS) {
        for (QueryPlan.Start start : QueryPlan.Start.values()) {
          int d = depth;
          List<Topology.Dataset> starts = plan.startsByKind.get(start);
          measure(
              report,
              m,
              lineageKey(direction, depth, start),
              budget,
              i -> get(lineagePath(QueryPlan.cycle(starts, i), d, direction)));
        }
      }
    }
    measure(
        report,
        m,
        "search",
        budget,
        i -> get("/api/v1/search?limit=10&q=" + enc(QueryPlan.cycle(plan.searches, i))));
    measure(
        report,
        m,
        "suggest",
        budget,
        i -> get("/api/v1/search/suggest?prefix=" + enc(QueryPlan.cycle(plan.prefixes, i))));
    measure(
        report,
        m,
        "product",
        budget,
        i -> {
          String[] p = QueryPlan.cycle(plan.products, i);
          return get("/api/v1/products/" + p[0] + "/" + p[1]);
        });
    boolean graphql = graphql(report, m, budget);
    asConsumer(report, m, budget, graphql);
    measure(report, m, "health", budget, i -> get("/health"));
    Series floor =
        series(
            "health (no-op floor)",
            i -> HttpRequest.newBuilder(noop.resolve("/health")).GET().build(),
            budget);
    m.floor.put("health", floor);
    report.series(floor);
  }

  /** The series key of a lineage walk, e.g. {@code lineage-downstream-5-hubs}. */
  static String lineageKey(String direction, int depth, QueryPlan.Start start) {
    return "lineage-" + direction + "-" + depth + "-" + start.key();
  }

  /** Tessera's directed walk (every dataset-job hop counts), the server's default node limit. */
  static String lineagePath(Topology.Dataset ds, int depth, String direction) {
    return "/api/v1/lineage?traversal=directed&direction="
        + direction
        + "&depth="
        + depth
        + "&nodeId="
        + enc("dataset:" + ds.namespace() + ":" + ds.name());
  }

  /**
   * Search, suggest and the GraphQL product page again as a consumer from the {@code eu} region
   * with an {@code analytics} purpose, whom the mesh's 100 policies restrict: the same requests as
   * the admin's series (which no policy filters). Search and suggest get the library floor (set by
   * {@link FloorPhases}), the GraphQL page the admin's series, so its ratio is what policy
   * filtering adds. A server that cannot issue the token gets an n/a row.
   */
  private void asConsumer(Report report, Measurements m, Deadline budget, boolean graphql)
      throws IOException, InterruptedException {
    HttpResponse<String> issued =
        load.send(
            Loader.postRequest(
                server,
                "/api/v1/tokens",
                "application/json",
                "{\"subject\":\"bench-consumer\",\"roles\":[\"consumer\"],\"attributes\":"
                    + "{\"region\":[\"eu\"],\"purposes\":[\"analytics\"]}}"));
    if (issued.statusCode() != 201 && issued.statusCode() != 200) {
      m.notes.put("search-consumer", "n/a: POST /api/v1/tokens answered " + issued.statusCode());
      return;
    }
    String token =
        "Bearer "
            + new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(issued.body())
                .path("secret")
                .asText();
    measure(
        report,
        m,
        "search-consumer",
        budget,
        i -> get("/api/v1/search?limit=10&q=" + enc(QueryPlan.cycle(plan.searches, i)), token));
    measure(
        report,
        m,
        "suggest-consumer",
        budget,
        i -> get("/api/v1/search/suggest?prefix=" + enc(QueryPlan.cycle(plan.prefixes, i)), token));
    if (graphql) {
      measure(
          report,
          m,
          "graphql-consumer",
          budget,
          i -> graphqlRequest(QueryPlan.cycle(plan.products, i), token));
      m.floor.put("graphql-consumer", m.tessera.get("graphql"));
      m.notes.put("graphql-consumer", "floor: the admin's series (no policy filtering)");
    }
  }

  /** Probes {@code POST /graphql}; a 404 means the server has no GraphQL and the row says n/a. */
  private boolean graphql(Report report, Measurements m, Deadline budget)
      throws IOException, InterruptedException {
    String[] first = plan.products.getFirst();
    HttpResponse<String> probe = load.send(graphqlRequest(first));
    if (probe.statusCode() == 404) {
      m.notes.put("graphql", "n/a: POST /graphql answers 404");
      progress.println("  GraphQL: not served (404), reported as n/a");
      return false;
    }
    if (probe.statusCode() != 200 || probe.body().contains("\"errors\"")) {
      m.notes.put(
          "graphql",
          "n/a: the product query answered "
              + probe.statusCode()
              + " "
              + Loader.abbreviate(probe.body(), 120));
      progress.println("  GraphQL: the product query was not accepted, reported as n/a");
      return false;
    }
    measure(report, m, "graphql", budget, i -> graphqlRequest(QueryPlan.cycle(plan.products, i)));
    return true;
  }

  private HttpRequest graphqlRequest(String[] product) {
    return graphqlRequest(product, Harness.AUTHORIZATION);
  }

  private HttpRequest graphqlRequest(String[] product, String authorization) {
    String body =
        "{\"query\":\"query($d:String!,$n:String!){product(domain:$d,name:$n){title description"
            + " lifecycle state outputPorts{edges{node{name dataset{namespace name"
            + " fields{edges{node{name type}}} producedBy{edges{node{name}}}"
            + " consumedBy{edges{node{name}}}}}}}}}\",\"variables\":{\"d\":\""
            + product[0]
            + "\",\"n\":\""
            + product[1]
            + "\"}}";
    return HttpRequest.newBuilder(server.resolve("/graphql"))
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private void measure(
      Report report,
      Measurements m,
      String key,
      Deadline budget,
      IntFunction<HttpRequest> request) {
    Series s = series(key, request, budget);
    m.tessera.put(key, s);
    report.series(s);
    progress.printf(
        "  %-36s %4d requests  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  %s%n",
        key, s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.statuses());
  }

  /** A warm-up, then {@code iterations} requests from one client, bounded by the budget. */
  private Series series(String label, IntFunction<HttpRequest> request, Deadline budget) {
    load.run(label + " warm-up", 1, counted(request, plan.warmup()), bound(budget, plan));
    return load.run(label, 1, counted(request, plan.iterations), bound(budget, plan));
  }

  /**
   * A series' share of what is left of the budget (a twelfth), and at least the plan's minimum (ten
   * seconds, three in smoke mode, where a series is there to prove the path works).
   */
  static Deadline bound(Deadline budget, QueryPlan plan) {
    return Deadline.in(Math.max(plan.minSeriesSeconds, budget.remainingSeconds() / 12));
  }

  private static Supplier<HttpRequest> counted(IntFunction<HttpRequest> request, int n) {
    AtomicInteger next = new AtomicInteger();
    return () -> {
      int i = next.getAndIncrement();
      return i < n ? request.apply(i) : null;
    };
  }

  private HttpRequest get(String path) {
    return get(path, Harness.AUTHORIZATION);
  }

  private HttpRequest get(String path, String authorization) {
    return HttpRequest.newBuilder(server.resolve(path))
        .header("Authorization", authorization)
        .timeout(plan.requestTimeout)
        .GET()
        .build();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
