package dev.tsuzuku.app;

import dev.tsuzuku.generate.SeedanceStub;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The second process of {@link ProduceKillTest}: {@code produce} of episode 1 of a workspace
 * whose shots go to a Seedance stub, on the real (threaded) job engine and the real clock, with
 * the fast stand-ins for voices and pictures. Prints PRODUCED when the episode is cut.
 */
public final class ProduceWorker {
    private ProduceWorker() {}

    public static void main(String[] args) {
        Workspace ws = new Workspace(Path.of(args[0]));
        FakeStudio fakes = new FakeStudio();
        try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), b -> fakes.kit(), FfmpegMediaTool.local())) {
            studio.env(Map.of("ARK_KEY", SeedanceStub.KEY));
            studio.productionFloor().produce("1", false, true);
        }
        System.out.println("PRODUCED");
    }
}
