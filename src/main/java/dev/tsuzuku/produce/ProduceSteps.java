package dev.tsuzuku.produce;

import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Steps;
import dev.tsuzuku.render.HlsLadder;
import dev.tsuzuku.render.MediaTool;
import java.time.Clock;

/**
 * The produce stage as a named list of steps. A new capability (generate takes with a video
 * provider, package HLS, release) is one more step in this list, placed after the step whose
 * result it needs; the stage, the runner and the ledger stay as they are.
 */
public final class ProduceSteps {
    private ProduceSteps() {}

    /** sheets → voices → retime → shots → mix → cut → sidecars → verify → manifest → hls. */
    public static Steps<Production> standard(ProductionKit kit, MediaTool media, ArtifactCache cache, Clock clock) {
        MixStep mix = new MixStep(kit.mixing(), cache);
        CutStep cut = new CutStep(media, cache);
        // the mix and its audio parts need no picture: made alongside the last shots, they fill a core
        // that would wait for the longest shot (the mix and cut steps then only find them)
        Steps<Production> steps = Steps.of(
                new SheetsStep(kit.pictures(), cache),
                new VoicesStep(kit.voice(), kit.casting(), cache),
                new RetimeStep(kit.boarding()),
                new ShotsStep(kit.pictures(), media, cache, p -> {
                    mix.run(p, Progress.silent().start("mix", 1));
                    cut.audioAhead(p);
                }),
                mix,
                cut,
                new SidecarsStep(kit.pictures()),
                new VerifyStep(media),
                new ManifestStep(kit.pictures(), clock))
                .append(new HlsStep(media, cache));
        // AI generation is one more step before the shots, present only when a provider is configured,
        // so a series without a generation section makes exactly what it made before
        return kit.generator().enabled() ? steps.insertAfter("retime", new GenerateStep(kit.generator(), kit.pictures()))
                : steps;
    }

    /**
     * Everything besides the episode's own inputs that changes what the standard steps make: the
     * steps' versions and the adapters' names, versions and settings. Part of produce's input hash.
     */
    public static String versions(ProductionKit kit, MediaTool media) {
        return "sheets-" + SheetsStep.VERSION + " voice-" + VoicesStep.VERSION + " segment-" + ShotsStep.VERSION
                + " mix-" + MixStep.VERSION + " cut-" + CutStep.VERSION + " manifest-" + ManifestStep.VERSION
                + " hls-" + HlsStep.VERSION + "/" + HlsLadder.VERSION
                + " voice=" + kit.voice().name() + " pictures=" + kit.pictures().provider() + "/" + kit.pictures().version()
                + " mixing=" + kit.mixing().version() + " encoder=" + media.settings()
                + (kit.generator().enabled() ? " generate-" + GenerateStep.VERSION : "");
    }
}
