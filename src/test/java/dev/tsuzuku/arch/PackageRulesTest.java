package dev.tsuzuku.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency direction of DESIGN.md, checked on every build. */
class PackageRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tsuzuku");

    @Test
    void the_domain_model_depends_on_nothing_of_ours() {
        noClasses().that().resideInAPackage("dev.tsuzuku.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.cli..", "dev.tsuzuku.app..", "dev.tsuzuku.pipeline..", "dev.tsuzuku.workspace..",
                        "dev.tsuzuku.ingest..", "dev.tsuzuku.plan..", "dev.tsuzuku.story..", "dev.tsuzuku.board..",
                        "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.store..", "dev.tsuzuku.produce..")
                .check(MAIN);
    }

    @Test
    void only_the_cli_and_the_composition_root_know_the_cli() {
        noClasses().that().resideOutsideOfPackage("dev.tsuzuku.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.tsuzuku.cli..")
                .check(MAIN);
    }

    @Test
    void adapters_never_import_each_other() {
        String[] adapters = {"dev.tsuzuku.story..", "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.store.."};
        for (String adapter : adapters) {
            String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(adapter)).toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(MAIN);
        }
    }

    @Test
    void the_process_port_depends_only_on_the_model() {
        noClasses().that().resideInAPackage("dev.tsuzuku.process..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.cli..", "dev.tsuzuku.app..", "dev.tsuzuku.pipeline..", "dev.tsuzuku.workspace..",
                        "dev.tsuzuku.ingest..", "dev.tsuzuku.plan..", "dev.tsuzuku.story..", "dev.tsuzuku.board..",
                        "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.store..", "dev.tsuzuku.produce..")
                .check(MAIN);
    }

    @Test
    void the_pipeline_uses_no_adapter() {
        noClasses().that().resideInAPackage("dev.tsuzuku.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.story..", "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.store..", "dev.tsuzuku.cli..")
                .check(MAIN);
    }

    @Test
    void a_rule_about_a_package_that_does_not_exist_fails_instead_of_passing_unchecked() {
        // archunit.properties sets failOnEmptyShould: a renamed package must break its rule, not silence it
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("dev.tsuzuku.renamed..")
                .should().dependOnClassesThat().resideInAPackage("dev.tsuzuku.cli..")
                .check(MAIN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
