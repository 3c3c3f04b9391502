package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.RequiresSharedCorpus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Marquez's own Java client ({@code io.github.marquezproject:marquez-java} 0.4.3-rc.1, unmodified)
 * reads the Marquez food_delivery demo ({@code marquez/metadata.json}) from Tessera over real HTTP:
 * namespaces, jobs, datasets and runs, paged. The client and the libraries it was released with
 * (Dropwizard's Jackson 2.9, Apache HttpClient 4) are copied by the build into {@code
 * target/marquez-client} and loaded in a class loader of their own, since the server's classpath
 * holds Jackson 2.21; the client is therefore called through reflection, by its public methods.
 * This client has no lineage call: Marquez's lineage is tested over HTTP by {@link
 * MarquezCompatibilityIT}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresSharedCorpus
class MarquezClientIT implements TestPropertyProvider {
  private static final String NS = "food_delivery";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private LineageHttp http;
  private URLClassLoader loader;
  private Object client;

  @Override
  public Map<String, String> getProperties() {
    // the client sends no credentials: readers without a token may read
    return TestServer.properties(
        "tessera-marquez-client-it", "tessera.security.anonymous-read", "true");
  }

  @BeforeAll
  void postTheDemoAndOpenTheClient() throws Exception {
    http = new LineageHttp(server.getURI(), projection);
    List<ObjectNode> events = OpenLineageFixtures.events("marquez/metadata.json");
    http.awaitProjected(http.acceptAll(events));
    loader = new URLClassLoader(clientJars(), ClassLoader.getPlatformClassLoader());
    client =
        loader
            .loadClass("marquez.client.MarquezClient")
            .getConstructor(String.class)
            .newInstance(server.getURI().toString());
  }

  @AfterAll
  void close() throws IOException {
    http.awaitAllProjected();
    loader.close();
  }

  @Test
  void shouldListAndReadNamespaces() throws Exception {
    List<?> namespaces = (List<?>) call(client, "listNamespaces");
    assertThat(namespaces.stream().map(n -> text(n, "getName"))).contains(NS);

    Object namespace = call(client, "getNamespace", NS);

    assertThat(text(namespace, "getName")).isEqualTo(NS);
    assertThat(call(namespace, "getCreatedAt")).isNotNull();
  }

  @Test
  void shouldListJobsPageByPageAndReadOneWithItsLatestRun() throws Exception {
    List<?> all = (List<?>) call(client, "listJobs", NS);
    List<?> page = (List<?>) call(client, "listJobs", NS, 5, 10);

    assertThat(all).hasSize(13);
    assertThat(page).hasSize(3);
    Object job = call(client, "getJob", NS, "etl_delivery_7_days");
    assertThat(text(call(job, "getId"), "getName")).isEqualTo("etl_delivery_7_days");
    assertThat((Iterable<?>) call(job, "getInputs")).hasSize(5);
    assertThat((Iterable<?>) call(job, "getOutputs")).hasSize(1);
    Optional<?> latest = (Optional<?>) call(job, "getLatestRun");
    assertThat(latest).isPresent();
    assertThat(call(latest.get(), "getState").toString()).isEqualTo("COMPLETED");
  }

  @Test
  void shouldListDatasetsAndReadOneWithItsFields() throws Exception {
    List<?> datasets = (List<?>) call(client, "listDatasets", NS);
    assertThat(datasets.stream().map(d -> text(d, "getName")))
        .contains("public.delivery_7_days", "public.customers");

    Object dataset = call(client, "getDataset", NS, "public.delivery_7_days");

    assertThat(dataset.getClass().getSimpleName()).isEqualTo("DbTable");
    assertThat(text(dataset, "getSourceName")).isEqualTo(NS);
    assertThat((List<?>) call(dataset, "getFields")).isNotEmpty();
  }

  @Test
  void shouldListTheRunsOfAJobAndReadARunById() throws Exception {
    List<?> runs = (List<?>) call(client, "listRuns", NS, "etl_orders_7_days");
    assertThat(runs).hasSize(1);
    String id = text(runs.getFirst(), "getId");

    Object run = call(client, "getRun", id);

    assertThat(text(run, "getId")).isEqualTo(id);
    assertThat(call(run, "getState").toString()).isEqualTo("COMPLETED");
  }

  /**
   * A missing job is an error, not a job: the server answers 404 with an RFC 7807 problem, which
   * this client cannot parse into its own error type, so it throws with the problem's text.
   */
  @Test
  void shouldFailOnAMissingJob() {
    assertThatThrownBy(() -> call(client, "getJob", NS, "no_such_job"))
        .hasMessageContaining("404")
        .hasMessageContaining("no_such_job");
  }

  /** Calls a public method by name and argument count; unwraps what it throws. */
  private static Object call(Object target, String name, Object... args) throws Exception {
    Method method =
        Arrays.stream(target.getClass().getMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
            .filter(m -> args.length == 0 || matches(m.getParameterTypes(), args))
            .findFirst()
            .orElseThrow(() -> new NoSuchMethodException(name));
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static boolean matches(Class<?>[] types, Object[] args) {
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i] == int.class ? Integer.class : types[i];
      if (!type.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static String text(Object target, String getter) {
    try {
      return String.valueOf(call(target, getter));
    } catch (Exception e) {
      throw new IllegalStateException(getter, e);
    }
  }

  private static URL[] clientJars() throws IOException {
    Path dir = Path.of("target", "marquez-client");
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> jars = Files.list(dir)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        try {
          urls.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IOException(e);
        }
      }
    }
    assertThat(urls).as("the client's jars in %s", dir.toAbsolutePath()).hasSize(20);
    return urls.toArray(URL[]::new);
  }
}
