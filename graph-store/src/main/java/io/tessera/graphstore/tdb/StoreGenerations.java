package io.tessera.graphstore.tdb;

import io.tessera.graphstore.GraphStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generations of files in a TDB2 store directory ({@code Data-0001}, {@code Data-0002}, …; TDB2
 * opens the highest) and the steps of a compaction between them: copy the current state into a
 * scratch store, move it in as the next generation, delete the old one. A store killed during a
 * copy leaves only the scratch directory, which {@link #tidy} removes at the next opening, with any
 * generation older than the newest.
 */
public final class StoreGenerations {
  private static final Logger LOG = LoggerFactory.getLogger(StoreGenerations.class);
  private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");
  private static final String SCRATCH = "compaction-scratch";

  private final Path container;

  public StoreGenerations(Path container) {
    this.container = container;
  }

  /** Removes what an interrupted compaction left behind. */
  public static void tidy(Path container) {
    if (!Files.isDirectory(container)) {
      return;
    }
    StoreGenerations generations = new StoreGenerations(container);
    Path scratch = container.resolve(SCRATCH);
    if (Files.exists(scratch)) {
      LOG.info("removing the copy of an interrupted compaction: {}", scratch);
      generations.delete(scratch);
    }
    List<Path> all = generations.list();
    for (Path old : all.subList(0, Math.max(0, all.size() - 1))) {
      LOG.info("removing {}, a generation older than the one in use", old);
      generations.delete(old);
    }
  }

  /** An empty scratch directory for the copy. */
  public Path prepareCopy() {
    Path scratch = container.resolve(SCRATCH);
    if (Files.exists(scratch)) {
      delete(scratch);
    }
    return scratch;
  }

  /**
   * Loads every quad of {@code source} (inside a read transaction of the caller) into a new store
   * at {@code scratch}, with TDB2's bulk loader, and closes it.
   */
  public static void copy(DatasetGraph source, Path scratch) {
    Dataset target = TDB2Factory.connectDataset(scratch.toString());
    DatasetGraph graph = target.asDatasetGraph();
    try {
      DataLoader loader =
          LoaderFactory.phasedLoader(graph, (format, args) -> LOG.debug(format.formatted(args)));
      loader.startBulk();
      try {
        source.find().forEachRemaining(loader.stream()::quad);
        loader.finishBulk();
      } catch (RuntimeException e) {
        loader.finishException(e);
        throw e;
      }
    } finally {
      TDBInternal.expel(graph);
    }
  }

  /**
   * Moves the copy in as the next generation (the one TDB2 opens from now on).
   *
   * @return the generation it replaces
   */
  public Path install(Path scratch) {
    List<Path> all = list();
    if (all.isEmpty()) {
      throw new GraphStoreException("no generation of the store in " + container);
    }
    Path current = all.getLast();
    List<Path> copied = new StoreGenerations(scratch).list();
    if (copied.size() != 1) {
      throw new GraphStoreException("the compaction's copy is incomplete: " + scratch);
    }
    Path next = container.resolve("Data-%04d".formatted(number(current) + 1));
    try {
      Files.move(copied.getFirst(), next);
    } catch (IOException e) {
      throw new GraphStoreException("cannot move the compacted copy to " + next, e);
    }
    delete(scratch);
    return current;
  }

  /** Deletes a directory tree (a replaced generation, a scratch copy). */
  public void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot delete {}; it takes disk space but is not used", directory, e);
    }
  }

  /** The generations, oldest first. */
  private List<Path> list() {
    try (Stream<Path> entries = Files.list(container)) {
      return entries
          .filter(p -> Files.isDirectory(p) && GENERATION.matcher(name(p)).matches())
          .sorted(Comparator.comparingInt(StoreGenerations::number))
          .toList();
    } catch (IOException e) {
      throw new GraphStoreException("cannot list the store's generations in " + container, e);
    }
  }

  private static int number(Path generation) {
    Matcher m = GENERATION.matcher(name(generation));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a generation: " + generation);
    }
    return Integer.parseInt(m.group(1));
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}
