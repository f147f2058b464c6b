package dev.tsuzuku.render;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tsuzuku.process.ProcessRunner;
import dev.tsuzuku.process.RunFiles;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during the cut, then a re-run: a real second JVM cuts an 8 s master (216×384) with the
 * real ffmpeg while this test feeds the mix through a FIFO and holds it open, so the cut is
 * reliably in progress when the JVM is killed, and an orphaned ffmpeg would wait on the FIFO
 * forever. (ffmpeg opens its output only after 5 s of a piped input: hence 8 s, the last one held back.)
 */
@EnabledOnOs(OS.LINUX)
class KillDuringCutTest {
    static final int W = 216;
    static final int H = 384;
    static final int FRAMES = 240;
    static final long SAMPLES = FRAMES * 1600L; // 48 kHz at 30 fps

    @TempDir
    Path dir;

    @Test
    void a_killed_cut_takes_its_ffmpeg_with_it_moves_nothing_into_place_and_the_rerun_is_clean() throws Exception {
        MediaTool tool = FfmpegMediaTool.local();
        Path a = dir.resolve("a.mp4");
        Path b = dir.resolve("b.mp4");
        tool.encode(new MovingSquare(W, H, FRAMES / 2, 0.2f), 30, a, n -> {});
        tool.encode(new MovingSquare(W, H, FRAMES / 2, 0.7f), 30, b, n -> {});
        Path episodeDir = Files.createDirectories(dir.resolve("episodes").resolve("001"));
        Path master = episodeDir.resolve("episode.mp4");
        Path fifo = dir.resolve("mix.wav");
        assertThat(ProcessRunner.local().run(List.of("mkfifo", fifo.toString()), new byte[0], Duration.ofSeconds(10)).exitCode()).isZero();

        WatchService watch = FileSystems.getDefault().newWatchService();
        episodeDir.register(watch, ENTRY_CREATE);
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(javaCommand(master, fifo, a, b)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OutputStream mix = null;
        try {
            mix = openForWriting(fifo, child, log); // returns once ffmpeg has opened the mix
            ProcessHandle ffmpeg = child.toHandle().children()
                    .filter(h -> h.info().command().map(c -> c.contains("ffmpeg")).orElse(false))
                    .findFirst().orElseThrow(() -> new AssertionError("no ffmpeg child of the cutting JVM"));
            // all of the mix but its last second: ffmpeg is mid-cut, writing its temporary master, waiting for the rest
            OutputStream feed = mix;
            byte[] wav = wav(SAMPLES);
            CompletableFuture.runAsync(() -> {
                try {
                    feed.write(wav, 0, wav.length - 192_000);
                    feed.flush();
                } catch (IOException e) {
                    // ffmpeg died: expected once the JVM is killed
                }
            });
            Path tmp = awaitCreated(watch, episodeDir, ".tmp.mp4", child, log);
            assertThat(RunFiles.owner(tmp)).contains(RunFiles.idOf(child.toHandle()));

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor();

            // the FIFO is still open here, so only the death of its parent can end ffmpeg
            assertThat(dies(ffmpeg, Duration.ofSeconds(30))).as("ffmpeg died with the JVM that started it").isTrue();
            assertThat(master).as("nothing unverified was moved into place").doesNotExist();
        } finally {
            child.destroyForcibly();
            closeQuietly(mix);
            watch.close();
        }

        Path realMix = SineWav.write(dir.resolve("mix-again.wav"), SAMPLES, 440);
        tool.cut(List.of(a, b), realMix, new MasterSpec(W, H, 30, FRAMES), master);

        assertThat(tool.decodeErrors(master)).isEmpty();
        assertThat(Probe.offSpec(tool.probe(master), new MasterSpec(W, H, 30, FRAMES))).isEmpty();
        try (var files = Files.list(episodeDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("the dead run's temporary master was swept").containsExactly("episode.mp4");
        }
    }

    private static List<String> javaCommand(Path master, Path mix, Path a, Path b) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp, CutInAnotherJvm.class.getName(),
                master.toString(), mix.toString(), Integer.toString(W), Integer.toString(H), "30", Integer.toString(FRAMES),
                a.toString(), b.toString());
    }

    /** Opens the FIFO for writing, which blocks until ffmpeg opens it for reading; fails if the child dies first. */
    private static OutputStream openForWriting(Path fifo, Process child, Path log) throws Exception {
        CompletableFuture<OutputStream> open = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            CompletableFuture.anyOf(open, child.onExit()).get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // fall through: reported below
        }
        if (!open.isDone()) {
            new FileInputStream(fifo.toFile()).close(); // unblocks the pending open
            fail("the cutting JVM never opened the mix; it said:\n" + Files.readString(log));
        }
        return open.get();
    }

    private static Path awaitCreated(WatchService watch, Path dir, String suffix, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            WatchKey key = watch.poll(1, TimeUnit.SECONDS);
            if (key == null) {
                continue;
            }
            for (WatchEvent<?> e : key.pollEvents()) {
                Path name = (Path) e.context();
                if (name != null && name.toString().endsWith(suffix)) {
                    return dir.resolve(name);
                }
            }
            key.reset();
        }
        return fail("ffmpeg never created its temporary master; the cutting JVM said:\n" + Files.readString(log));
    }

    /** Waits for {@code h} to end (a zombie that nobody reaped counts as ended). */
    private static boolean dies(ProcessHandle h, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (gone(h)) {
                return true;
            }
            try {
                h.onExit().get(200, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                // look again
            }
        }
        return gone(h);
    }

    private static boolean gone(ProcessHandle h) {
        Path stat = Path.of("/proc", Long.toString(h.pid()), "stat");
        try {
            String s = Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static byte[] wav(long samples) {
        int dataBytes = (int) (samples * 4);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(48_000).putInt(48_000 * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (long i = 0; i < samples; i++) {
            short v = (short) (6000 * Math.sin(2 * Math.PI * 330 * i / 48_000));
            b.putShort(v).putShort(v);
        }
        return b.array();
    }

    private static void closeQuietly(OutputStream s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            // ffmpeg is gone: a broken pipe is expected
        }
    }
}
