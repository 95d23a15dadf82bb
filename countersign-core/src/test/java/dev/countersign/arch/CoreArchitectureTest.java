package dev.countersign.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The decision core imports only the JDK, CEL (the policy language) and nullness annotations. */
class CoreArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.countersign");

  @Test
  void coreDependsOnlyOnTheJdkAndCel() {
    classes()
        .that()
        .resideInAPackage("dev.countersign..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.countersign..",
            "java..",
            "dev.cel..",
            "com.google.protobuf..",
            "com.google.common..",
            "org.jspecify..")
        .because("the decision core must stay free of web, JDBC, JSON and CLI frameworks (STYLE §1)")
        .check(CORE);
  }

  @Test
  void coreDoesNotReadTheSystemClock() {
    noClasses()
        .that()
        .resideInAPackage("dev.countersign..")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .because("time is injected into the core (STYLE §6)")
        .check(CORE);
  }
}
