package dev.tsuzuku.cli;

import dev.tsuzuku.app.StateCheck;
import java.nio.file.Path;
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

        /** What encodes drawn frames ({@code FfmpegMediaTool.inProcessEncoder}); throws when the in-process encoder cannot load. */
        String inProcessEncoder() throws Exception;
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
        findings.add(inProcess());
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

    /** Not essential: without it drawn frames go to ffmpeg processes, slower. */
    private Finding inProcess() {
        try {
            return new Finding("in-process", true, false, tools.inProcessEncoder(), null);
        } catch (Exception | LinkageError e) {
            return new Finding("in-process", false, false, e.getMessage() + "; drawn shots are encoded by ffmpeg processes instead (slower)",
                    "rebuild with ./mvnw package (the org.bytedeco ffmpeg jars, GPL build); or set TSUZUKU_ENCODE=process to say so");
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
        StateCheck.Result r = StateCheck.of(dir, givenUrl);
        return new Finding("state db", r.ok(), true, r.detail(), r.fix());
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
