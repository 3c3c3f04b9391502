package io.tessera.catalogserver.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes: the library
 * modules know no Micronaut, dependency injection, HTTP or JDBC (the Maven enforcer keeps such jars
 * off their classpath; this keeps the JDK's own {@code java.sql} and {@code java.net.http} out of
 * their code too), libraries never reach up into the server, and no package of the server imports a
 * package that imports it back.
 */
class ModuleBoundariesTest {
  private static final String[] LIBRARIES = {
    "io.tessera.ontology..",
    "io.tessera.graphstore..",
    "io.tessera.searchindex..",
    "io.tessera.lineage..",
    "io.tessera.governance..",
    "io.tessera.descriptors.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tessera");
  }

  @Test
  void shouldKeepLibrariesFreeOfFrameworkHttpAndJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage(LIBRARIES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut..",
            "jakarta.inject..",
            "jakarta.annotation..",
            "io.netty..",
            "java.net.http..",
            "java.sql..",
            "javax.sql..",
            "liquibase..",
            "io.tessera.catalogserver..")
        .check(classes);
  }

  @Test
  void shouldKeepLineageAndSearchIndependentOfEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.tessera.lineage..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tessera.searchindex..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.tessera.searchindex..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.tessera.lineage..", "io.tessera.governance..", "io.tessera.descriptors..")
        .check(classes);
  }

  @Test
  void shouldPointGovernanceAndDescriptorsDownOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.tessera.governance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tessera.descriptors..", "io.tessera.searchindex..")
        .check(classes);
  }

  @Test
  void shouldHaveNoCycleBetweenServerPackages() {
    slices().matching("io.tessera.catalogserver.(*)..").should().beFreeOfCycles().check(classes);
  }
}
