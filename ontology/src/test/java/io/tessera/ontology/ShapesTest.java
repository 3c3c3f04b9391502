package io.tessera.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-driven shape tests: every file under {@code shapes/valid} conforms; every file under {@code
 * shapes/invalid} fails, and its first line ({@code # expect: <path IRI>} or {@code # expect: focus
 * <node IRI>}) names what the violation must point at.
 */
class ShapesTest {
  private static final TesseraOntology ONTOLOGY = new TesseraOntology();

  static Stream<Path> validCases() throws Exception {
    return cases("valid");
  }

  static Stream<Path> invalidCases() throws Exception {
    return cases("invalid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void shouldAcceptValidGraph(Path file) throws Exception {
    ValidationReport report = validate(file);

    assertThat(report.getEntries()).as(describe(report)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void shouldRejectInvalidGraphNamingTheViolation(Path file) throws Exception {
    String expect = Files.readAllLines(file).getFirst().replaceFirst("^# expect: ", "").trim();
    ValidationReport report = validate(file);

    assertThat(report.conforms()).isFalse();
    List<ReportEntry> entries = report.getEntries().stream().toList();
    if (expect.startsWith("focus ")) {
      String focus = expect.substring("focus ".length());
      assertThat(entries).anySatisfy(e -> assertThat(e.focusNode().getURI()).isEqualTo(focus));
    } else {
      assertThat(entries)
          .as(describe(report))
          .anySatisfy(e -> assertThat(String.valueOf(e.resultPath())).contains(expect));
    }
    assertThat(entries).allSatisfy(e -> assertThat(e.message()).isNotBlank());
  }

  private static ValidationReport validate(Path file) throws Exception {
    Graph data = GraphFactory.createDefaultGraph();
    ONTOLOGY.vocabulary().find().forEach(data::add);
    String turtle = Files.readString(resource("prefixes.ttl")) + Files.readString(file);
    RDFParser.fromString(turtle, Lang.TURTLE).lang(Lang.TURTLE).parse(data);
    return ShaclValidator.get().validate(ONTOLOGY.shapes(), data);
  }

  private static String describe(ValidationReport report) {
    StringBuilder text = new StringBuilder();
    report.getEntries().forEach(e -> text.append(e).append('\n'));
    return text.toString();
  }

  private static Stream<Path> cases(String kind) throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(resource(kind))) {
      return files.sorted().toList().stream();
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ShapesTest.class.getResource("/shapes/" + name).toURI());
  }
}
