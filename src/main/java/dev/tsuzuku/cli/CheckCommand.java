package dev.tsuzuku.cli;

import dev.tsuzuku.app.VoiceCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tsuzuku check DIR [--episode N|all]}: how much of each storyboarded episode a viewer
 * hears a voice, and its longest silence outside the title and end cards. Exit 1 when an episode
 * misses the target (voice on 85% of the runtime, no silence over 4 s).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Measure each storyboarded episode: voice share of the runtime and the longest silent stretch "
                + "(target: voice on >= 85%%, no silence over 4 s outside the title and end cards).")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the series workspace")
    Path dir;

    @Option(names = "--episode", paramLabel = "N|all", defaultValue = "all",
            description = "one episode number, or all storyboarded episodes (default: ${DEFAULT-VALUE})")
    String episode;

    @Option(names = "--from-cut",
            description = "measure produced episodes on their sound (the voice stem of the mix, on the cut's timeline) "
                    + "instead of the storyboard's timing")
    boolean fromCut;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<VoiceCheck.Measured> all = fromCut ? VoiceCheck.measureCut(dir, episode) : VoiceCheck.measure(dir, episode);
        int missed = 0;
        for (VoiceCheck.Measured m : all) {
            missed += m.ok() ? 0 : 1;
            out.printf(Locale.ROOT, "episode %s: voice %.0f%% of %.1f s, longest silence %.1f s at %s%s%n",
                    m.folder(), m.share() * 100, m.seconds(), m.longestSilence(), clock(m.silenceAt()),
                    m.ok() ? "" : "  (below target)");
        }
        out.printf(Locale.ROOT, "%d of %d episodes meet the target (voice >= %.0f%%, no silence over %.0f s)%n",
                all.size() - missed, all.size(), VoiceCheck.TARGET_SHARE * 100, VoiceCheck.MAX_SILENT_SECONDS);
        out.flush();
        return missed == 0 ? Main.OK : Main.FAILURE;
    }

    private static String clock(double seconds) {
        int s = (int) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
