package io.tessera.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic mesh to a directory: descriptor YAML files (domains, products in files of
 * {@value #PRODUCTS_PER_FILE}, policies) and an OpenLineage NDJSON stream, plus {@code
 * manifest.json}. Output is a pure function of (seed, size): the same arguments give byte-identical
 * files. Everything is streamed; memory does not grow with the size.
 */
public final class MeshGenerator {
  /** Products per descriptor file (and so per apply request). */
  public static final int PRODUCTS_PER_FILE = 100;

  private final Topology topology;
  private final long seed;

  public MeshGenerator(long seed, MeshSize size) {
    this.seed = seed;
    this.topology = new Topology(seed, size);
  }

  public Topology topology() {
    return topology;
  }

  /** Generates into {@code dir} (created if missing; existing mesh files are overwritten). */
  public MeshManifest generate(Path dir) {
    try {
      Files.createDirectories(dir.resolve("descriptors"));
      Files.createDirectories(dir.resolve("lineage"));
      DescriptorWriter descriptors = new DescriptorWriter(topology);
      String domainFile = "descriptors/domains.yaml";
      try (Writer w = writer(dir.resolve(domainFile))) {
        descriptors.writeDomains(w);
      }
      List<String> files = new ArrayList<>();
      for (int from = 0; from < topology.products(); from += PRODUCTS_PER_FILE) {
        String file = String.format("descriptors/products-%05d.yaml", from / PRODUCTS_PER_FILE);
        try (Writer w = writer(dir.resolve(file))) {
          descriptors.writeProducts(
              w, from, Math.min(topology.products(), from + PRODUCTS_PER_FILE));
        }
        files.add(file);
      }
      String policyFile = "descriptors/policies.yaml";
      int policies;
      try (Writer w = writer(dir.resolve(policyFile))) {
        policies = descriptors.writePolicies(w);
      }
      String eventsFile = "lineage/events.ndjson";
      EventWriter.Counts counts;
      try (Writer w = writer(dir.resolve(eventsFile))) {
        counts = new EventWriter(topology).write(w);
      }
      MeshManifest manifest =
          new MeshManifest(
              topology.size().label(),
              seed,
              topology.size().domains(),
              topology.products(),
              topology.physicalProducts(),
              topology.plannedProducts(),
              topology.datasets(),
              topology.jobs(),
              counts.events(),
              counts.withColumnLineage(),
              policies,
              domainFile,
              List.copyOf(files),
              policyFile,
              eventsFile);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.resolve(MeshManifest.FILE).toFile(), manifest);
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the mesh to " + dir, e);
    }
  }

  /** Reads the manifest of a generated mesh. */
  public static MeshManifest readManifest(Path dir) {
    try {
      return new ObjectMapper()
          .readValue(dir.resolve(MeshManifest.FILE).toFile(), MeshManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mesh manifest in " + dir, e);
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }
}
