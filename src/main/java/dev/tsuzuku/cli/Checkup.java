package dev.tsuzuku.cli;

import dev.tsuzuku.app.Studio;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code tsuzuku doctor} looks at: the tools the pipeline runs and, given a workspace, its
 * state database. Every tool is reached through {@link Tools}, so tests run it without ffmpeg.
 */
final class Checkup {

    /** One line of the report. {@code essential} findings that are not ok make the doctor fail. */
    record Finding(String name, boolean ok, boolean essential, String detail, String fix) {
        String render() {
            String status = ok ? "ok" : essential ? "missing" : "warning";
            String line = String.format("%-8s %-10s %s", status, name, detail);
            return ok || fix == null ? line : line + "\n" + " ".repeat(20) + "fix: " + fix;
        }
    }

    /** The result of running a program: exit code and its combined output. */
    record Ran(int exitCode, String output) {}

    /** The machine as the doctor sees it. */
    interface Tools {
        /** The path of the bundled ffmpeg or ffprobe executable; throws when the jars cannot provide it. */
        Path bundled(String program) throws Exception;

        Optional<Path> onPath(String program);

        Ran run(List<String> command) throws Exception;

        int javaFeatureVersion();

        String javaVersion();
    }

    private static final String REBUILD = "the org.bytedeco ffmpeg jars are missing or do not fit this machine;"
            + " run ./mvnw package (linux-x86_64 ships ffmpeg with libx264)";

    private final Tools tools;

    Checkup(Tools tools) {
        this.tools = tools;
    }

    List<Finding> run(Path workspaceDir) {
        return run(workspaceDir, null);
    }

    /** All checks; given a workspace, its state database too (the one at {@code databaseUrl} when not null). */
    List<Finding> run(Path workspaceDir, String databaseUrl) {
        List<Finding> findings = new ArrayList<>();
        findings.add(java());
        Optional<Path> ffmpeg = bundled("ffmpeg", findings);
        bundled("ffprobe", findings);
        findings.add(x264(ffmpeg));
        findings.add(espeak());
        if (workspaceDir != null) {
            findings.add(stateDatabase(workspaceDir, databaseUrl));
        }
        return findings;
    }

    private Finding java() {
        boolean ok = tools.javaFeatureVersion() >= 17;
        return new Finding("java", ok, true, tools.javaVersion() + " (needs 17 or newer)",
                "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)");
    }

    private Optional<Path> bundled(String program, List<Finding> findings) {
        try {
            Path exe = tools.bundled(program);
            Ran ran = tools.run(List.of(exe.toString(), "-hide_banner", "-version"));
            if (ran.exitCode() != 0) {
                findings.add(new Finding(program, false, true, exe + " -version exited with " + ran.exitCode() + ": "
                        + firstLine(ran.output()), REBUILD));
                return Optional.empty();
            }
            findings.add(new Finding(program, true, true, version(ran.output()) + " at " + exe, null));
            return Optional.of(exe);
        } catch (Exception | LinkageError e) {
            findings.add(new Finding(program, false, true, "cannot load the bundled " + program + ": " + e.getMessage(), REBUILD));
            return Optional.empty();
        }
    }

    private Finding x264(Optional<Path> ffmpeg) {
        String fix = "use the GPL build of the org.bytedeco ffmpeg jar (classifier linux-x86_64-gpl)";
        if (ffmpeg.isEmpty()) {
            return new Finding("libx264", false, true, "not checked: no ffmpeg", fix);
        }
        try {
            Ran ran = tools.run(List.of(ffmpeg.get().toString(), "-hide_banner", "-encoders"));
            boolean found = ran.exitCode() == 0 && ran.output().lines().anyMatch(l -> l.trim().split("\\s+").length > 1
                    && l.trim().split("\\s+")[1].equals("libx264"));
            return new Finding("libx264", found, true, found ? "H.264 encoder available" : "ffmpeg has no libx264 encoder", fix);
        } catch (Exception e) {
            return new Finding("libx264", false, true, "ffmpeg -encoders failed: " + e.getMessage(), fix);
        }
    }

