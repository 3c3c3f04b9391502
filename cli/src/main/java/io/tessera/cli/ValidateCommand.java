package io.tessera.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.client.ServerRefusedException;
import io.tessera.cli.files.DocumentSet;
import io.tessera.cli.files.SourceDocument;
import io.tessera.descriptors.DescriptorValidator;
import io.tessera.descriptors.FieldError;
import io.tessera.descriptors.ValidatedDocument;
import io.tessera.descriptors.standards.StandardDescriptors;
import io.tessera.descriptors.standards.StandardImportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tessera validate}: the offline checks, then the server's dry run when one is set. */
@Command(
    name = "validate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = TesseraCli.Version.class,
    description = {
      "Check descriptor files without a server: syntax, and every field rule of the tessera/v1"
          + " format (ODPS and ODCS documents after translation). With a server configured"
          + " (--server, TESSERA_URL or the config file), the server's dry run follows, which also"
          + " checks what needs the catalog (referenced domains, permissions, shapes).",
      "Errors name the file, the line, the document within the file and the field."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:valid",
      "2:wrong usage, unreadable files or invalid documents",
      "4:the server refused the documents in its dry run",
      "5:the server cannot be reached",
      "6:the server failed"
    })
final class ValidateCommand extends DescriptorCommand {

  @Override
  public Integer call() {
    DocumentSet set = readDocuments();
    List<String> errors = offlineErrors(set);
    if (!errors.isEmpty()) {
      throw new CliException(
          ExitCode.INVALID,
          errors.size() + " error(s) in " + set.documents().size() + " document(s)",
          errors);
    }
    String checked =
        set.documents().size() + " document(s) in " + set.files().size() + " file(s) are valid";
    if (connection.settings(session()).hasServer()) {
      try {
        client().apply(set.requestBody(), true, domain, null);
      } catch (ServerRefusedException e) {
        throw located(e, set);
      }
      checked += ", and the server accepts them (dry run)";
    }
    out().println(checked);
    return ExitCode.OK;
  }

  private List<String> offlineErrors(DocumentSet set) {
    StandardDescriptors standards = new StandardDescriptors();
    DescriptorValidator validator = new DescriptorValidator();
    List<String> lines = new ArrayList<>();
    Map<String, Integer> declared = new HashMap<>();
    for (int i = 0; i < set.documents().size(); i++) {
      SourceDocument source = set.documents().get(i);
      JsonNode content = source.content();
      List<FieldError> errors = new ArrayList<>();
      ValidatedDocument valid = null;
      try {
        JsonNode translated =
            standards.translate(content, domain).map(JsonNode.class::cast).orElse(content);
        valid = validator.validate(i, translated, errors);
      } catch (StandardImportException e) {
        errors.add(new FieldError("documents[" + i + "]." + e.field(), e.getMessage()));
      }
      for (FieldError error : errors) {
        lines.add(set.locate(error.field()).describe() + ": " + error.message());
      }
      if (valid != null) {
        String key = valid.kind() + " " + valid.domainName() + "/" + valid.name();
        Integer first = declared.putIfAbsent(key, i);
        if (first != null) {
          SourceDocument earlier = set.documents().get(first);
          lines.add(
              set.locate("documents[" + i + "].metadata.name").describe()
                  + ": "
                  + key
                  + " is already declared in "
                  + earlier.file()
                  + ", document "
                  + earlier.number());
        }
      }
    }
    return lines;
  }
}
