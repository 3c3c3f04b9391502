package io.tessera.graphstore.tdb;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;

/**
 * What a query's algebra uses, including inside {@code EXISTS} and sub-queries: property paths that
 * did not compile down to plain triple patterns (they are evaluated against a graph, not through
 * TDB2's filtered index reads) and {@code SERVICE} calls.
 *
 * @param paths whether a property path remains after compilation
 * @param service whether the query calls a remote service
 */
record QueryFeatures(boolean paths, boolean service) {

  static QueryFeatures of(Query query) {
    Finder finder = new Finder();
    finder.walk(Algebra.compile(query));
    return new QueryFeatures(finder.paths, finder.service);
  }

  private static final class Finder extends OpVisitorBase {
    private boolean paths;
    private boolean service;

    void walk(Op op) {
      Walker.walk(
          op,
          this,
          new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp funcOp) {
              if (funcOp.getGraphPattern() != null) {
                walk(funcOp.getGraphPattern());
              }
            }
          });
    }

    @Override
    public void visit(OpPath opPath) {
      paths = true;
    }

    @Override
    public void visit(OpPropFunc opPropFunc) {
      paths = true;
    }

    @Override
    public void visit(OpService opService) {
      service = true;
    }
  }
}
