package dev.tsuzuku.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.generate.SeedanceStub;
import dev.tsuzuku.generate.Take;
import dev.tsuzuku.generate.TakeState;
import dev.tsuzuku.generate.TakeStore;
import dev.tsuzuku.produce.FakeStudio;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a whole {@code produce}: a real second JVM ({@link ProduceWorker})
 * produces an episode whose every shot goes to the Seedance stub, and is SIGKILLed at one of two
 * points: while the stub holds back the answer to its 2nd create (the task exists, the process
 * never learns its id), or while it holds back the 2nd output download (the provider has
 * finished and the take has given its slot back, its clip is not stored yet). Produce again in a
 * fresh JVM: the episode ships, each idempotency key was created once at the stub, and every
 * shot's take is verified and in the cut.
 */
class ProduceKillTest {
    private static final MediaTool MEDIA = FfmpegMediaTool.local();

    @TempDir
    Path dir;

    @Test
    void produce_killed_mid_run_and_run_again_ships_the_episode_paying_each_take_once() throws Exception {
        killedAndRunAgain(false);
    }

    @Test
    void produce_killed_while_a_finished_take_downloads_fetches_it_again_and_pays_nothing_twice() throws Exception {
        killedAndRunAgain(true);
    }

    /** Kills the first produce at its 2nd create answer, or ({@code atDownload}) at its 2nd download. */
    private void killedAndRunAgain(boolean atDownload) throws Exception {
        Path mp4 = dir.resolve("take.mp4");
        MEDIA.encode(new GenerationEndToEndTest.Bars(180, 320, 24 * 4), 24, mp4, i -> { });
        Workspace ws = new Workspace(Files.createDirectories(dir.resolve("ws")));
        try (SeedanceStub stub = new SeedanceStub(Files.readAllBytes(mp4), Clock.systemUTC()::instant, 11)) {
            stub.getsToFinish = 1; // done at the first poll: the run is short, the kill and the restart are what count
            Json.writeFile(ws.seasonJson(), FakeStudio.season());
            Json.writeFile(ws.episodeDir(1).resolve("script.json"), FakeStudio.script(1, "A peach!", "I go east.",
                    "Who goes there?", "A friend."));
            AtomicFiles.write(ws.bible(), BibleFile.render(FakeStudio.bible()) + "\n"
                    + "generation:\n"
                    + "  providers: [seedance]\n"
                    + "  routes: {cold-open: [video], hook: [video], action: [video], narration: [video],"
                    + " dialogue-close-up: [video]}\n"
                    + "  accounts:\n"
                    + "    seedance: {keyEnv: ARK_KEY, baseUrl: \"" + stub.base() + "\", concurrency: 2}\n");

            Path log1 = dir.resolve("first.log");
            Process first = start(ws.root(), log1);
            CountDownLatch killed = new CountDownLatch(1);
            java.util.function.IntConsumer kill = n -> {
                if (n == 2 && killed.getCount() > 0) {
                    first.destroyForcibly(); // SIGKILL: no shutdown hook, the answer never arrives
                    try {
                        first.waitFor(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    killed.countDown();
                }
            };
            if (atDownload) {
                stub.beforeDownload = kill;
            } else {
                stub.beforeAnswer = kill;
            }
            boolean wasKilled = false;
            for (int waited = 0; waited < 240 && !wasKilled && (first.isAlive() || killed.getCount() == 0); waited++) {
                wasKilled = killed.await(1, TimeUnit.SECONDS);
            }
            assertThat(wasKilled).as("the first produce reached its 2nd %s; log:\n%s", atDownload ? "download" : "create",
                    read(log1)).isTrue();
            stub.beforeDownload = n -> { };
            stub.beforeAnswer = n -> { };
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            Path log2 = dir.resolve("second.log");
            Process second = start(ws.root(), log2);
            assertThat(second.waitFor(300, TimeUnit.SECONDS)).as("produce again finishes; log:\n%s", read(log2)).isTrue();
            assertThat(second.exitValue()).as("log:\n%s", read(log2)).isZero();
            assertThat(read(log2)).contains("PRODUCED");

            Manifest m = Json.readFile(ws.episodeDir(1).resolve("manifest.json"), Manifest.class, "produce");
            List<Manifest.ShotRef> video = m.shots().stream().filter(s -> s.provider().equals("seedance")).toList();
            assertThat(video).as("the shots came from the provider, none fell back").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.fallback()).isNull());
            assertThat(Files.size(ws.episodeDir(1).resolve("episode.mp4"))).isPositive();
            assertThat(stub.createsByTag()).as("zero duplicate submissions: each key created once")
                    .hasSize(video.size()).allSatisfy((tag, n) -> assertThat(n).isEqualTo(1));
            try (Database db = Database.open(ws)) {
                TakeStore store = new TakeStore(db);
                List<Take> takes = store.takes("peach-boy", 1);
                assertThat(takes).as("zero lost takes").filteredOn(t -> t.kind().equals(Take.VIDEO)).hasSize(video.size())
                        .allSatisfy(t -> assertThat(t.state()).isEqualTo(TakeState.VERIFIED));
                if (atDownload) {
                    assertThat(stub.downloads()).as("the clip whose download was cut off was fetched again")
                            .isGreaterThan(video.size());
                } else {
                    assertThat(takes.stream().flatMap(t -> store.history(t.id()).stream()).map(TakeStore.Entry::note))
                            .as("the task created as the first process died was adopted by key, not sent again")
                            .anyMatch(n -> n.contains("found at the provider by key"));
                }
            }
        }
    }

    private static Process start(Path ws, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx384m", "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-cp", cp,
                ProduceWorker.class.getName(), ws.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
