package dev.tsuzuku.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.store.Database;
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
 * kill -9 mid-run, then a restart: a real second JVM ({@link EngineWorker}) drives 16 shots
 * through the Seedance stub and is SIGKILLed while the stub holds the answer to its 6th create
 * (the task exists at the provider, the process never learns its id). A fresh JVM on the same
 * workspace carries on. Zero duplicate submissions (the stub counts creates per key), zero lost
 * takes (every shot ends verified), and the orphaned task is adopted by key, not paid again.
 */
class KillMidRunTest {
    static final int SHOTS = 16;

    @TempDir
    Path dir;

    @Test
    void a_process_killed_mid_run_and_restarted_pays_each_take_once_and_loses_none() throws Exception {
        Path clip = TestClips.vertical(dir, "take.mp4", 5);
        Path ws = Files.createDirectories(dir.resolve("ws"));
        try (SeedanceStub stub = new SeedanceStub(Files.readAllBytes(clip), Clock.systemUTC()::instant, 3)) {
            stub.p5xx = 0.05;
            Path log1 = dir.resolve("first.log");
            Process first = start(ws, stub, log1);
            CountDownLatch killed = new CountDownLatch(1);
            stub.beforeAnswer = n -> {
                if (n == 6 && killed.getCount() > 0) {
                    first.destroyForcibly(); // SIGKILL: no shutdown hook, no answer received
                    try {
                        first.waitFor(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    killed.countDown();
                }
            };
            boolean wasKilled = false;
            for (int waited = 0; waited < 120 && !wasKilled && (first.isAlive() || killed.getCount() == 0); waited++) {
                wasKilled = killed.await(1, TimeUnit.SECONDS);
            }
            assertThat(wasKilled).as("the first run reached its 6th create; log:\n%s", read(log1)).isTrue();
            assertThat(first.isAlive()).isFalse();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            int paidBeforeKill = stub.totalCreates();

            Path log2 = dir.resolve("second.log");
            Process second = start(ws, stub, log2);
            assertThat(second.waitFor(240, TimeUnit.SECONDS)).as("the restart settles; log:\n%s", read(log2)).isTrue();
            assertThat(second.exitValue()).as("log:\n%s", read(log2)).isZero();
            assertThat(read(log2)).contains("SETTLED");

            assertThat(stub.createsByTag()).as("each idempotency key created once").hasSize(SHOTS)
                    .allSatisfy((tag, n) -> assertThat(n).isEqualTo(1));
            assertThat(paidBeforeKill).as("creates answered or in flight at the kill").isBetween(6, 6 + 3);
            try (Database db = Database.open(new Workspace(ws))) {
                TakeStore store = new TakeStore(db);
                List<Take> all = store.takes("tales", 1);
                assertThat(all).as("one take per shot, none lost").hasSize(SHOTS)
                        .allSatisfy(t -> assertThat(t.state()).isEqualTo(TakeState.VERIFIED));
                assertThat(all).allSatisfy(t -> assertThat(ws.resolve(t.file())).exists());
                assertThat(all.stream().flatMap(t -> store.history(t.id()).stream()).map(TakeStore.Entry::note))
                        .as("the task created before the kill was adopted, not sent again")
                        .anyMatch(n -> n.contains("found at the provider by key"));
            }
        }
    }

    private static Process start(Path ws, SeedanceStub stub, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp, EngineWorker.class.getName(),
                ws.toString(), stub.base().toString(), Integer.toString(SHOTS))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
