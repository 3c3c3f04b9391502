package io.tessera.descriptors.standards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tessera.ontology.SharedCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the public descriptor corpus in place ({@code fixtures/descriptors} of {@link
 * SharedCorpus}, beside the repository) and small YAML snippets written in tests. Tests that read
 * the corpus carry {@link io.tessera.ontology.RequiresSharedCorpus}; {@link #yaml} needs no corpus.
 */
public final class StandardFixtures {

  private static final YAMLMapper YAML = new YAMLMapper();

  private StandardFixtures() {}

  /** Returns the corpus directory; fails when the corpus is absent. */
  public static Path directory() {
    return SharedCorpus.resolve("fixtures/descriptors");
  }

  /** Returns the {@code *.yaml} files of a corpus sub-directory such as {@code odcs}, sorted. */
  public static List<Path> yamlFiles(String subdirectory) {
    try (Stream<Path> files = Files.list(directory().resolve(subdirectory))) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a corpus file, e.g. {@code odcs/full-example.odcs.yaml}. */
  static JsonNode read(String relativePath) {
    return read(directory().resolve(relativePath));
  }

  /** Reads a YAML or JSON file. */
  static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a YAML snippet. */
  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
