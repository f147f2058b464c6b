package dev.tsuzuku.generate;

import dev.tsuzuku.jobs.JobEngine;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.video.SeedanceVideo;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.workspace.Workspace;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A second JVM for {@link KillMidRunTest}: opens the workspace's database, asks for one take per
 * shot from the Seedance stub and runs the job engine until every take has settled.
 * Arguments: workspace, stub base URL, number of shots.
 */
public final class EngineWorker {
    private EngineWorker() {}

    public static void main(String[] args) {
        Path ws = Path.of(args[0]);
        URI stub = URI.create(args[1]);
        int shots = Integer.parseInt(args[2]);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(new Workspace(ws))) {
            SeedanceVideo seedance = new SeedanceVideo(stub, SeedanceStub.KEY, null, Duration.ofSeconds(2),
                    Duration.ofSeconds(10), clock);
            TakeEngine takes = TakeEngine.builder(db, ws).video(seedance, 4).clipCheck(MediaClipCheck.local())
                    .polling(Duration.ofMillis(100), Duration.ofMillis(300)).backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                    .slotWait(Duration.ofMillis(300)).build();
            JobEngine jobs = takes.register(JobEngine.on(db, clock).threads(4).pollEvery(Duration.ofMillis(100))
                    .heartbeat(Duration.ofMillis(250), 4)).start();
            for (int i = 1; i <= shots; i++) {
                takes.request(new ShotKey("tales", 1, i), "seedance", TakeRequest.of("k", "shot " + i + ": rain on the lake", 5),
                        null);
            }
            takes.awaitSettled("tales", 1, Duration.ofMinutes(4));
            System.out.println("SETTLED");
            jobs.stop();
        }
    }
}
