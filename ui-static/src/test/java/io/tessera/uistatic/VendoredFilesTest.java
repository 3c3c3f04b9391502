package io.tessera.uistatic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every file under {@code ui/vendor} is a third-party file listed in {@code ui/vendor/vendor.tsv}
 * with its library, version, npm source and SHA-256, and each library sits in its own folder with
 * its licence. The UI's own code lives outside {@code ui/vendor}.
 */
class VendoredFilesTest {

  private static final Path VENDOR = Path.of("src/main/resources/ui/vendor");
  private static final String MANIFEST = "vendor.tsv";
  private static final List<String> COLUMNS =
      List.of("file", "library", "version", "npm package", "path in package", "sha256", "changes");
  private static final int VERSION = COLUMNS.indexOf("version");
  private static final int SHA256 = COLUMNS.indexOf("sha256");

  /** The manifest's rows by file (relative to {@code ui/vendor}, with {@code /}). */
  private static Map<String, List<String>> listed;

  /** The files under {@code ui/vendor} except the manifest. */
  private static Set<String> onDisk;

  @BeforeAll
  static void read() throws IOException {
    assertThat(VENDOR).as("ui/vendor, from the module's directory").isDirectory();
    List<String> lines = Files.readAllLines(VENDOR.resolve(MANIFEST), StandardCharsets.UTF_8);
    assertThat(lines).as(MANIFEST).isNotEmpty();
    assertThat(List.of(lines.get(0).split("\t", -1))).as(MANIFEST + " header").isEqualTo(COLUMNS);
    listed = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = List.of(line.split("\t", -1));
      assertThat(row).as("%s row %s", MANIFEST, line).hasSize(COLUMNS.size());
      assertThat(listed.put(row.get(0), row))
          .as("%s lists %s twice", MANIFEST, row.get(0))
          .isNull();
    }
    try (Stream<Path> files = Files.walk(VENDOR)) {
      onDisk =
          files
              .filter(Files::isRegularFile)
              .map(VendoredFilesTest::name)
              .filter(name -> !name.equals(MANIFEST))
              .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void shouldListEveryVendoredFile() {
    assertThat(onDisk)
        .as("files in ui/vendor that %s does not list", MANIFEST)
        .isSubsetOf(listed.keySet());
  }

  @Test
  void shouldHaveAFileForEveryListedEntry() {
    assertThat(listed.keySet())
        .as("entries in %s with no file in ui/vendor", MANIFEST)
        .isSubsetOf(onDisk);
  }

  @Test
  void shouldMatchEveryListedSha256() {
    List<String> mismatches = new ArrayList<>();
    listed.forEach(
        (file, row) -> {
          Path path = VENDOR.resolve(file);
          if (Files.isRegularFile(path)) {
            String actual = sha256(path);
            if (!actual.equals(row.get(SHA256))) {
              mismatches.add(file + ": listed " + row.get(SHA256) + ", is " + actual);
            }
          }
        });
    assertThat(mismatches).as("files whose SHA-256 is not the one %s lists", MANIFEST).isEmpty();
  }

  @Test
  void shouldRecordLibraryVersionAndSourceOfEveryFile() {
    listed.forEach(
        (file, row) -> {
          assertThat(row).as("%s: every column filled", file).allMatch(cell -> !cell.isBlank());
          assertThat(row.get(VERSION)).as("%s: version", file).matches("\\d+\\.\\d+\\.\\d+");
          assertThat(row.get(SHA256)).as("%s: sha256", file).matches("[0-9a-f]{64}");
        });
  }

  @Test
  void shouldKeepEachLibraryInItsOwnFolderWithItsLicence() throws IOException {
    try (Stream<Path> entries = Files.list(VENDOR)) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().equals(MANIFEST)) {
          continue;
        }
        assertThat(entry).as("only library folders and %s in ui/vendor", MANIFEST).isDirectory();
        try (Stream<Path> files = Files.list(entry)) {
          assertThat(files.map(f -> f.getFileName().toString()))
              .as("%s has its licence", name(entry))
              .anyMatch(f -> f.startsWith("LICENSE"));
        }
      }
    }
  }

  private static String name(Path path) {
    Path relative = VENDOR.relativize(path);
    List<String> parts = new ArrayList<>();
    relative.forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  private static String sha256(Path path) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
