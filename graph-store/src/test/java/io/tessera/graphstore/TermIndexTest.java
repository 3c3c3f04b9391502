package io.tessera.graphstore;

import static io.tessera.graphstore.TdbGraphStoreTest.turtle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Term lookups answer what {@link GraphReader#find} answers, in the same order. */
class TermIndexTest {
  private static final String EX = "https://catalog.example/";
  private static final Node LABEL = uri("http://www.w3.org/2000/01/rdf-schema#label");
  private static final Node READS = uri("https://w3id.org/tessera/ns#reads");

  private GraphStore store;

  @BeforeEach
  void open() {
    store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(TdbGraphStoreTest.VOCAB), TdbGraphStoreTest.ONTOLOGY);
    // the same triples in two graphs, several objects per predicate, an inline integer
    store.write(
        w -> {
          w.replaceGraph(
              EX + "g/1",
              turtle(
                  """
                  ex:job1 tess:reads ex:d2, ex:d1 ; rdfs:label "Job one", "Job 1" ; tess:ordinal 7 .
                  ex:job2 tess:reads ex:d1 .
                  """));
          w.replaceGraph(
              EX + "g/2",
              turtle(
                  """
                  ex:job1 tess:reads ex:d1 ; rdfs:label "Job one" ; tess:ordinal 7 .
                  ex:job3 tess:reads ex:d1, ex:d3 .
                  """));
        });
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void shouldAnswerLinksObjectsAndSubjectsAsFindDoes() {
    store.read(
        r -> {
          TermIndex terms = r.terms();
          TermIndex.Term job1 = terms.term(uri(EX + "job1"));
          TermIndex.Term d1 = terms.term(uri(EX + "d1"));

          assertThat(decode(terms, terms.links(job1)))
              .isEqualTo(
                  r.find(uri(EX + "job1"), null, null).stream()
                      .map(t -> List.of(t.getPredicate(), t.getObject()))
                      .toList())
              .hasSize(5);
          assertThat(terms.objects(job1, terms.term(LABEL)).stream().map(terms::node).toList())
              .isEqualTo(
                  r.find(uri(EX + "job1"), LABEL, null).stream().map(Triple::getObject).toList())
              .hasSize(2);
          assertThat(terms.subjects(terms.term(READS), d1).stream().map(terms::node).toList())
              .isEqualTo(
                  r.find(null, READS, uri(EX + "d1")).stream().map(Triple::getSubject).toList())
              .hasSize(3);
          assertThat(terms.term(uri(EX + "job1"))).isEqualTo(job1);
          assertThat(terms.term(uri(EX + "nothing"))).isNull();
          return null;
        });
  }

  @Test
  void shouldSeeWhatTheSameWriteTransactionWrote() {
    store.write(
        w -> {
          w.replaceGraph(EX + "g/3", turtle("ex:job4 tess:reads ex:d4 ."));
          TermIndex terms = w.terms();
          assertThat(terms.objects(terms.term(uri(EX + "job4")), terms.term(READS)))
              .extracting(terms::node)
              .containsExactly(uri(EX + "d4"));
        });
  }

  @Test
  void shouldReadTheLinksOfSeveralSubjectsAsEachAlone() {
    // written one after the other, so their ids lie close together; ex:many's objects are inline
    // integers, which take no space between them
    store.write(w -> w.replaceGraph(EX + "g/a", turtle("ex:first ex:p \"a\" ; ex:q ex:d1 .")));
    StringBuilder many = new StringBuilder("ex:many ex:n 0");
    for (int i = 1; i < 300; i++) {
      many.append(", ").append(i);
    }
    store.write(w -> w.replaceGraph(EX + "g/b", turtle(many + " .")));
    store.write(w -> w.replaceGraph(EX + "g/c", turtle("ex:last ex:p \"c\", \"b\" .")));
    store.read(
        r -> {
          TermIndex terms = r.terms();
          List<TermIndex.Term> subjects = new ArrayList<>();
          for (String name : List.of("first", "many", "last", "job1", "job3", "d1")) {
            subjects.add(terms.term(uri(EX + name)));
          }
          for (List<TermIndex.Term> some :
              List.of(
                  subjects, List.of(subjects.get(0), subjects.get(2)), subjects.subList(3, 6))) {
            Map<TermIndex.Term, List<TermIndex.Link>> links = terms.links(some);
            assertThat(links).hasSize(some.size());
            for (TermIndex.Term subject : some) {
              assertThat(links.get(subject)).isEqualTo(terms.links(subject));
            }
          }
          assertThat(terms.links(List.of(subjects.get(1))).get(subjects.get(1))).hasSize(300);
          assertThat(terms.links(subjects).get(subjects.get(5))).isEmpty();
          return null;
        });
  }

  private static List<List<Node>> decode(TermIndex terms, List<TermIndex.Link> links) {
    List<List<Node>> out = new ArrayList<>();
    for (TermIndex.Link l : links) {
      out.add(List.of(terms.node(l.predicate()), terms.node(l.object())));
    }
    return out;
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }
}
