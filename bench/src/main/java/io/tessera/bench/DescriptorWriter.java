package io.tessera.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * Writes {@code tessera/v1} descriptors as YAML streams (documents separated by {@code ---}), in
 * the format of docs/descriptors.md. Every value written is a slug, an IRI or plain words, so flow
 * style with double-quoted namespaces is enough.
 */
final class DescriptorWriter {
  private static final String[] LIFECYCLES = {"ideation", "design", "build", "deploy", "consume"};
  private static final String[] TAGS = {
    "revenue", "daily", "gdpr", "kpi", "finance-close", "streaming", "batch", "golden", "ml-feature"
  };

  private final Topology topology;

  DescriptorWriter(Topology topology) {
    this.topology = topology;
  }

  void writeDomains(Writer w) throws IOException {
    for (int d = 0; d < topology.size().domains(); d++) {
      String name = topology.domainName(d);
      if (d > 0) {
        w.write("---\n");
      }
      w.write("apiVersion: tessera/v1\nkind: Domain\nmetadata: {name: " + name + "}\nspec:\n");
      w.write("  title: " + title(name) + "\n");
      w.write("  description: Synthetic domain " + name + " of the benchmark mesh.\n");
      w.write("  owner: mailto:" + name + "-owners@bench.example\n");
    }
  }

  /** Products {@code from} (inclusive) to {@code to} (exclusive). */
  void writeProducts(Writer w, int from, int to) throws IOException {
    for (int p = from; p < to; p++) {
      if (p > from) {
        w.write("---\n");
      }
      writeProduct(w, p);
    }
  }

  private void writeProduct(Writer w, int p) throws IOException {
    SplittableRandom r = topology.random(3, p);
    boolean planned = p >= topology.physicalProducts();
    String domain = topology.domainName(topology.productDomain(p));
    String name = topology.productName(p);
    w.write("apiVersion: tessera/v1\nkind: DataProduct\n");
    w.write("metadata: {domain: " + domain + ", name: " + name + "}\nspec:\n");
    w.write("  title: " + title(name) + "\n");
    w.write(
        "  description: "
            + (planned ? "Planned" : "Published")
            + " product "
            + title(name)
            + " of the "
            + title(domain)
            + " domain, built from "
            + Topology.ENTITIES[r.nextInt(Topology.ENTITIES.length)].replace('-', ' ')
            + " and "
            + Topology.ENTITIES[r.nextInt(Topology.ENTITIES.length)].replace('-', ' ')
            + ".\n");
    w.write("  owner: mailto:team-" + (p % 97) + "@bench.example\n");
    w.write(
        "  lifecycle: "
            + (planned
                ? LIFECYCLES[r.nextInt(2)]
                : LIFECYCLES[2 + r.nextInt(LIFECYCLES.length - 2)])
            + "\n");
    w.write(
        "  classification: ["
            + Topology.CLASSIFICATIONS[r.nextInt(Topology.CLASSIFICATIONS.length)]
            + "]\n");
    w.write(
        "  tags: ["
            + TAGS[r.nextInt(TAGS.length)]
            + ", "
            + domain.substring(0, domain.indexOf('-'))
            + "]\n");
    w.write("  outputPorts:\n");
    int[] ports = topology.productPorts(p);
    for (int k = 0; k < ports.length; k++) {
      Topology.Dataset ds = topology.dataset(ports[k]);
      boolean topic = ds.namespace().startsWith("kafka");
      w.write("    - name: " + (topic ? "topic" : "table") + "-" + k + "\n");
      w.write("      type: " + (topic ? "topic" : "table") + "\n");
      w.write(
          "      dataset: {namespace: \"" + ds.namespace() + "\", name: \"" + ds.name() + "\"}\n");
      w.write("      schema:\n");
      for (Topology.Column c : ds.columns()) {
        w.write("        - {name: " + c.name() + ", type: " + schemaType(c.type()));
        if (c.name().equals("id")) {
          w.write(", required: true");
        }
        if (c.name().startsWith("email")) {
          w.write(", classification: pii");
        }
        w.write("}\n");
      }
    }
    if (!planned) {
      Topology.Job job = topology.job(ports[0] - (topology.datasets() - topology.jobs()));
      w.write("  inputPorts:\n");
      for (int input : job.inputs()) {
        Topology.Dataset in = topology.dataset(input);
        w.write(
            "    - dataset: {namespace: \""
                + in.namespace()
                + "\", name: \""
                + in.name()
                + "\"}\n");
      }
    }
  }

