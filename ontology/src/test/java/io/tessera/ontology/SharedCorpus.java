package io.tessera.ontology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the public corpus that some tests read in place: DPROD and W3C vocabularies ({@code
 * vocab/}), ODPS/ODCS descriptors ({@code fixtures/descriptors/}) and OpenLineage events ({@code
 * fixtures/openlineage/}). It is not part of the repository; it sits beside the clone as {@code
 * ../shared}.
 *
 * <p>The corpus is, in this order: the directory named by the system property {@value #PROPERTY},
 * else by the environment variable {@value #ENV} (a relative path is taken from the repository
 * root), else {@code shared} beside the repository root (the nearest directory above the working
 * directory that holds the reactor's {@code pom.xml} and {@code .mvn/}). It is present when that
 * directory holds {@code vocab/} and {@code fixtures/}.
 *
 * <p>Tests that read it carry {@link RequiresSharedCorpus}, so a clone without it skips them with a
 * reason instead of failing.
 */
public final class SharedCorpus {

  /** System property naming the corpus directory. */
  public static final String PROPERTY = "tessera.shared";

  /** Environment variable naming the corpus directory (when the system property is not set). */
  public static final String ENV = "TESSERA_SHARED";

  private static final Location LOCATION =
      locate(
          System.getProperty(PROPERTY),
          System.getenv(ENV),
          Path.of(System.getProperty("user.dir")));

  private SharedCorpus() {}

  /** Where the corpus was looked for and whether it is there. */
  static Location location() {
    return LOCATION;
  }

  /** Whether the corpus is there. */
  public static boolean isPresent() {
    return LOCATION.present();
  }

  /** The corpus directory; fails with the place it was looked for when it is absent. */
  public static Path root() {
    if (!LOCATION.present()) {
      throw new IllegalStateException(
          "the public corpus was not found at " + LOCATION.description() + "; " + howToSet());
    }
    return LOCATION.path();
  }

  /** A path inside the corpus, e.g. {@code resolve("fixtures/openlineage")}. */
  public static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** How to point the tests at a corpus elsewhere, for messages. */
  static String howToSet() {
    return "set -D" + PROPERTY + "=<dir> or " + ENV + "=<dir> to use one elsewhere";
  }

  /** Where the corpus is, whether it is there, and how that place was chosen. */
  record Location(Path path, boolean present, String description) {}

  /**
   * Finds the corpus from the system property, the environment variable (either may be null) and
   * the working directory.
   */
  static Location locate(String property, String env, Path workingDirectory) {
    String configured = property;
    String source = "system property " + PROPERTY;
    if (configured == null || configured.isBlank()) {
      configured = env;
      source = "environment variable " + ENV;
    }
    Path here = workingDirectory.toAbsolutePath().normalize();
    Optional<Path> repository = repositoryRoot(here);
    if (configured != null && !configured.isBlank()) {
      // a relative path is taken from the repository root, wherever the test JVM runs
      Path path = repository.orElse(here).resolve(configured).normalize();
      return new Location(path, isCorpus(path), path + " (named by the " + source + ")");
    }
    if (repository.isEmpty()) {
      return new Location(
          null,
          false,
          "../shared beside the repository root, but no directory at or above "
              + here
              + " holds pom.xml and .mvn/");
    }
    Path path = repository.get().resolveSibling("shared");
    return new Location(
        path, isCorpus(path), path + " (../shared beside the repository " + repository.get() + ")");
  }

  /**
   * The nearest directory at or above {@code start} holding the reactor's pom and {@code .mvn/}.
   */
  private static Optional<Path> repositoryRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve(".mvn"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static boolean isCorpus(Path path) {
    return Files.isDirectory(path.resolve("vocab")) && Files.isDirectory(path.resolve("fixtures"));
  }
}
