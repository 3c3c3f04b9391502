package io.tessera.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java vocabulary constants and the Turtle they stand for must say the same thing. */
class VocabularyParityTest {

  @Test
  void shouldDeclareEveryTessConstantInTheTurtleAndViceVersa() {
    Set<String> declared =
        new TesseraOntology()
            .vocabulary()
            .find()
            .mapWith(t -> t.getSubject())
            .filterKeep(Node::isURI)
            .mapWith(Node::getURI)
            .filterKeep(iri -> iri.startsWith(TESS.NS))
            .toSet();

    assertThat(new TreeSet<>(constants(TESS.class))).isEqualTo(new TreeSet<>(declared));
  }

  @RequiresSharedCorpus
  @ParameterizedTest
  @ValueSource(
      strings = {
        "DPROD:dprod/dprod-ontology.ttl",
        "PROV:w3c/prov-o.ttl",
        "ODRL:w3c/ODRL22.ttl",
        "DQV:w3c/dqv.ttl",
        "DCAT3:w3c/dcat3.ttl"
      })
  void shouldOnlyUseTermsTheStandardVocabularyDeclares(String spec) throws Exception {
    String[] parts = spec.split(":");
    Class<?> vocabulary = Class.forName("io.tessera.ontology." + parts[0]);
    Graph published =
        RDFDataMgr.loadGraph(SharedCorpus.resolve("vocab").resolve(parts[1]).toString());
    Set<String> subjects =
        published
            .find()
            .mapWith(t -> t.getSubject())
            .filterKeep(Node::isURI)
            .mapWith(Node::getURI)
            .toSet();

    assertThat(subjects).containsAll(constants(vocabulary));
  }

  @Test
  void shouldMapEveryLifecycleStatusToAnIndividualWithItsSlugAsNotation() {
    Graph vocabulary = new TesseraOntology().vocabulary();
    for (Lifecycle status : Lifecycle.values()) {
      Node notation =
          vocabulary
              .find(
                  status.resource().asNode(),
                  org.apache.jena.vocabulary.SKOS.notation.asNode(),
                  Node.ANY)
              .next()
              .getObject();
      assertThat(notation.getLiteralLexicalForm()).isEqualTo(status.slug());
      assertThat(
              vocabulary.contains(
                  status.resource().asNode(),
                  org.apache.jena.vocabulary.RDF.type.asNode(),
                  DPROD.DataProductLifecycleStatus.asNode()))
          .isTrue();
    }
  }

  private static Set<String> constants(Class<?> vocabulary) {
    return Arrays.stream(vocabulary.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()))
        .filter(f -> Resource.class.isAssignableFrom(f.getType()))
        .map(VocabularyParityTest::iri)
        .collect(Collectors.toSet());
  }

  private static String iri(Field field) {
    try {
      return ((Resource) field.get(null)).getURI();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
