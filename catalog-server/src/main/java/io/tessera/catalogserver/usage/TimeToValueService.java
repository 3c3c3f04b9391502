package io.tessera.catalogserver.usage;

import io.tessera.governance.AccessScope;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Time-to-value: when products were declared, planned (promised a dataset), turned physical and
 * found their first consumer, computed on request from the revisions, the agreements and the graph.
 * The mesh-wide figures take a fixed number of queries whatever the number of products: one graph
 * query for the products' outlines, one for the jobs reading datasets, and three relational ones.
 */
@Singleton
public class TimeToValueService {
  static final int STUCK_LIMIT = 5;

  private final UsageGraph graph;
  private final UsageRecords records;
  private final JobDomains jobDomains;
  private final IriMinter iris;
  private final Clock clock;

  TimeToValueService(
      UsageGraph graph, UsageRecords records, JobDomains jobDomains, IriMinter iris) {
    this.graph = graph;
    this.records = records;
    this.jobDomains = jobDomains;
    this.iris = iris;
    this.clock = Clock.systemUTC();
  }

  /** One product's milestones, or null when there is no such product. */
  public ProductTimeToValue product(String domain, String name) {
    String iri = iris.product(domain, name);
    ProductOutline outline = graph.outlines(iri).get(domain + "/" + name);
    if (outline == null) {
      return null;
    }
    Map<String, Instant> firstReads =
        firstForeignReads(List.of(outline), graph.readersOf(outline.datasets()));
    Instant agreement = records.firstAgreements(domain, name).get(outline.key());
    return ProductTimeToValue.of(
        new Milestones(
            outline.key(),
            records.declared(List.of(iri)).get(iri),
            records.planned(iri).get(iri),
            outline.physicalAt(),
            Milestones.earlier(agreement, firstReads.get(outline.key()))));
  }

  /**
   * The figures over a domain's products (or the mesh's when null) that the caller may discover.
   */
  public MeshTimeToValue mesh(String domain, AccessScope scope) {
    List<ProductOutline> outlines = new ArrayList<>();
    for (ProductOutline o : graph.outlines(null).values()) {
      if ((domain == null || domain.equals(o.domain()))
          && scope.mayDiscover(iris.productGraph(o.domain(), o.name()))) {
        outlines.add(o);
      }
    }
    List<Milestones> milestones = new ArrayList<>();
    Map<String, ProductOutline> byKey = new HashMap<>();
    if (!outlines.isEmpty()) {
      Map<String, Instant> reads = firstForeignReads(outlines, graph.allReaders());
      Map<String, Instant> declared = records.declared(null);
      Map<String, Instant> planned = records.planned(null);
      Map<String, Instant> agreements = records.firstAgreements(null, null);
      for (ProductOutline o : outlines) {
        String iri = iris.product(o.domain(), o.name());
        byKey.put(o.key(), o);
        milestones.add(
            new Milestones(
                o.key(),
                declared.get(iri),
                planned.get(iri),
                o.physicalAt(),
                Milestones.earlier(agreements.get(o.key()), reads.get(o.key()))));
      }
    }
    Instant now = Instant.now(clock);
    return summarize(domain, milestones, byKey, now);
  }

