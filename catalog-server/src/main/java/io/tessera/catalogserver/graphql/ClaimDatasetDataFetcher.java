package io.tessera.catalogserver.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.persistence.Revision;
import io.tessera.catalogserver.persistence.RevisionRepository;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.ClaimedOutputPort;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductRepository;
import io.tessera.lineage.ObservationReports;
import io.tessera.ontology.IriMinter;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Mutation.claimDataset}: a domain claims a dataset that lineage observed and no product
 * claims. The claim is a new revision of the product's descriptor (so it is recorded with who and
 * when, and goes through the same validation, write authorization and history as any apply) that
 * adds an output port promising the dataset. Because the dataset has already been produced, the
 * port is bound at once to the first completed run that wrote it, and the product turns physical.
 */
final class ClaimDatasetDataFetcher implements DataFetcher<ClaimDatasetDataFetcher.ClaimView> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApplyService apply;
  private final RevisionRepository revisions;
  private final ProductRepository products;
  private final ObservationReports reports;
  private final Visibility visibility;
  private final IriMinter iris;

  ClaimDatasetDataFetcher(
      ApplyService apply,
      RevisionRepository revisions,
      ProductRepository products,
      ObservationReports reports,
      Visibility visibility,
      IriMinter iris) {
    this.apply = apply;
    this.revisions = revisions;
    this.products = products;
    this.reports = reports;
    this.visibility = visibility;
    this.iris = iris;
  }

  /** {@code ClaimDatasetPayload}. */
  record ClaimView(PortNode port, ApplyPayloadView apply) {}

  @Override
  public ClaimView get(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    String domain = (String) input.get("domain");
    String name = (String) input.get("product");
    boolean dryRun = Boolean.TRUE.equals(input.get("dryRun"));
    AccessScope scope = GraphQLRequest.scope(env);
    ProductKey key = new ProductKey(domain, name);
    if (!IriMinter.isSlug(domain)
        || !IriMinter.isSlug(name)
        || !visibility.mayDiscoverProduct(scope, key)) {
      throw notFound("no data product " + domain + "/" + name);
    }
    DatasetRef dataset = dataset(input);
    if (!reports.unownedDatasets().contains(dataset)) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "dataset "
              + dataset.namespace()
              + " "
              + dataset.name()
              + " is not an unowned observed dataset: lineage has not seen it, or a product"
              + " already promises it");
    }
    Product product =
        products.find(domain, name).orElseThrow(() -> notFound("no data product " + key));
    String port = portName(input, product, dataset);
    Revision latest =
        revisions
            .latest(iris.product(domain, name))
            .filter(r -> r.descriptor() != null)
            .orElseThrow(() -> notFound("no data product " + domain + "/" + name));
    ObjectNode descriptor = descriptor(latest);
    ClaimedOutputPort.add(descriptor, port, dataset, scope.principal().subject());
    ApplyPayloadView report =
        ApplyPayloadView.of(
            apply.apply(java.util.List.of(descriptor), dryRun, null, scope.principal()));
    if (dryRun) {
      return new ClaimView(null, report);
    }
    PortNode node =
        products
            .find(domain, name)
            .flatMap(
                p ->
                    p.outputPorts().stream()
                        .filter(o -> o.name().equals(port))
                        .findFirst()
                        .map(
                            o ->
                                new PortNode(
                                    key,
                                    "OUTPUT",
                                    o,
                                    scope.mayRead(iris.productGraph(domain, name)))))
            .orElse(null);
    return new ClaimView(node, report);
  }

  private static DatasetRef dataset(Map<String, Object> input) {
    try {
      return new DatasetRef((String) input.get("namespace"), (String) input.get("name"));
    } catch (IllegalArgumentException e) {
      throw PageRequest.invalid("namespace and name of the dataset must not be blank");
    }
  }

  private static String portName(Map<String, Object> input, Product product, DatasetRef dataset) {
    Set<String> taken = product.outputPorts().stream().map(Port::name).collect(Collectors.toSet());
    String given = (String) input.get("port");
    if (given != null) {
      if (!IriMinter.isSlug(given)) {
        throw PageRequest.invalid(
            "port '" + given + "' is not a valid port name (lowercase letters, digits, dashes)");
      }
      if (taken.contains(given)) {
        throw new ProblemException(
            ProblemType.CONFLICT, "product already has an output port named '" + given + "'");
      }
      return given;
    }
    return ClaimedOutputPort.defaultName(dataset, taken);
  }

  private static ObjectNode descriptor(Revision latest) {
    try {
      return (ObjectNode) JSON.readTree(latest.descriptor());
    } catch (IOException | ClassCastException e) {
      throw new ProblemException(
          ProblemType.INTERNAL, "the product's latest descriptor cannot be read");
    }
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }
}
