package io.tessera.cli.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads descriptor files: a file as given, or every {@code *.yaml}, {@code *.yml} and
 * {@code *.json} file below a directory (hidden directories such as {@code .git} skipped) in path
 * order, so that the same directory always gives the same request.
 */
public final class DescriptorFiles {
  private final DocumentReader reader = new DocumentReader();

  /** Whether a file name is a descriptor file. */
  public static boolean isDescriptorFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /**
   * The descriptor files of the given files and directories, each once: in the order given, the
   * files below a directory in path order.
   *
   * @throws UnreadableFileException for a path that does not exist or a directory that cannot be
   *     listed
   */
  public List<Path> find(List<Path> paths) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(p -> Files.isRegularFile(p) && isDescriptorFile(p) && !hidden(path, p))
              .map(Path::normalize)
              .sorted()
              .forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          throw new UnreadableFileException(path, "cannot list the directory: " + reason(e));
        }
      } else if (Files.exists(path)) {
        files.add(path.normalize());
      } else {
        throw new UnreadableFileException(path, "no such file or directory");
      }
    }
    return new ArrayList<>(files);
  }

  /**
   * Reads every document of the files, in file order and within a file in document order.
   *
   * @throws UnreadableFileException for the first file that cannot be read or parsed
   */
  public DocumentSet read(List<Path> files) {
    List<SourceDocument> documents = new ArrayList<>();
    for (Path file : files) {
      documents.addAll(readFile(file));
    }
    return new DocumentSet(documents);
  }

  /** The documents of one file. */
  public List<SourceDocument> readFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UnreadableFileException(file, reason(e));
    }
    return reader.read(file, text);
  }

  private static boolean hidden(Path root, Path file) {
    Path relative = root.relativize(file);
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
    return switch (cause) {
      case AccessDeniedException a -> "permission denied";
      case NoSuchFileException n -> "no such file or directory";
      case CharacterCodingException c -> "not UTF-8 text";
      default -> cause.getMessage();
    };
  }
}
