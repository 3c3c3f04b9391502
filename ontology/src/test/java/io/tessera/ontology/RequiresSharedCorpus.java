package io.tessera.ontology;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that reads the public corpus ({@link SharedCorpus}). Where the
 * corpus is absent the test is disabled with a reason; with the system property {@value
 * SharedCorpusCondition#REQUIRE} set to {@code true} (as CI does) it fails instead, so a missing
 * corpus can never make CI skip tests silently.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SharedCorpusCondition.class)
public @interface RequiresSharedCorpus {}
