package io.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void shouldWriteByteIdenticalFilesForTheSameSeed() throws IOException {
    new MeshGenerator(7, MeshSize.S).generate(tmp.resolve("a"));
    new MeshGenerator(7, MeshSize.S).generate(tmp.resolve("b"));

    List<Path> files = files(tmp.resolve("a"));
    assertThat(files).hasSizeGreaterThan(4);
    assertThat(files(tmp.resolve("b"))).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.mismatch(tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)))
          .as(file.toString())
          .isEqualTo(-1L);
    }
  }

  @Test
  void shouldWriteADifferentMeshForADifferentSeed() throws IOException {
    MeshManifest a = new MeshGenerator(7, MeshSize.S).generate(tmp.resolve("a"));
    MeshManifest b = new MeshGenerator(8, MeshSize.S).generate(tmp.resolve("b"));

    assertThat(
            Files.mismatch(
                tmp.resolve("a").resolve(a.eventsFile()), tmp.resolve("b").resolve(b.eventsFile())))
        .isNotEqualTo(-1L);
    assertThat(
            Files.mismatch(
                tmp.resolve("a").resolve(a.descriptorFiles().getFirst()),
                tmp.resolve("b").resolve(b.descriptorFiles().getFirst())))
        .isNotEqualTo(-1L);
  }

  @Test
  void shouldCountInTheManifestWhatTheFilesHold() throws IOException {
    Path dir = tmp.resolve("mesh");
    MeshManifest manifest = new MeshGenerator(42, MeshSize.S).generate(dir);

    assertThat(MeshGenerator.readManifest(dir)).isEqualTo(manifest);
    assertThat(manifest.products())
        .isEqualTo(manifest.physicalProducts() + manifest.plannedProducts());
    assertThat(manifest.plannedProducts()).isPositive();
    int products = 0;
    for (String file : manifest.descriptorFiles()) {
      products += count(Files.readString(dir.resolve(file)), "kind: DataProduct");
    }
    assertThat(products).isEqualTo(manifest.products());
    assertThat(count(Files.readString(dir.resolve(manifest.domainFile())), "kind: Domain"))
        .isEqualTo(manifest.domains());
    assertThat(count(Files.readString(dir.resolve(manifest.policyFile())), "kind: Policy"))
        .isEqualTo(manifest.policies());

    List<String> lines = Files.readAllLines(dir.resolve(manifest.eventsFile()));
    assertThat(lines).hasSize((int) manifest.events());
    Set<String> datasets = new HashSet<>();
    Set<String> runs = new HashSet<>();
    long columnLineage = 0;
    for (String line : lines) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.path("eventType").asText()).isIn("START", "COMPLETE");
      runs.add(event.path("run").path("runId").asText());
      for (JsonNode ds : iterable(event.path("inputs"), event.path("outputs"))) {
        datasets.add(ds.path("namespace").asText() + "|" + ds.path("name").asText());
        assertThat(ds.path("facets").path("schema").path("fields").size()).isBetween(5, 50);
      }
      if (event.path("outputs").get(0).path("facets").has("columnLineage")) {
        columnLineage++;
      }
    }
    assertThat(runs).hasSize(manifest.jobs());
    assertThat(datasets).hasSize(manifest.datasets());
    assertThat(columnLineage).isEqualTo(manifest.eventsWithColumnLineage()).isPositive();
  }

  @Test
  void shouldPromiseWrittenDatasetsOnPhysicalProductsOnly() {
    Topology t = new Topology(42, MeshSize.S);
    Set<Integer> written = new HashSet<>();
    for (int j = 0; j < t.jobs(); j++) {
      Topology.Job job = t.job(j);
      assertThat(job.inputs()).allMatch(i -> i < job.output()).doesNotHaveDuplicates();
      written.add(job.output());
    }
    for (int p = 0; p < t.products(); p++) {
      for (int port : t.productPorts(p)) {
        assertThat(written.contains(port)).isEqualTo(p < t.physicalProducts());
      }
    }
  }

  @Test
  void shouldBuildLongChainsAndWideHubs() {
    Topology t = new Topology(42, MeshSize.S);
    int[] readers = new int[t.datasets()];
    for (int j = 0; j < t.jobs(); j++) {
      t.job(j).inputs().forEach(i -> readers[i]++);
    }
    int busiestHub = 0;
    for (int h = 0; h < t.hubs(); h++) {
      busiestHub = Math.max(busiestHub, readers[h]);
    }
    assertThat(busiestHub).isGreaterThan(t.jobs() / 20);
    // unbroken runs of jobs each reading the previous job's output: deep upstream lineage
    int longest = 0;
    int run = 0;
    for (int j = 0; j < t.jobs(); j++) {
      Topology.Job job = t.job(j);
      run = job.inputs().contains(job.output() - 1) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assertThat(longest).isGreaterThanOrEqualTo(10);
  }

  private static List<JsonNode> iterable(JsonNode... arrays) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode a : arrays) {
      a.forEach(all::add);
    }
    return all;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
