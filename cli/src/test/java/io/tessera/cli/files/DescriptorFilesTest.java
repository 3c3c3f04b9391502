package io.tessera.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorFilesTest {
  private static final Path TEAM_REPO = Path.of("src/test/resources/descriptors/team-repo");

  private final DescriptorFiles files = new DescriptorFiles();

  @TempDir Path dir;

  @Test
  void shouldFindDescriptorFilesRecursivelyInPathOrderWhenGivenADirectory() {
    List<Path> found = files.find(List.of(TEAM_REPO));

    assertThat(found)
        .extracting(p -> TEAM_REPO.relativize(p).toString())
        .containsExactly(
            "domain.yaml", "products/labels.json", "products/reasons.yml", "products/refunds.yaml");
  }

  @Test
  void shouldSkipHiddenDirectoriesAndOtherFiles() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/config.yaml"), "a: 1");
    Files.writeString(dir.resolve("notes.txt"), "a: 1");
    Files.writeString(dir.resolve("a.YML"), "a: 1");

    assertThat(files.find(List.of(dir))).containsExactly(dir.resolve("a.YML"));
  }

  @Test
  void shouldNumberDocumentsWithinEachFileAndKeepRequestOrder() {
    DocumentSet set = files.read(files.find(List.of(TEAM_REPO)));

    assertThat(set.documents())
        .extracting(d -> d.file().getFileName() + "#" + d.number() + "@" + d.line())
        .containsExactly(
            "domain.yaml#1@2",
            "labels.json#1@1",
            "reasons.yml#1@2",
            "reasons.yml#2@13",
            "refunds.yaml#1@1");
    assertThat(set.files()).hasSize(4);
  }

  @Test
  void shouldMapARequestFieldToFileDocumentAndLine() {
    DocumentSet set = files.read(files.find(List.of(TEAM_REPO)));

    DocumentSet.Location owner = set.locate("documents[3].spec.owner");
    DocumentSet.Location present = set.locate("documents[4].spec.outputPorts[0].dataset.name");
    DocumentSet.Location absent = set.locate("documents[4].spec.outputPorts[0].contract");
    DocumentSet.Location body = set.locate("body");

    assertThat(owner.describe())
        .isEqualTo(TEAM_REPO.resolve("products/reasons.yml") + ":19: document 2, spec.owner");
    assertThat(present.line()).isEqualTo(15);
    assertThat(absent.line()).as("the port's line when the field is absent").isEqualTo(13);
    assertThat(body.describe()).isEqualTo("body");
  }

  @Test
  void shouldSendEveryDocumentInOneJsonList() throws IOException {
    DocumentSet set = files.read(files.find(List.of(TEAM_REPO)));

    JsonNode body = new ObjectMapper().readTree(set.requestBody());

    assertThat(body.isArray()).isTrue();
    assertThat(body).hasSize(5);
    assertThat(body.get(4).path("spec").path("outputPorts").get(0).path("schema").get(0))
        .hasToString("{\"name\":\"refund_id\",\"type\":\"string\",\"required\":true}");
  }

  @Test
  void shouldReadListsAndSkipEmptyDocuments() throws IOException {
    Files.writeString(dir.resolve("list.yaml"), "---\n---\n- {kind: A}\n- {kind: B}\n");

    List<SourceDocument> docs = files.readFile(dir.resolve("list.yaml"));

    assertThat(docs).extracting(SourceDocument::kind).containsExactly("A", "B");
    assertThat(docs).extracting(SourceDocument::number).containsExactly(1, 2);
  }

  @Test
  void shouldNameLineOfSyntaxErrorsAndRefuseDuplicateKeys() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "kind: Domain\nmetadata: {name: [a}\n");
    Files.writeString(dir.resolve("dup.yaml"), "kind: Domain\nkind: DataProduct\n");
    Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});

    assertThatThrownBy(() -> files.readFile(dir.resolve("bad.yaml")))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining("bad.yaml: line 2");
    assertThatThrownBy(() -> files.readFile(dir.resolve("dup.yaml")))
        .hasMessageContaining("dup.yaml")
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> files.readFile(dir.resolve("binary.json")))
        .hasMessageContaining("not UTF-8 text");
    assertThatThrownBy(() -> files.find(List.of(dir.resolve("missing"))))
        .hasMessageContaining("no such file or directory");
  }

  @Test
  void shouldFindProductsOfDeclaredDomainsThatAreNoLongerDeclared() {
    DocumentSet set = files.read(files.find(List.of(TEAM_REPO)));

    DeclaredEntities declared = DeclaredEntities.of(set, null);

    assertThat(declared.domains()).containsExactly("cli-returns");
    assertThat(declared.products()).hasSize(4).contains("cli-returns/refunds");
    assertThat(
            declared.undeclared(
                List.of("cli-returns/refunds", "cli-returns/old-one", "sales/orders")))
        .containsExactly("cli-returns/old-one");
  }
}
