package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.catalogserver.web.QueryFlags;
import io.tessera.governance.AccessScope;
import io.tessera.governance.SparqlViews;
import io.tessera.graphstore.BoundedExport;
import io.tessera.graphstore.DcatApMapper;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.ExportFormat;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductReadModel;
import io.tessera.graphstore.ReadScope;
import io.tessera.ontology.IriMinter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * {@code GET /api/v1/export}: the catalog as RDF (DPROD, DCAT, ORG, SKOS): the domain graphs, the
 * declared and observed product graphs and the vocabulary, with {@code lineage=true} also the
 * lineage graphs of jobs, runs and datasets. Only graphs the caller may read are exported (an admin
 * exports everything); a product the caller may discover but not read is left out whole. The body
 * is streamed from one read transaction, within {@code tessera.limits.export-timeout} and {@code
 * export-max-size} (see {@link BoundedExport} for how a stopped export ends).
 *
 * <p>{@code profile=dcat-ap} exports a DCAT-AP 3.0 catalog instead ({@link DcatApMapper}): the
 * products the caller may read as datasets, their output ports as distributions and data services,
 * their domains as publishers (Turtle unless asked otherwise).
 */
@Tag(name = "Export", description = "The catalog's graphs the caller may read, as RDF")
@Controller("/api/v1/export")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportController {
  private static final Map<String, ExportFormat> BY_NAME =
      Map.of(
          "turtle", ExportFormat.TURTLE,
          "ttl", ExportFormat.TURTLE,
          "trig", ExportFormat.TRIG,
          "nquads", ExportFormat.NQUADS,
          "n-quads", ExportFormat.NQUADS,
          "jsonld", ExportFormat.JSONLD,
          "json-ld", ExportFormat.JSONLD);
  private static final Map<ExportFormat, String> MEDIA_TYPES =
      Map.of(
          ExportFormat.TRIG, "application/trig",
          ExportFormat.TURTLE, "text/turtle",
          ExportFormat.NQUADS, "application/n-quads",
          ExportFormat.JSONLD, "application/ld+json");
  private static final List<ExportFormat> PREFERENCE =
      List.of(ExportFormat.TRIG, ExportFormat.TURTLE, ExportFormat.NQUADS, ExportFormat.JSONLD);

  private final GraphStore store;
  private final IriMinter iris;
  private final SparqlViews views;
  private final LimitsConfig limits;
  private final ProductReadModel products;
  private final DomainRepository domains;
  private final DcatApMapper dcatAp;
  private final DcatApConfig dcatApConfig;

  public ExportController(
      GraphStore store,
      IriMinter iris,
      SparqlViews views,
      LimitsConfig limits,
      ProductReadModel products,
      DomainRepository domains,
      DcatApConfig dcatApConfig) {
    this.limits = limits;
    this.store = store;
    this.iris = iris;
    this.views = views;
    this.products = products;
    this.domains = domains;
    this.dcatAp = new DcatApMapper(iris);
    this.dcatApConfig = dcatApConfig;
  }

  /**
   * @param format {@code trig} (default), {@code turtle}, {@code nquads} or {@code jsonld}; wins
   *     over {@code Accept}
   * @param lineage also export what lineage observed (jobs, runs, datasets)
   * @param profile {@code dcat-ap} for a DCAT-AP 3.0 catalog; absent for the catalog's own graphs
   */
  @Get
  @Produces(MediaType.ALL)
  public HttpResponse<StreamedFile> export(
      HttpRequest<?> request,
      @Nullable @QueryValue String format,
      @Nullable @QueryValue String lineage,
      @Nullable @QueryValue String profile,
      AccessScope scope) {
    boolean withLineage = QueryFlags.bool("lineage", lineage, false);
    String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (profile != null) {
      if (!profile.equalsIgnoreCase("dcat-ap")) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST, "profile must be dcat-ap (or absent for the full graph)");
      }
      if (lineage != null) {
        throw new ProblemException(
            ProblemType.INVALID_REQUEST, "lineage does not apply to profile=dcat-ap");
      }
      return dcatAp(dcatApFormat(format, accept), scope);
    }
    ExportFormat chosen = format != null ? byName(format) : negotiate(accept);
    List<String> prefixes = new ArrayList<>();
    prefixes.add(iris.base() + "/graph/domain/");
    prefixes.add(iris.base() + "/graph/product/");
    prefixes.add(iris.vocabularyGraph());
    prefixes.add(iris.agreementGraphPrefix()); // only for admins and the domains' owners (view)
    if (withLineage) {
      prefixes.add(iris.lineageGraphPrefix() + "job/"); // with the jobs' runs under them
      prefixes.add(iris.lineageGraphPrefix() + "dataset/");
    }
    ReadScope view = views.of(scope);
    InputStream in =
        BoundedExport.start(
            out -> store.export(out, chosen, prefixes, view),
            limits.exportTimeout(),
            limits.exportMaxSize(),
            chosen != ExportFormat.JSONLD);
    MediaType mediaType = MediaType.of(MEDIA_TYPES.get(chosen));
    return HttpResponse.ok(new StreamedFile(in, mediaType))
        .contentType(mediaType)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
  }

  private HttpResponse<StreamedFile> dcatAp(ExportFormat chosen, AccessScope scope) {
    List<Product> readable = new ArrayList<>();
    String after = null;
    List<Product> page;
    do {
      page = products.page(ProductFilter.of(null, null, after, 500), scope.discover());
      page.stream()
          .filter(p -> scope.mayRead(iris.productGraph(p.domain(), p.name())))
          .forEach(readable::add);
      after = page.isEmpty() ? null : page.getLast().domain() + "/" + page.getLast().name();
    } while (page.size() == 500);
    Map<String, Domain> byName =
        domains.find(readable.stream().map(Product::domain).distinct().toList());
    Graph graph =
        dcatAp.catalog(
            new DcatApMapper.CatalogInfo(
                dcatApConfig.title(), dcatApConfig.description(), dcatApConfig.publisher()),
            readable,
            byName,
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (chosen) {
      case TURTLE -> RDFDataMgr.write(out, graph, RDFFormat.TURTLE_PRETTY);
      case JSONLD -> RDFDataMgr.write(out, graph, RDFFormat.JSONLD11);
      case TRIG -> RDFDataMgr.write(out, DatasetGraphFactory.wrap(graph), RDFFormat.TRIG_BLOCKS);
      case NQUADS -> RDFDataMgr.write(out, DatasetGraphFactory.wrap(graph), RDFFormat.NQUADS);
    }
    MediaType mediaType = MediaType.of(MEDIA_TYPES.get(chosen));
    return HttpResponse.ok(new StreamedFile(new ByteArrayInputStream(out.toByteArray()), mediaType))
        .contentType(mediaType)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
  }

  /**
   * Turtle unless {@code format} or {@code Accept} asks for another RDF syntax: a wildcard or no
   * {@code Accept} gives Turtle, not the TriG of the full export (DCAT-AP is one graph).
   */
  private static ExportFormat dcatApFormat(String format, String accept) {
    if (format != null) {
      return byName(format);
    }
    if (accept == null || accept.isBlank()) {
      return ExportFormat.TURTLE;
    }
    ExportFormat chosen = negotiate(accept);
    return chosen == ExportFormat.TRIG && !accept.contains("application/trig")
        ? ExportFormat.TURTLE
        : chosen;
  }

  private static double quality(String[] params) {
    for (int i = 1; i < params.length; i++) {
      String param = params[i].strip();
      if (param.startsWith("q=")) {
        try {
          return Double.parseDouble(param.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static ExportFormat byName(String name) {
    ExportFormat found = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (found == null) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "format must be trig, turtle, nquads or jsonld");
    }
    return found;
  }

  private static ExportFormat negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return ExportFormat.TRIG;
    }
    for (String part : accept.split(",")) {
      String[] params = part.split(";");
      String type = params[0].strip().toLowerCase(Locale.ROOT);
      if (quality(params) <= 0) {
        continue;
      }
      for (ExportFormat f : PREFERENCE) {
        String media = MEDIA_TYPES.get(f);
        if (type.equals(media)
            || type.equals("*/*")
            || (type.endsWith("/*") && media.startsWith(type.substring(0, type.length() - 1)))) {
          return f;
        }
      }
    }
    throw new ProblemException(
        ProblemType.NOT_ACCEPTABLE,
        "the export can be had as application/trig, text/turtle, application/n-quads or"
            + " application/ld+json (or choose with format=)");
  }
}
