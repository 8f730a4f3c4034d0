package dev.athanor.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The app's packages depend only downward: {@code window} (with the launcher and the screenshots) composes the
 * features; the features ({@code builder}, {@code console}, {@code schema}, {@code echo}, {@code connect}, {@code
 * cli}) stand side by side; below them are the pieces they share ({@code results}, {@code problem}, {@code sqltext},
 * {@code transfer}, {@code task}).
 */
class PackagesTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.athanor.app");

    /** Features that must not reach into each other; {@code connect} opens the schema and echo services. */
    private static final List<String> SIDE_BY_SIDE =
            List.of("builder", "console", "schema", "session", "graph", "echo", "cli");

    private static final List<String> SHARED = List.of("results", "problem", "sqltext", "transfer", "task");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.athanor.app.(*)..").should().beFreeOfCycles().check(APP);
    }

    @Test
    void nothingButTheLauncherAndScreenshotsDependsOnTheWindow() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.athanor.app", "dev.athanor.app.window..", "dev.athanor.app.screens..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.athanor.app.window..")
                .check(APP);
    }

    @Test
    void featuresDoNotDependOnEachOther() {
        for (var feature : SIDE_BY_SIDE) {
            var others = SIDE_BY_SIDE.stream()
                    .filter(other -> !other.equals(feature))
                    .map(other -> "dev.athanor.app." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("dev.athanor.app." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .orShould()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.athanor.app.connect..")
                    .check(APP);
        }
    }

    @Test
    void sharedPiecesDependOnNoFeature() {
        for (var shared : SHARED) {
            noClasses()
                    .that()
                    .resideInAPackage("dev.athanor.app." + shared + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "dev.athanor.app.builder..",
                            "dev.athanor.app.console..",
                            "dev.athanor.app.schema..",
                            "dev.athanor.app.session..",
                            "dev.athanor.app.graph..",
                            "dev.athanor.app.echo..",
                            "dev.athanor.app.connect..",
                            "dev.athanor.app.cli..",
                            "dev.athanor.app.window..")
                    .check(APP);
        }
    }

    @Test
    void rulesSeeEveryPackage() {
        // Guards the rules above against passing vacuously when the import misses a package.
        for (var name : List.of(
                "window", "builder", "console", "schema", "session", "graph", "connect", "problem", "transfer")) {
            assertThat(APP.containPackage("dev.athanor.app." + name)).as(name).isTrue();
        }
    }
}
