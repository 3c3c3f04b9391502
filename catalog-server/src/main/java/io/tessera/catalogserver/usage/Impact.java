package io.tessera.catalogserver.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Who a descriptor request would break: {@code POST /api/v1/descriptors/impact}. The JSON names are
 * a contract shared with {@code tessera check-breaking}.
 *
 * @param breaking whether any document has a breaking change, consumers or not
 * @param affectedConsumers the distinct consumers (kind and name) of all breaking changes
 * @param documents the request's documents in order, then the products named in {@code deleted}
 */
@JsonPropertyOrder({"breaking", "affectedConsumers", "documents"})
public record Impact(boolean breaking, int affectedConsumers, List<Document> documents) {

  /**
   * One document of the request, or one product to delete.
   *
   * @param index its position in the request; null for a product named in {@code deleted}
   * @param status as the dry run reports it ({@code created}, {@code updated}, {@code unchanged},
   *     {@code retired}), or {@code deleted}
   * @param breakingChanges empty when it breaks nothing
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"index", "kind", "domain", "name", "status", "breakingChanges"})
  public record Document(
      @JsonInclude(JsonInclude.Include.ALWAYS) Integer index,
      String kind,
      String domain,
      String name,
      String status,
      List<BreakingChange> breakingChanges) {}

  /**
   * One breaking change and who it would break.
   *
   * @param type {@code port-removed}, {@code dataset-moved}, {@code column-removed}, {@code
   *     column-retyped}, {@code column-required}, {@code product-retired} or {@code
   *     product-deleted}
   * @param port the output port, or null for a change of the whole product
   * @param column the column, or null
   * @param before what it was (a type, a dataset as {@code namespace/name}, {@code optional}, a
   *     lifecycle), or null
   * @param after what it becomes, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"type", "port", "column", "before", "after", "message", "consumers"})
  public record BreakingChange(
      String type,
      String port,
      String column,
      String before,
      String after,
      String message,
      List<Affected> consumers) {}

  /** A consumer a breaking change would break; {@code kind} names which one. */
  public sealed interface Affected {
    String kind();

    String name();
  }

  /**
   * A job lineage shows reading the changed port's dataset.
   *
   * @param name {@code namespace/name}
   * @param domain its domain (the product's own when it is one of them), or null when it writes
   *     only unclaimed datasets
   * @param columns the columns of the dataset its column lineage derives from (for a column change:
   *     the changed column), or null when it has no column lineage from the dataset: it reads the
   *     whole dataset
   * @param sameDomain whether it belongs to the changed product's own domain
   */
  @JsonPropertyOrder({"kind", "name", "domain", "columns", "sameDomain"})
  public record Job(
      String kind,
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) String domain,
      List<String> columns,
      boolean sameDomain)
      implements Affected {
    public Job(String name, String domain, List<String> columns, boolean sameDomain) {
      this("job", name, domain, columns, sameDomain);
    }
  }

  /**
   * A product whose input ports read the changed port's dataset or contract ({@code domain/name}).
   */
  @JsonPropertyOrder({"kind", "name", "domain"})
  public record Product(String kind, String name, String domain) implements Affected {
    public Product(String name, String domain) {
      this("product", name, domain);
    }
  }

  /** An active agreement on the product or the port: its holder and purpose. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"kind", "name", "purpose"})
  public record Agreement(String kind, String name, String purpose) implements Affected {
    public Agreement(String name, String purpose) {
      this("agreement", name, purpose);
    }
  }

  /** Interest registered in the planned product: who registered it. */
  @JsonPropertyOrder({"kind", "name"})
  public record Interest(String kind, String name) implements Affected {
    public Interest(String name) {
      this("interest", name);
    }
  }
}
