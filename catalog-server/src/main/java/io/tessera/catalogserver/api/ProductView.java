package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortAccess;
import io.tessera.graphstore.PortBinding;
import io.tessera.graphstore.Product;
import io.tessera.ontology.IriMinter;
import java.time.Instant;
import java.util.List;

/**
 * A data product as the REST API shows it.
 *
 * @param lifecycle the declared DPROD lifecycle status (ideation ... consume, deprecated, retired)
 * @param state {@code planned} or {@code physical}: what the catalog has observed
 * @param health {@code healthy}, {@code degraded} or {@code failing} once evaluated (details at
 *     {@code /health})
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductView(
    String iri,
    String domain,
    String name,
    String title,
    String description,
    String purpose,
    String owner,
    String lifecycle,
    String state,
    Instant physicalSince,
    List<String> classification,
    List<String> tags,
    List<PortView> outputPorts,
    List<PortView> inputPorts,
    List<DatasetView> groups,
    String identifier,
    String sourceFormat,
    long revision,
    String health) {

  /** A port with its promised dataset and schema and, once observed, its binding. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PortView(
      String iri,
      String name,
      String type,
      String description,
      DatasetView dataset,
      String contract,
      List<FieldDef> schema,
      BindingView binding,
      AccessView access) {}

  /**
   * How a consumer reaches an output port; {@code endpoint} is the URL to connect to, whether the
   * descriptor gave a {@code url} or a {@code host}, {@code port} and {@code database}.
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AccessView(
      String protocol,
      String endpoint,
      String url,
      String host,
      Integer port,
      String database,
      String format,
      String topic,
      String path,
      String documentation) {
    static AccessView of(PortAccess a) {
      return a == null
          ? null
          : new AccessView(
              a.protocol(),
              a.endpoint(),
              a.url(),
              a.host(),
              a.port(),
              a.database(),
              a.format(),
              a.topic(),
              a.path(),
              a.documentation());
    }
  }

  /** An OpenLineage dataset identity and its catalog IRI. */
  @Serdeable
  public record DatasetView(String iri, String namespace, String name) {
    static DatasetView of(DatasetRef ref, IriMinter iris) {
      return ref == null
          ? null
          : new DatasetView(iris.dataset(ref.namespace(), ref.name()), ref.namespace(), ref.name());
    }
  }

  /**
   * When and by what evidence a port was bound to an observed dataset, and how the promised dataset
   * matched it.
   *
   * @param dataset the dataset the run was seen writing (for Spark often the storage path)
   * @param match {@code name} when the written dataset has the promised namespace and name, {@code
   *     symlink} when the run reported the promised dataset as a symlink of the written one
   * @param symlink the symlink that matched, with its type, or null for {@code name}
   * @param description the match in words
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BindingView(
      DatasetView dataset,
      Instant boundAt,
      String evidence,
      String match,
      SymlinkView symlink,
      String description) {
    static BindingView of(PortBinding binding, IriMinter iris) {
      PortBinding.Symlink through = binding.through();
      return new BindingView(
          DatasetView.of(binding.dataset(), iris),
          binding.boundAt(),
          binding.evidence(),
          through == null ? "name" : "symlink",
          through == null
              ? null
              : new SymlinkView(
                  iris.dataset(through.identifier().namespace(), through.identifier().name()),
                  through.identifier().namespace(),
                  through.identifier().name(),
                  through.type()),
          binding.explanation());
    }
  }

  /** A symlink identifier a pipeline reported for the dataset it wrote, with its type. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SymlinkView(String iri, String namespace, String name, String type) {}

  /** One line of a product listing. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Summary(
      String iri,
      String domain,
      String name,
      String title,
      String description,
      String owner,
      String lifecycle,
      String state,
      Instant physicalSince,
      String health) {
    static Summary of(Product p, IriMinter iris) {
      return new Summary(
          iris.product(p.domain(), p.name()),
          p.domain(),
          p.name(),
          p.title(),
          p.description(),
          p.owner(),
          p.lifecycle().slug(),
          p.physical() ? "physical" : "planned",
          p.physicalSince(),
          p.health());
    }
  }

  static ProductView of(Product p, IriMinter iris) {
    return new ProductView(
        iris.product(p.domain(), p.name()),
        p.domain(),
        p.name(),
        p.title(),
        p.description(),
        p.purpose(),
        p.owner(),
        p.lifecycle().slug(),
        p.physical() ? "physical" : "planned",
        p.physicalSince(),
        p.classification(),
        p.tags(),
        ports(p, p.outputPorts(), iris),
        ports(p, p.inputPorts(), iris),
        p.groups().stream().map(g -> DatasetView.of(g, iris)).toList(),
        p.identifier(),
        p.sourceFormat(),
        p.revision(),
        p.health());
  }

  /**
   * The product as a caller who may discover it but not read it sees it: its ports keep their names
   * and types and lose datasets, contracts, schemas, bindings and access.
   */
  ProductView withoutDetails() {
    return new ProductView(
        iri,
        domain,
        name,
        title,
        description,
        purpose,
        owner,
        lifecycle,
        state,
        physicalSince,
        classification,
        tags,
        outline(outputPorts),
        outline(inputPorts),
        List.of(),
        identifier,
        sourceFormat,
        revision,
        health);
  }

  private static List<PortView> outline(List<PortView> ports) {
    return ports.stream()
        .map(
            p ->
                new PortView(
                    p.iri(), p.name(), p.type(), p.description(), null, null, null, null, null))
        .toList();
  }

  private static List<PortView> ports(Product p, List<Port> ports, IriMinter iris) {
    return ports.stream()
        .map(
            port ->
                new PortView(
                    iris.port(p.domain(), p.name(), port.name()),
                    port.name(),
                    port.type().slug(),
                    port.description(),
                    DatasetView.of(port.dataset(), iris),
                    port.contract(),
                    port.schema(),
                    port.binding() == null ? null : BindingView.of(port.binding(), iris),
                    AccessView.of(port.access())))
        .toList();
  }
}
