package io.dossiersync.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon, pinned (STYLE "Build conventions", issue 16 section 4): the core imports no adapter,
 * no package depends on itself through others, and no module reaches into another module's {@code
 * internal} package.
 *
 * <p>It lives here because dossier-cli's test classpath holds every library module's main classes
 * (core, sqlite, postgres, http, receiver, testkit directly; dossier-sync and dossier-micrometer as
 * test dependencies added for this test). Test classes are not read: the rules are about what a
 * host gets in the jars.
 *
 * <p>Violations that are being fixed elsewhere are listed in {@link KnownViolations}, each with the
 * reason; everything else fails the build.
 */
class ArchitectureTest {

  /** The package prefix of every module (dossier-sync's facade sits in the root package). */
  private static final String ROOT = "io.dossiersync";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void everyModuleIsRead() {
    // If a module silently dropped off the classpath every rule below would pass vacuously.
    List<String> expected =
        List.of(
            "core",
            "sqlite",
            "postgres",
            "http",
            "receiver",
            "testkit",
            "cli",
            "micrometer",
            "sync");
    for (String module : expected) {
      boolean present = classes.stream().anyMatch(c -> module.equals(moduleOf(c).orElse("")));
      assertThat(present).as("classes of module %s on the test classpath", module).isTrue();
    }
  }

  @Test
  void coreImportsNoAdapter() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(ROOT + ".core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                ROOT, // dossier-sync's facade
                ROOT + ".sqlite..",
                ROOT + ".postgres..",
                ROOT + ".http..",
                ROOT + ".receiver..",
                ROOT + ".testkit..",
                ROOT + ".cli..",
                ROOT + ".micrometer..",
                "org.sqlite..", // sqlite-jdbc
                "org.postgresql..",
                "org.jooq..",
                "org.apache.hc..", // Apache HttpClient 5
                "java.net.http..", // the JDK's HttpClient
                "io.micrometer..")
            .because(
                "the core holds the ports and the rules; adapters plug into it, never the reverse");
    rule.check(classes);
  }

  @Test
  void noPackageCycles() {
    ArchRule rule =
        slices()
            .matching(ROOT + ".(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(KnownViolations.cycleOrigins(), KnownViolations.cycleTargets());
    rule.check(classes);
  }

  @Test
  void noLibraryChangesItsHostsSystemProperties() {
    // STYLE rule 19: only the applications (the dossier command) may set a JVM-wide property.
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".cli..")
            .should()
            .callMethod(System.class, "setProperty", String.class, String.class)
            .orShould()
            .callMethod(System.class, "clearProperty", String.class)
            .because("a library never changes its host (STYLE rule 19)");
    rule.check(classes);
  }

  @Test
  void noModuleReachesIntoAnotherModulesInternals() {
    internalsRule().check(classes);
  }

  @Test
  void theInternalsRuleReportsACrossingAndNothingElse() {
    // The one hand-written condition, checked against two fixtures: a cli class that uses
    // dossier-http's internal package is reported, one that uses only public API is not.
    JavaClasses fixtures =
        new ClassFileImporter().importClasses(ReachesIntoHttpInternal.class, UsesPublicApi.class);
    List<String> reported =
        internalsRule().evaluate(fixtures).getFailureReport().getDetails().stream().toList();
    assertThat(reported)
        .isNotEmpty()
        .allMatch(line -> line.contains(ReachesIntoHttpInternal.class.getName()))
        .anyMatch(line -> line.contains("io.dossiersync.http.internal.ClientSettings"));
  }

  private static ArchRule internalsRule() {
    return noClasses()
        .that(KnownViolations.notExempt())
        .should(dependOnAnotherModulesInternals())
        .because(
            "an internal package is public only for its own module, never for a host or"
                + " another adapter");
  }

  /** A fixture: a class of module cli that names dossier-http's internal settings type. */
  static final class ReachesIntoHttpInternal {
    @SuppressWarnings("unused")
    private io.dossiersync.http.internal.ClientSettings settings;
  }

  /** A fixture: a class of module cli that uses dossier-http's public API only. */
  static final class UsesPublicApi {
    @SuppressWarnings("unused")
    private io.dossiersync.http.HttpTransports transports;
  }

  private static ArchCondition<JavaClass> dependOnAnotherModulesInternals() {
    return new ArchCondition<>("depend on the internal package of another module") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<String> own = moduleOf(item);
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          Optional<String> targetModule = moduleOf(target);
          boolean crosses =
              isInternal(target) && targetModule.isPresent() && !targetModule.equals(own);
          if (crosses) {
            events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** Whether the class sits in an {@code internal} package (or below one). */
  static boolean isInternal(JavaClass type) {
    String name = type.getPackageName();
    return name.endsWith(".internal") || name.contains(".internal.");
  }

  /**
   * The module a class of ours belongs to: the first package segment below {@code io.dossiersync}
   * ({@code core}, {@code http}, …), or {@code sync} for the facade in the root package.
   */
  static Optional<String> moduleOf(JavaClass type) {
    String name = type.getPackageName();
    if (name.equals(ROOT)) {
      return Optional.of("sync");
    }
    if (!name.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String rest = name.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }
}
