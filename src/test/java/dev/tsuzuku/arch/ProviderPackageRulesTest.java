package dev.tsuzuku.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Where the AI provider adapters sit: {@code provider} is HTTP plumbing every cloud adapter
 * shares and knows only the model; {@code video} (video and keyframe ports + adapters) is an
 * adapter package like the others and never reaches into them or the stages.
 */
class ProviderPackageRulesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tsuzuku");

    @Test
    void the_provider_plumbing_knows_only_the_model() {
        noClasses().that().resideInAPackage("dev.tsuzuku.provider..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.cli..", "dev.tsuzuku.app..", "dev.tsuzuku.pipeline..", "dev.tsuzuku.workspace..",
                        "dev.tsuzuku.ingest..", "dev.tsuzuku.plan..", "dev.tsuzuku.story..", "dev.tsuzuku.board..",
                        "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.store..", "dev.tsuzuku.produce..",
                        "dev.tsuzuku.video..")
                .check(MAIN);
    }

    @Test
    void video_adapters_import_no_other_adapter_and_no_stage() {
        noClasses().that().resideInAPackage("dev.tsuzuku.video..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.tsuzuku.cli..", "dev.tsuzuku.app..", "dev.tsuzuku.pipeline..", "dev.tsuzuku.story..",
                        "dev.tsuzuku.render..", "dev.tsuzuku.voice..", "dev.tsuzuku.store..", "dev.tsuzuku.produce..")
                .check(MAIN);
    }

    @Test
    void no_other_adapter_imports_the_video_adapters() {
        noClasses().that().resideInAnyPackage("dev.tsuzuku.story..", "dev.tsuzuku.render..", "dev.tsuzuku.voice..",
                        "dev.tsuzuku.store..", "dev.tsuzuku.pipeline..", "dev.tsuzuku.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.tsuzuku.video..")
                .check(MAIN);
    }
}
