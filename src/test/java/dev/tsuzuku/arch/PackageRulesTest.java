package dev.tsuzuku.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;

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

    /**
     * The verbs parse, call the app and print: cli reaches the stages, adapters, the runner, the
     * database and the workspace files only through app, so what a verb does is what the app
     * (and the web studio, later) can do too.
     */
    @Test
    void the_cli_goes_through_the_app() {
        classes().that().resideInAPackage("dev.tsuzuku.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.cli..", "dev.tsuzuku.app..", "dev.tsuzuku.model..",
                        "java..", "picocli..", "org.bytedeco.javacpp..")
                .check(MAIN);
    }

    private static final String[] ADAPTERS = {"dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.story..",
        "dev.tsuzuku.store..", "dev.tsuzuku.board..", "dev.tsuzuku.plan..", "dev.tsuzuku.ingest..", "dev.tsuzuku.video..",
        "dev.tsuzuku.provider.."};

    /**
     * produce receives its adapters (pictures, voice, mixing, boarding, the media tools) through
     * ports, built by the composition root: it constructs none of them (records such as the
     * manifest are data, not adapters), locates no binary and reads no other stage's files.
     * {@code ProduceBench} is the exception by design: it times the real ffmpeg against the
     * stage's own path, so it drives the binaries itself.
     */
    @Test
    void produce_uses_ports_only() {
        DescribedPredicate<JavaConstructorCall> anAdapter = DescribedPredicate.describe("a constructor of an adapter",
                call -> !call.getTargetOwner().isRecord()
                        && java.util.Arrays.stream(ADAPTERS).anyMatch(p -> call.getTargetOwner().getPackageName()
                                .startsWith(p.substring(0, p.length() - 2))));
        noClasses().that().resideInAPackage("dev.tsuzuku.produce..").and().doNotHaveSimpleName("ProduceBench")
                .should().callConstructorWhere(anAdapter)
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.tsuzuku.produce..").and().doNotHaveSimpleName("ProduceBench")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.tsuzuku.render.FfmpegBinaries")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.tsuzuku.voice.OfflineVoices")
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.tsuzuku.store..", "dev.tsuzuku.story..",
                        "dev.tsuzuku.board..", "dev.tsuzuku.plan..", "dev.tsuzuku.ingest..", "dev.tsuzuku.app..", "dev.tsuzuku.cli..")
                .check(MAIN);
    }

    /**
     * The server sees the workspaces only through its ports (Library, NextDrop) and the route
     * modules it is handed: it reads no database, runs no stage and knows nothing of the CLI.
     */
    @Test
    void the_server_reaches_the_rest_only_through_its_ports() {
        noClasses().that().resideInAPackage("dev.tsuzuku.serve..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.cli..", "dev.tsuzuku.app..", "dev.tsuzuku.store..", "dev.tsuzuku.produce..",
                        "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.story..", "dev.tsuzuku.board..",
                        "dev.tsuzuku.plan..", "dev.tsuzuku.ingest..", "dev.tsuzuku.pipeline..", "dev.tsuzuku.video..")
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
