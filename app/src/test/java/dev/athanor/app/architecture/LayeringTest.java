package dev.athanor.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model and the query builder must stay usable without a toolkit (command line, tests, other UIs). */
class LayeringTest {
    private static final JavaClasses LOWER_LAYERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.athanor.model", "dev.athanor.query");

    @Test
    void modelAndQueryBuilderDoNotDependOnJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.athanor.model..", "dev.athanor.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.fxmisc..")
                .check(LOWER_LAYERS);
    }

    @Test
    void launcherEntryPointDoesNotTouchJavaFx() {
        // Command-line subcommands start from Main; naming a toolkit class there would load JavaFX for them too.
        noClasses()
                .that()
                .haveFullyQualifiedName("dev.athanor.app.Main")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .check(new ClassFileImporter().importClasses(dev.athanor.app.Main.class));
    }

    @Test
    void ruleSeesTheEngineAndTheCatalog() {
        // Guards the rule above against passing vacuously when the import finds nothing.
        assertThat(LOWER_LAYERS.containPackage("dev.athanor.model.engine")).isTrue();
        assertThat(LOWER_LAYERS.containPackage("dev.athanor.model.catalog")).isTrue();
    }
}
