package dev.tsuzuku.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The season on disk: {@code season.json} (the contract later stages read) and {@code season.md}
 * (the same plan for the showrunner to review).
 */
public final class SeasonFiles {
    private SeasonFiles() {}

    /** Writes both files and returns their paths. */
    public static List<Path> write(Workspace workspace, Season season, Bible bible) {
        Json.writeFile(workspace.seasonJson(), season);
        dev.tsuzuku.workspace.AtomicFiles.write(workspace.seasonMarkdown(), markdown(season, bible));
        return List.of(workspace.seasonJson(), workspace.seasonMarkdown());
    }

    /** Episode numbers name folders ({@code episodes/001}): whole, positive, three digits at most. */
    public static final int MAX_EPISODE = 999;

    /**
     * Reads {@code season.json}, hand edits included: the episode numbers are checked before the
     * rest is mapped, so a number that is not whole, out of range or used twice is reported at its
     * line with a fix, and never becomes a folder like {@code episodes/-05}.
     */
    public static Season read(Workspace workspace) {
        Path file = workspace.seasonJson();
        String remake = "tsuzuku plan " + workspace.root() + " --force";
        String text = Json.readText(file, "tsuzuku plan " + workspace.root());
        List<Problem> problems = episodeNumbers(file.toString(), text);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return Json.parse(file, text, Season.class, remake);
    }

    /** Every problem with {@code episodes[].number}, at its line; empty when the JSON is not even readable. */
    static List<Problem> episodeNumbers(String file, String text) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Integer> firstLine = new HashMap<>();
        String fix = "number the episodes 1, 2, 3 … (whole numbers up to " + MAX_EPISODE + ", each once),"
                + " or plan again with: tsuzuku plan DIR --force";
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonLocation episodeStart = null;
            boolean numbered = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String at = p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT && EPISODE.matcher(at).matches()) {
                    episodeStart = p.currentTokenLocation();
                    numbered = false;
                } else if (t == JsonToken.END_OBJECT && EPISODE.matcher(at).matches() && episodeStart != null) {
                    if (!numbered) {
                        problems.add(new Problem(file, episodeStart.getLineNr(), episodeStart.getColumnNr(),
                                "episodes[" + at.substring(at.lastIndexOf('/') + 1) + "] has no number", fix));
                    }
                    episodeStart = null;
                } else if (t.isScalarValue() && NUMBER.matcher(at).matches()) {
                    numbered = true;
                    JsonLocation l = p.currentTokenLocation();
                    String path = "episodes[" + at.split("/")[2] + "].number";
                    String raw = p.getText();
                    String wrong = null;
                    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        wrong = raw + " is not a whole number";
                    } else if (t != JsonToken.VALUE_NUMBER_INT) {
                        wrong = "expected a whole number, got " + (t == JsonToken.VALUE_STRING ? "\"" + raw + "\"" : raw);
                    } else if (p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() < 1
                            || p.getIntValue() > MAX_EPISODE) {
                        wrong = raw + " is outside 1–" + MAX_EPISODE;
                    } else {
                        Integer first = firstLine.putIfAbsent(p.getLongValue(), l.getLineNr());
                        if (first != null) {
                            wrong = "episode " + raw + " is listed twice (first at line " + first + ")";
                        }
                    }
                    if (wrong != null) {
                        problems.add(new Problem(file, l.getLineNr(), l.getColumnNr(), path + ": " + wrong, fix));
                    }
                }
            }
        } catch (IOException e) {
            return List.of(); // not JSON at all: the mapper reports that, with its line
        }
        return problems;
    }

    private static final Pattern EPISODE = Pattern.compile("/episodes/\\d+");
    private static final Pattern NUMBER = Pattern.compile("/episodes/\\d+/number");

    public static String markdown(Season season, Bible bible) {
        StringBuilder b = new StringBuilder();
        int total = season.episodes().stream().mapToInt(EpisodePlan::estimatedSeconds).sum();
        b.append("# ").append(bible.title()).append(": season plan\n\n");
        b.append(season.episodes().size()).append(" episodes, ").append(total / 60).append(" min in all; target ")
                .append(bible.episodeSeconds()).append(" s per episode (allowed ").append(bible.minEpisodeSeconds())
                .append("–").append(bible.maxEpisodeSeconds()).append(" s).\n");
        b.append("Edit season.json to move a cut, then run `tsuzuku write`.\n");
        for (EpisodePlan e : season.episodes()) {
            b.append("\n## ").append(e.number()).append(". ").append(e.title()).append("\n\n");
            b.append("*").append(e.estimatedSeconds()).append(" s · source characters ")
                    .append(e.source().startChar()).append("–").append(e.source().endChar()).append("*\n\n");
            if (e.previously() != null) {
                b.append("> ").append(e.previously()).append("\n\n");
            }
            b.append(e.synopsis()).append("\n\n");
            b.append("**Cold open:** ").append(e.coldOpen()).append("\n\n");
            b.append("**Beats:**\n\n");
            for (int i = 0; i < e.beats().size(); i++) {
                b.append(i + 1).append(". ").append(e.beats().get(i)).append("\n");
            }
            b.append("\n**Hook (").append(e.hook().kind().wireName()).append("):** ").append(e.hook().text()).append("\n\n");
            b.append("**Why the cut is here:** hook strength ").append(e.cut().hookStrength())
                    .append(" − length penalty ").append(e.cut().lengthPenalty()).append(" = ").append(e.cut().total());
            if (!e.cut().cues().isEmpty()) {
                b.append("; ").append(String.join("; ", e.cut().cues()));
            }
            b.append(".\n");
        }
        return b.toString();
    }
}