  /** How many policies every mesh has (the security issue measures filtering with 100). */
  static final int POLICIES = 100;

  private static final String[] REGIONS = {"eu", "us", "apac", "latam"};

  /**
   * {@link #POLICIES} policies over the generated classifications and domains; returns how many.
   * Three global ones keep reading pii, restricted and confidential products to an analytics
   * purpose. The others alternate: three in four are scoped to a domain (each targets one
   * classification within it), one in four is global; each permits discover and read to one region
   * (a reader from another region does not see the products it targets unless another policy lets
   * it), and every fifth also prohibits reading for a marketing purpose.
   */
  int writePolicies(Writer w) throws IOException {
    String[][] purposes = {
      {"pii-needs-purpose", "pii"},
      {"restricted-needs-purpose", "restricted"},
      {"confidential-needs-purpose", "confidential"}
    };
    for (int i = 0; i < purposes.length; i++) {
      if (i > 0) {
        w.write("---\n");
      }
      w.write("apiVersion: tessera/v1\nkind: Policy\n");
      w.write("metadata: {name: " + purposes[i][0] + "}\nspec:\n");
      w.write(
          "  description: Anyone may find "
              + purposes[i][1]
              + " products; only readers with an analytics purpose may read them.\n");
      w.write("  targets:\n    classifications: [" + purposes[i][1] + "]\n");
      w.write("  permissions:\n");
      w.write("    - actions: [discover]\n");
      w.write("    - actions: [read]\n      constraints:\n");
      w.write("        - {attribute: purpose, operator: isAnyOf, values: [analytics]}\n");
    }
    int domains = topology.size().domains();
    for (int i = purposes.length; i < POLICIES; i++) {
      String classification = Topology.CLASSIFICATIONS[i % Topology.CLASSIFICATIONS.length];
      String region = REGIONS[(i / 2) % REGIONS.length];
      boolean global = i % 4 == 3;
      String domain = topology.domainName(i % domains);
      w.write("---\napiVersion: tessera/v1\nkind: Policy\n");
      w.write(
          "metadata: {"
              + (global ? "" : "domain: " + domain + ", ")
              + "name: "
              + classification
              + "-for-"
              + region
              + "-"
              + i
              + "}\nspec:\n");
      w.write(
          "  description: "
              + classification
              + " products"
              + (global ? "" : " of " + domain)
              + " are for readers in "
              + region
              + ".\n");
      w.write("  targets:\n    classifications: [" + classification + "]\n");
      w.write("  permissions:\n    - actions: [discover, read]\n      constraints:\n");
      w.write("        - {attribute: region, operator: isAnyOf, values: [" + region + "]}\n");
      if (i % 5 == 0) {
        w.write("  prohibitions:\n    - actions: [read]\n      constraints:\n");
        w.write("        - {attribute: purpose, operator: isAnyOf, values: [marketing]}\n");
      }
    }
    return POLICIES;
  }

  private static String schemaType(String sqlType) {
    String t = sqlType.toUpperCase(java.util.Locale.ROOT);
    if (t.startsWith("BIGINT") || t.startsWith("INTEGER")) {
      return "integer";
    }
    if (t.startsWith("DECIMAL")) {
      return "decimal";
    }
    if (t.startsWith("TIMESTAMP")) {
      return "timestamp";
    }
    if (t.startsWith("DATE")) {
      return "date";
    }
    if (t.startsWith("BOOLEAN")) {
      return "boolean";
    }
    return "string";
  }

  private static String title(String slug) {
    StringBuilder sb = new StringBuilder();
    for (String part : slug.split("-")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return sb.toString();
  }
}
