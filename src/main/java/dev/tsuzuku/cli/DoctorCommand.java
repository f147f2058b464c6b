package dev.tsuzuku.cli;

import dev.tsuzuku.app.Programs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tsuzuku doctor [DIR]}: one line per check, with the fix; exit 1 when an essential check fails. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks Java, the bundled ffmpeg/ffprobe (with libx264), espeak-ng and, given DIR, its state database.")
final class DoctorCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "A series workspace whose state database to check.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    private final Checkup.Tools tools;

    DoctorCommand() {
        this(new SystemTools());
    }

    DoctorCommand(Checkup.Tools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Checkup.Finding> findings = new Checkup(tools).run(dir, dir == null ? null : database.url());
        findings.forEach(f -> out.println(f.render()));
        long failed = findings.stream().filter(f -> f.essential() && !f.ok()).count();
        out.println(failed == 0 ? "all essential checks passed" : failed + " essential check" + (failed == 1 ? "" : "s") + " failed");
        out.flush();
        return failed == 0 ? Main.OK : Main.FAILURE;
    }

    /** The real machine: the org.bytedeco jars, PATH, and child processes with a time limit. */
    static final class SystemTools implements Checkup.Tools {
        @Override
        public Path bundled(String program) throws Exception {
            // The GPL build is the one with libx264; the property must be set before the first load.
            System.setProperty("org.bytedeco.javacpp.platform.extension", "-gpl");
            Class<?> cls = Class.forName("org.bytedeco.ffmpeg." + program);
            return Path.of(org.bytedeco.javacpp.Loader.load(cls));
        }

        @Override
        public Optional<Path> onPath(String program) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(d.isEmpty() ? "." : d, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        @Override
        public Checkup.Ran run(List<String> command) {
            Programs.Ran r = Programs.run(command);
            return new Checkup.Ran(r.exitCode(), r.output());
        }

        @Override
        public int javaFeatureVersion() {
            return Runtime.version().feature();
        }

        @Override
        public String javaVersion() {
            return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        }

        @Override
        public String inProcessEncoder() {
            return Programs.inProcessEncoder();
        }
    }
}
