package io.tessera.catalogserver.usage;

import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who uses a data product, in one list: its active agreements (for its domain's owners and admins
 * only), the jobs of other domains that read its datasets, and the products that declare one of its
 * datasets or contracts as input. Jobs and products the caller may not discover are left out.
 */
@Singleton
public class ConsumerService {
  private static final Comparator<Consumer> ORDER =
      Comparator.comparing(Consumer::since, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Consumer::kind)
          .thenComparing(Consumer::name);

  private final UsageGraph graph;
  private final UsageRecords records;
  private final JobDomains jobDomains;
  private final IriMinter iris;
  private final Clock clock = Clock.systemUTC();

  ConsumerService(UsageGraph graph, UsageRecords records, JobDomains jobDomains, IriMinter iris) {
    this.graph = graph;
    this.records = records;
    this.jobDomains = jobDomains;
    this.iris = iris;
  }

  /**
   * The consumers of a product, earliest first, or null when there is no such product. The caller
   * checks first that the scope may read the product.
   */
  public List<Consumer> consumers(String domain, String name, AccessScope scope) {
    ProductOutline product = graph.outlines(iris.product(domain, name)).get(domain + "/" + name);
    if (product == null) {
      return null;
    }
    List<Consumer> consumers = new ArrayList<>();
    Principal principal = scope.principal();
    if (principal.isAdmin() || principal.ownsDomain(domain)) {
      for (UsageRecords.Agreement a : records.activeAgreements(domain, name, Instant.now(clock))) {
        String purpose = a.purposeCode() != null ? a.purposeCode() : a.purpose();
        consumers.add(new Consumer(Consumer.AGREEMENT, a.requester(), null, purpose, a.start()));
      }
    }
    consumers.addAll(jobs(product, scope));
    consumers.addAll(products(product, scope));
    consumers.sort(ORDER);
    return consumers;
  }

  private List<Consumer> jobs(ProductOutline product, AccessScope scope) {
    JobDomains.Lookup domains = jobDomains.lookup();
    Map<String, Consumer> byJob = new HashMap<>();
    for (DatasetRead read : graph.readersOf(product.datasets())) {
      Set<String> jobDomain = domains.of(read.jobIri());
      if (jobDomain.contains(product.domain())
          || !scope.mayDiscover(iris.jobGraph(read.namespace(), read.name()))) {
        continue;
      }
      Consumer job =
          new Consumer(
              Consumer.JOB,
              read.jobName(),
              jobDomain.isEmpty() ? null : jobDomain.iterator().next(),
              null,
              read.since());
      byJob.merge(read.jobIri(), job, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
    }
    return List.copyOf(byJob.values());
  }

  private List<Consumer> products(ProductOutline product, AccessScope scope) {
    List<String> keys = new ArrayList<>();
    for (String key : graph.productsReading(product.datasets(), product.contracts())) {
      String[] parts = key.split("/", 2);
      if (!key.equals(product.key())
          && parts.length == 2
          && scope.mayDiscover(iris.productGraph(parts[0], parts[1]))) {
        keys.add(key);
      }
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<String, String> byIri = new HashMap<>();
    for (String key : keys) {
      String[] parts = key.split("/", 2);
      byIri.put(iris.product(parts[0], parts[1]), key);
    }
    Map<String, Instant> declared = records.declared(byIri.keySet());
    List<Consumer> consumers = new ArrayList<>();
    for (Map.Entry<String, String> e : byIri.entrySet()) {
      String key = e.getValue();
      String[] parts = key.split("/", 2);
      Instant since = declared.get(e.getKey());
      consumers.add(new Consumer(Consumer.PRODUCT, key, parts[0], null, since));
    }
    return consumers;
  }
}
