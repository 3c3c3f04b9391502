package io.tessera.ontology;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Mints the stable, readable IRIs of catalog instances and of the named graphs that hold them, all
 * under one configured base (e.g. {@code https://catalog.example.com}).
 *
 * <p>Slugs (domain, product and port names) are used as they are; free-form identifiers
 * (OpenLineage namespaces and names, field names, contract ids) are percent-encoded, so that {@code
 * postgres://db:5432} and {@code sales.public.orders} become one path segment each.
 */
public final class IriMinter {
  private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

  private final String base;

  /**
   * @param base the base IRI; a trailing slash is ignored
   * @throws OntologyException if the base is not an absolute http(s) or urn IRI
   */
  public IriMinter(String base) {
    Objects.requireNonNull(base, "base");
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    if (!trimmed.matches("^(https?://[^\\s/]+(/[^\\s]*)?|urn:[a-z0-9][a-z0-9-]*:[^\\s]*)$")) {
      throw new OntologyException("base IRI must be an absolute http(s) or urn IRI: " + base);
    }
    this.base = trimmed;
  }

  /** The base all IRIs start with, without a trailing slash. */
  public String base() {
    return base;
  }

  /** Whether a name can be used as a domain, product or port name. */
  public static boolean isSlug(String name) {
    return name != null && SLUG.matcher(name).matches();
  }

  public String domain(String domain) {
    return base + "/domain/" + slug(domain);
  }

  public String product(String domain, String product) {
    return base + "/product/" + slug(domain) + "/" + slug(product);
  }

  public String port(String domain, String product, String port) {
    return product(domain, product) + "/port/" + slug(port);
  }

  /** The distribution through which a port serves its dataset. */
  public String distribution(String portIri) {
    return portIri + "/distribution";
  }

  /** The schema a port promises. */
  public String schema(String portIri) {
    return portIri + "/schema";
  }

  public String field(String schemaIri, String fieldName) {
    return schemaIri + "/field/" + encode(fieldName);
  }

  /** A dataset, identified as OpenLineage does by namespace and name. */
  public String dataset(String namespace, String name) {
    return base + "/dataset/" + encode(namespace) + "/" + encode(name);
  }

  public String job(String namespace, String name) {
    return base + "/job/" + encode(namespace) + "/" + encode(name);
  }

  public String run(String runId) {
    return base + "/run/" + encode(runId);
  }

  /** The OpenLineage run id a run IRI was minted from ({@link #run}), or null for another IRI. */
  public String runId(String runIri) {
    String prefix = base + "/run/";
    if (runIri == null || !runIri.startsWith(prefix) || runIri.length() == prefix.length()) {
      return null;
    }
    return java.net.URLDecoder.decode(runIri.substring(prefix.length()), StandardCharsets.UTF_8);
  }

  public String classification(String slug) {
    return base + "/classification/" + slug(slug);
  }

  /** A protocol a port is reached by, e.g. {@code {base}/protocol/postgres}. */
  public String protocol(String slug) {
    return base + "/protocol/" + slug(slug);
  }

  /** A data format a port serves, e.g. {@code {base}/format/parquet}. */
  public String format(String slug) {
    return base + "/format/" + slug(slug);
  }

  public String contract(String contractId) {
    return base + "/contract/" + encode(contractId);
  }

  /** The named graph holding what a domain's descriptor declares. */
  public String domainGraph(String domain) {
    return base + "/graph/domain/" + slug(domain);
  }

  /** The named graph holding what a product's descriptor declares; replaced on every apply. */
  public String productGraph(String domain, String product) {
    return base + "/graph/product/" + slug(domain) + "/" + slug(product);
  }

  /**
   * What every {@link #productGraph} starts with, followed by the key the catalog stores the
   * product under ({@code domain/name}): for walks over many keys.
   */
  public String productGraphPrefix() {
    return base + "/graph/product/";
  }

  /** The named graph holding what has been observed about a product (port bindings). */
  public String observedGraph(String domain, String product) {
    return productGraph(domain, product) + "/observed";
  }

  /** A column of a dataset, as lineage sees it (stable across schema versions). */
  public String datasetField(String datasetIri, String fieldName) {
    return datasetIri + "/field/" + encode(fieldName);
  }

  /** The n-th observed schema of a dataset. */
  public String schemaVersion(String datasetIri, int version) {
    return datasetIri + "/schema/" + version;
  }

  /** A quality metric, e.g. {@code rowCount} or an assertion's name. */
  public String metric(String name) {
    return base + "/metric/" + encode(name);
  }

  /** The named graph holding what lineage observed about a job (its reads, writes, facets). */
  public String jobGraph(String namespace, String name) {
    return base + "/graph/lineage/job/" + encode(namespace) + "/" + encode(name);
  }

  /**
   * The named graph holding one run of a job: state, times, inputs, outputs, quality measurements.
   * It sits under the job's graph, so that whatever hides a job also hides its runs.
   */
  public String runGraph(String jobNamespace, String jobName, String runId) {
    return jobGraph(jobNamespace, jobName) + "/run/" + encode(runId);
  }

  /** The named graph of the job with this IRI (see {@link #job}). */
  public String jobGraphOf(String jobIri) {
    return base + "/graph/lineage/job/" + suffix(jobIri, "/job/");
  }

  /** The named graph of the dataset with this IRI (see {@link #dataset}). */
  public String datasetGraphOf(String datasetIri) {
    return base + "/graph/lineage/dataset/" + suffix(datasetIri, "/dataset/");
  }

  /** The named graph holding what lineage observed about a dataset: schemas, facets, changes. */
  public String datasetGraph(String namespace, String name) {
    return base + "/graph/lineage/dataset/" + encode(namespace) + "/" + encode(name);
  }

  /** An agent (owner) named in lineage facets. */
  public String agent(String name) {
    return base + "/agent/" + encode(name);
  }

  /** The named graph recording how far the event journal has been projected into lineage. */
  public String lineageStateGraph() {
    return base + "/graph/lineage/state";
  }

  /** The prefix shared by every lineage graph. */
  public String lineageGraphPrefix() {
    return base + "/graph/lineage/";
  }

  /** A policy: a domain's ({@code domain} non-null) or a global one. */
  public String policy(String domain, String name) {
    return domain == null
        ? base + "/policy/global/" + slug(name)
        : base + "/policy/domain/" + slug(domain) + "/" + slug(name);
  }

  /** The named graph holding a policy (its ODRL). */
  public String policyGraph(String domain, String name) {
    return domain == null
        ? policyGraphPrefix() + "global/" + slug(name)
        : policyGraphPrefix() + "domain/" + slug(domain) + "/" + slug(name);
  }

  /** The prefix shared by every policy graph. */
  public String policyGraphPrefix() {
    return base + "/graph/policy/";
  }

  /** A usage agreement on a product of a domain, named by the access request it came from. */
  public String agreement(String domain, String id) {
    return base + "/agreement/" + slug(domain) + "/" + encode(id);
  }

  /** The named graph holding one agreement (its ODRL). */
  public String agreementGraph(String domain, String id) {
    return agreementGraphPrefix() + slug(domain) + "/" + encode(id);
  }

  /** The prefix shared by every agreement graph (followed by the domain). */
  public String agreementGraphPrefix() {
    return base + "/graph/agreement/";
  }

  /** A principal (the assignee of an agreement), by its subject. */
  public String principal(String subject) {
    return base + "/principal/" + encode(subject);
  }

  /** The named graph holding the Tessera vocabulary and its individuals. */
  public String vocabularyGraph() {
    return base + "/graph/vocabulary";
  }

  private static String slug(String name) {
    if (!isSlug(name)) {
      throw new OntologyException("not a valid name (lowercase letters, digits, dashes): " + name);
    }
    return name;
  }

  private String suffix(String iri, String kind) {
    String prefix = base + kind;
    if (iri == null || !iri.startsWith(prefix) || iri.length() == prefix.length()) {
      throw new OntologyException("not an IRI minted under " + prefix + ": " + iri);
    }
    return iri.substring(prefix.length());
  }

  private static String encode(String value) {
    if (value == null || value.isEmpty()) {
      throw new OntologyException("identifier must not be empty");
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