  /** Quarters and stuck products from milestones (no I/O), for the mesh view and its tests. */
  static MeshTimeToValue summarize(
      String domain,
      List<Milestones> milestones,
      Map<String, ProductOutline> outlines,
      Instant now) {
    Map<String, Map<LeadTime, List<Long>>> quarters = new TreeMap<>();
    List<MeshTimeToValue.StuckProduct> notPlanned = new ArrayList<>();
    List<MeshTimeToValue.StuckProduct> notPhysical = new ArrayList<>();
    List<MeshTimeToValue.StuckProduct> noConsumer = new ArrayList<>();
    for (Milestones m : milestones) {
      for (LeadTime lead : LeadTime.values()) {
        Duration d = lead.of(m);
        if (d != null) {
          quarters
              .computeIfAbsent(
                  LeadTimeStats.quarter(lead.reached(m)), q -> new EnumMap<>(LeadTime.class))
              .computeIfAbsent(lead, l -> new ArrayList<>())
              .add(d.toSeconds());
        }
      }
      ProductOutline outline = outlines.get(m.key());
      if (outline != null && outline.winding()) {
        continue;
      }
      if (m.declaredAt() != null && m.plannedAt() == null && m.physicalAt() == null) {
        notPlanned.add(stuck(m.key(), m.declaredAt(), now));
      } else if (m.plannedAt() != null && m.physicalAt() == null) {
        notPhysical.add(stuck(m.key(), m.plannedAt(), now));
      } else if (m.physicalAt() != null && m.firstConsumerAt() == null) {
        noConsumer.add(stuck(m.key(), m.physicalAt(), now));
      }
    }
    List<MeshTimeToValue.Quarter> byQuarter = new ArrayList<>();
    quarters.forEach(
        (quarter, leads) ->
            byQuarter.add(
                new MeshTimeToValue.Quarter(
                    quarter,
                    summary(leads.get(LeadTime.DECLARED_TO_PLANNED)),
                    summary(leads.get(LeadTime.PLANNED_TO_PHYSICAL)),
                    summary(leads.get(LeadTime.PHYSICAL_TO_FIRST_CONSUMER)),
                    summary(leads.get(LeadTime.DECLARED_TO_FIRST_CONSUMER)))));
    return new MeshTimeToValue(
        domain,
        milestones.size(),
        now,
        byQuarter,
        new MeshTimeToValue.Stuck(top(notPlanned), top(notPhysical), top(noConsumer)));
  }

  /**
   * For each product, the earliest run of a job of another domain (one that writes no dataset of a
   * product of the product's domain) reading one of its datasets.
   */
  private Map<String, Instant> firstForeignReads(
      List<ProductOutline> products, List<DatasetRead> reads) {
    Map<String, List<ProductOutline>> byDataset = new HashMap<>();
    for (ProductOutline p : products) {
      for (String dataset : p.datasets()) {
        byDataset.computeIfAbsent(dataset, d -> new ArrayList<>()).add(p);
      }
    }
    JobDomains.Lookup domains = jobDomains.lookup();
    Map<String, Instant> first = new HashMap<>();
    for (DatasetRead read : reads) {
      List<ProductOutline> served = byDataset.get(read.datasetIri());
      if (read.since() == null || served == null) {
        continue;
      }
      Set<String> jobDomain = domains.of(read.jobIri());
      Set<String> counted = new HashSet<>();
      for (ProductOutline p : served) {
        if (!jobDomain.contains(p.domain()) && counted.add(p.key())) {
          first.merge(p.key(), read.since(), Milestones::earlier);
        }
      }
    }
    return first;
  }

  private static MeshTimeToValue.Summary summary(List<Long> seconds) {
    if (seconds == null || seconds.isEmpty()) {
      return null;
    }
    List<Long> sorted = seconds.stream().sorted().toList();
    long median = LeadTimeStats.percentile(sorted, 0.5);
    long p90 = LeadTimeStats.percentile(sorted, 0.9);
    return new MeshTimeToValue.Summary(
        sorted.size(),
        Duration.ofSeconds(median).toString(),
        median,
        Duration.ofSeconds(p90).toString(),
        p90);
  }

  private static MeshTimeToValue.StuckProduct stuck(String key, Instant since, Instant now) {
    Duration d = Duration.between(since, now);
    return new MeshTimeToValue.StuckProduct(key, since, d.toString(), d.toSeconds());
  }

  private static List<MeshTimeToValue.StuckProduct> top(List<MeshTimeToValue.StuckProduct> all) {
    return all.stream()
        .sorted(
            Comparator.comparing(MeshTimeToValue.StuckProduct::since)
                .thenComparing(MeshTimeToValue.StuckProduct::product))
        .limit(STUCK_LIMIT)
        .toList();
  }
}
