package io.tessera.catalogserver.usage;

import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
  private static final Comparator<Instant> SINCE = Comparator.nullsLast(Comparator.naturalOrder());

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
    if (seesAgreements(scope.principal(), domain)) {
      for (UsageRecords.Agreement a : records.activeAgreements(domain, name, Instant.now(clock))) {
        consumers.add(
            new Consumer(Consumer.AGREEMENT, a.requester(), null, a.purposeText(), a.start()));
      }
    }
    for (ReadingJob job : readingJobs(product.datasets(), scope)) {
      if (!job.domains().contains(product.domain())) {
        consumers.add(
            new Consumer(
                Consumer.JOB,
                job.name(),
                job.domains().isEmpty() ? null : job.domains().iterator().next(),
                null,
                job.since()));
      }
    }
    consumers.addAll(products(product, scope));
    consumers.sort(ORDER);
    return consumers;
  }

  /**
   * Whether a principal sees who holds agreements on (and who is interested in) a domain's
   * products: its owners and admins.
   */
  static boolean seesAgreements(Principal principal, String domain) {
    return principal.isAdmin() || principal.ownsDomain(domain);
  }

  /**
   * A job that reads some datasets, as the caller may see it.
   *
   * @param domains the job's domains, sorted (empty when it writes only unclaimed datasets)
   * @param since its earliest reading run, or null
   */
  record ReadingJob(String jobIri, String name, Set<String> domains, Instant since) {}

  /**
   * The jobs lineage shows reading any of these datasets, whatever their domain, each once with its
   * earliest reading run; jobs the caller may not discover are left out.
   */
  List<ReadingJob> readingJobs(Collection<String> datasetIris, AccessScope scope) {
    JobDomains.Lookup domains = jobDomains.lookup();
    Map<String, ReadingJob> byJob = new LinkedHashMap<>();
    for (DatasetRead read : graph.readersOf(datasetIris)) {
      if (!scope.mayDiscover(iris.jobGraph(read.namespace(), read.name()))) {
        continue;
      }
      ReadingJob job =
          new ReadingJob(read.jobIri(), read.jobName(), domains.of(read.jobIri()), read.since());
      byJob.merge(read.jobIri(), job, (a, b) -> SINCE.compare(a.since(), b.since()) <= 0 ? a : b);
    }
    return List.copyOf(byJob.values());
  }

  /**
   * The keys ({@code domain/name}) of the products whose input ports read one of these datasets or
   * through one of these contracts, sorted, except {@code exceptKey}; products the caller may not
   * discover are left out.
   */
  List<String> readingProducts(
      Collection<String> datasetIris,
      Collection<String> contractIds,
      String exceptKey,
      AccessScope scope) {
    Set<String> keys = new TreeSet<>();
    for (String key : graph.productsReading(datasetIris, contractIds)) {
      String[] parts = key.split("/", 2);
      if (!key.equals(exceptKey)
          && parts.length == 2
          && scope.mayDiscover(iris.productGraph(parts[0], parts[1]))) {
        keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  private List<Consumer> products(ProductOutline product, AccessScope scope) {
    List<String> keys =
        readingProducts(product.datasets(), product.contracts(), product.key(), scope);
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