    private Finding espeak() {
        String fix = "bash scripts/setup.sh (or: apt-get install espeak-ng)";
        Optional<Path> exe = tools.onPath("espeak-ng");
        if (exe.isEmpty()) {
            return new Finding("espeak-ng", false, true, "not on PATH (the offline voices need it)", fix);
        }
        try {
            Ran ran = tools.run(List.of(exe.get().toString(), "--version"));
            return new Finding("espeak-ng", ran.exitCode() == 0, true,
                    (ran.exitCode() == 0 ? version(ran.output()) : "exited with " + ran.exitCode()) + " at " + exe.get(), fix);
        } catch (Exception e) {
            return new Finding("espeak-ng", false, true, "cannot run " + exe.get() + ": " + e.getMessage(), fix);
        }
    }

    private Finding stateDatabase(Path dir, String givenUrl) {
        Workspace ws = new Workspace(dir);
        String databaseUrl = Studio.databaseUrl(givenUrl, System.getenv());
        Path file = Database.stateFile(ws).resolveSibling("state.mv.db");
        if (!Files.isDirectory(ws.root())) {
            return new Finding("state db", false, true, ws.root() + " is not a folder", "give the folder of a series (it holds series.yaml)");
        }
        if (databaseUrl == null && !Files.isRegularFile(file)) {
            return new Finding("state db", false, true, "no " + ws.relative(file) + " in " + ws.root(),
                    "create the workspace with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        try {
            if (databaseUrl == null) {
                // H2 opens a file it may not write read-only, and would report all well here
                Database.requireWritable(ws);
            }
            try (Studio studio = Studio.open(ws, java.time.Clock.systemUTC(), Progress.silent(), databaseUrl)) {
                Database db = studio.database();
                EpisodeTracker.Status status = studio.episodes().status();
                long runs = db.transaction(c -> count(c, "stage_runs"));
                String where = databaseUrl == null ? ws.relative(file) : db.where();
                String series = status.series().map(s -> "series '" + s.id() + "', " + status.totals().episodes() + " episodes ("
                        + status.totals().render() + ")").orElse("no season planned yet");
                return new Finding("state db", true, true, where + " (schema v" + db.schemaVersion() + ", " + series + ", "
                        + runs + " stage runs)", null);
            }
        } catch (BadInputException e) {
            Problem p = e.problems().get(0);
            return new Finding("state db", false, true, (p.file() == null ? "" : p.file() + ": ") + p.message(), p.fix());
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String fix;
            if (databaseUrl != null) {
                fix = "check the URL given with --db or TSUZUKU_DB, that the server runs and that its user may connect";
            } else if (message.contains("in use by another")) {
                fix = "wait for the other tsuzuku command to finish (or stop it), then run again";
            } else if (message.contains("orrupted")) {
                fix = "keep .tsuzuku/state.mv.db (it remembers finished work and your edits): copy it somewhere safe, then"
                        + " recover it with H2's tool: java -cp target/lib/h2-*.jar org.h2.tools.Recover -dir " + ws.stateDir();
            } else {
                fix = "keep .tsuzuku/state.mv.db where it is (it remembers finished work and your edits): check that the"
                        + " disk has room and its files are readable, then run again (TSUZUKU_DEBUG=1 shows more)";
            }
            return new Finding("state db", false, true, message, fix);
        }
    }

    private static long count(java.sql.Connection c, String table) throws java.sql.SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** "ffmpeg version 7.1.1 Copyright …" → "7.1.1"; "eSpeak NG text-to-speech: 1.51  Data at: …" → "1.51". */
    static String version(String output) {
        String first = firstLine(output);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:version\\s+|:\\s*)(\\S*\\d\\S*)").matcher(first);
        return m.find() ? m.group(1) : first;
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").trim();
    }
}
