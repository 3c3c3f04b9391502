package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.ProductKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Query.node} and {@code Query.nodes}: any object by its global id, through the same loaders
 * and the same visibility as every other field; null for what does not exist or is hidden.
 */
final class NodeDataFetcher implements DataFetcher<CompletableFuture<Object>> {
  private final Visibility visibility;
  private final boolean many;

  NodeDataFetcher(Visibility visibility, boolean many) {
    this.visibility = visibility;
    this.many = many;
  }

  @Override
  public CompletableFuture<Object> get(DataFetchingEnvironment env) {
    if (!many) {
      return resolve(env, env.getArgument("id"));
    }
    List<String> ids = env.getArgument("ids");
    List<CompletableFuture<Object>> loads = new ArrayList<>();
    ids.forEach(id -> loads.add(resolve(env, id)));
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
        .thenApply(v -> loads.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<Object> resolve(DataFetchingEnvironment env, String id) {
    GlobalId gid = GlobalId.decode(id);
    AccessScope scope = GraphQLRequest.scope(env);
    try {
      return switch (gid.type()) {
        case "Domain" ->
            CatalogLoaders.domain(env, gid.part(0)).thenApply(d -> visibility.domain(scope, d));
        case "DataProduct" ->
            CatalogLoaders.product(env, new ProductKey(gid.part(0), gid.part(1)))
                .thenApply(p -> visibility.product(scope, p));
        case "Port" -> port(env, scope, gid);
        case "Dataset" -> dataset(env, scope, gid.part(0), gid.part(1));
        case "Field" -> field(env, scope, gid.part(0), gid.part(1));
        case "Job" ->
            CatalogLoaders.job(env, visibility.jobIri(gid.part(0), gid.part(1)))
                .thenApply(j -> visibility.job(scope, j));
        case "Run" ->
            CatalogLoaders.run(env, visibility.runIri(gid.part(0)))
                .thenApply(r -> visibility.run(scope, r));
        default -> CompletableFuture.completedFuture(null);
      };
    } catch (IndexOutOfBoundsException e) {
      throw PageRequest.invalid("'" + id + "' is not an id this server issued");
    }
  }

  private CompletableFuture<Object> dataset(
      DataFetchingEnvironment env, AccessScope scope, String namespace, String name) {
    return CatalogLoaders.dataset(env, visibility.datasetIri(namespace, name))
        .thenApply(d -> visibility.dataset(scope, d));
  }

  private CompletableFuture<Object> port(
      DataFetchingEnvironment env, AccessScope scope, GlobalId gid) {
    ProductKey key = new ProductKey(gid.part(0), gid.part(1));
    String direction = gid.part(2);
    String name = gid.part(3);
    return CatalogLoaders.product(env, key)
        .thenApply(
            p -> {
              ProductNode product = visibility.product(scope, p);
              if (product == null) {
                return null;
              }
              List<Port> ports =
                  "OUTPUT".equals(direction)
                      ? product.product().outputPorts()
                      : product.product().inputPorts();
              return ports.stream()
                  .filter(port -> port.name().equals(name))
                  .findFirst()
                  .map(port -> new PortNode(key, direction, port, product.readable()))
                  .orElse(null);
            });
  }

  /** A field of a port's schema, of a dataset's current schema or of a schema version. */
  private CompletableFuture<Object> field(
      DataFetchingEnvironment env, AccessScope scope, String owner, String name) {
    if (!owner.contains("://")) {
      GlobalId port;
      try {
        port = GlobalId.decode(owner);
      } catch (ProblemException e) {
        return CompletableFuture.completedFuture(null);
      }
      return port(env, scope, port)
          .thenApply(
              p -> {
                if (!(p instanceof PortNode portNode) || !portNode.readable()) {
                  return null;
                }
                return portNode.port().schema().stream()
                    .filter(f -> f.name().equals(name))
                    .findFirst()
                    .map(
                        f ->
                            (Object)
                                new FieldNode(
                                    owner,
                                    f.name(),
                                    f.type(),
                                    f.required(),
                                    f.description(),
                                    f.classification()))
                    .orElse(null);
              });
    }
    int schema = owner.indexOf("/schema/");
    String datasetIri = schema < 0 ? owner : owner.substring(0, schema);
    return CatalogLoaders.dataset(env, datasetIri)
        .thenCompose(
            d -> {
              DatasetNode dataset = visibility.dataset(scope, d);
              if (dataset == null || !dataset.readable()) {
                return CompletableFuture.completedFuture(null);
              }
              if (schema < 0) {
                return CompletableFuture.completedFuture(
                    d.observedColumns().isEmpty()
                        ? findColumn(owner, d.promisedColumns(), name)
                        : findColumn(owner, d.observedColumns(), name));
              }
              return CatalogLoaders.links(env, datasetIri)
                  .thenApply(
                      links ->
                          links.versions().stream()
                              .filter(v -> v.iri().equals(owner))
                              .flatMap(v -> v.columns().stream())
                              .filter(f -> f.name().equals(name))
                              .findFirst()
                              .map(f -> PortSchemaDataFetcher.field(owner, f))
                              .orElse(null));
            });
  }

  private static Object findColumn(
      String owner, List<io.tessera.graphstore.CatalogDataset.Column> columns, String name) {
    return columns.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .map(
            c ->
                (Object)
                    new FieldNode(
                        owner, c.name(), c.dataType(), false, c.description(), c.classification()))
        .orElse(null);
  }
}
