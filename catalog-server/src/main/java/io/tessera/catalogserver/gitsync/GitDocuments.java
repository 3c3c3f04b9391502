package io.tessera.catalogserver.gitsync;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.catalogserver.gitsync.GitSyncState.FileError;
import io.tessera.descriptors.DescriptorParser;
import io.tessera.descriptors.FieldError;
import io.tessera.descriptors.InvalidDescriptorException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents of one commit, read file by file, in path order, remembering which file (and which
 * document within it) each came from, so that an error about {@code documents[7]} of the combined
 * request can name the file and field.
 */
final class GitDocuments {
  private static final Pattern INDEXED = Pattern.compile("^documents\\[(\\d+)]\\.?(.*)$");

  /** Where one document of the combined list came from. */
  record Origin(String file, int document) {}

  private final List<JsonNode> documents = new ArrayList<>();
  private final List<Origin> origins = new ArrayList<>();
  private final List<FileError> errors = new ArrayList<>();

  /** Parses every file; files that cannot be read are recorded as errors. */
  static GitDocuments read(List<JGitCheckout.File> files, DescriptorParser parser) {
    GitDocuments read = new GitDocuments();
    for (JGitCheckout.File file : files) {
      try {
        List<JsonNode> parsed = parser.parse(file.content(), file.json());
        for (int i = 0; i < parsed.size(); i++) {
          read.documents.add(parsed.get(i));
          read.origins.add(new Origin(file.path(), i));
        }
      } catch (InvalidDescriptorException e) {
        for (FieldError f : e.errors()) {
          read.errors.add(new FileError(file.path(), null, null, f.field(), f.message()));
        }
      }
    }
    return read;
  }

  List<JsonNode> documents() {
    return documents;
  }

  /** Errors of files that could not be parsed. */
  List<FileError> errors() {
    return errors;
  }

  /**
   * The domains the documents declare: a domain document's name, every other document's {@code
   * metadata.domain} (null for a document that names none, such as a global policy).
   */
  Set<String> declaredDomains() {
    Set<String> domains = new LinkedHashSet<>();
    for (JsonNode d : documents) {
      domains.add(domain(d));
    }
    return domains;
  }

  /** Documents whose domain is not among {@code managed}, as errors naming the file. */
  List<FileError> outside(Set<String> managed) {
    List<FileError> outside = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String domain = domain(documents.get(i));
      if (domain == null || !managed.contains(domain)) {
        Origin o = origins.get(i);
        outside.add(
            new FileError(
                o.file(),
                o.document(),
                domain,
                domain == null ? "metadata.domain" : "metadata",
                domain == null
                    ? "documents applied from Git must belong to a domain the repository manages"
                    : "domain "
                        + domain
                        + " is not among the domains the repository manages (tessera.git.domains)"));
      }
    }
    return outside;
  }

  /** The errors of a rejected request, each with the file and document it is about. */
  List<FileError> locate(List<FieldError> fieldErrors) {
    List<FileError> located = new ArrayList<>();
    for (FieldError f : fieldErrors) {
      Matcher m = INDEXED.matcher(f.field());
      int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      if (index >= 0 && index < origins.size()) {
        Origin o = origins.get(index);
        located.add(
            new FileError(
                o.file(), o.document(), domain(documents.get(index)), m.group(2), f.message()));
      } else {
        located.add(new FileError(null, null, null, f.field(), f.message()));
      }
    }
    return located;
  }

  private static String domain(JsonNode document) {
    JsonNode metadata = document.path("metadata");
    String field = "Domain".equals(document.path("kind").asText()) ? "name" : "domain";
    String domain = metadata.path(field).asText(null);
    return domain == null || domain.isBlank() ? null : domain;
  }
}
