package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.render.Manifest;
import dev.tsuzuku.routing.Ledger;
import dev.tsuzuku.store.EpisodeStatus;
import dev.tsuzuku.store.SeriesRepository.StoredEpisode;
import dev.tsuzuku.workspace.BibleFile;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The review gate: a person approves an episode's storyboard and its animatic before anything is
 * paid for it ({@code tsuzuku approve}). The approval (who, when, which animatic) is kept in the
 * state database; the episode's status becomes approved.
 */
public final class Reviews {
    private final Studio studio;

    Reviews(Studio studio) {
        this.studio = studio;
    }

    /** An approval as the verb prints it. */
    public record Approved(int episode, String by, java.time.Instant at) {}

    public Approved approve(int episode, String by) {
        Workspace ws = studio.workspace();
        if (by == null || by.isBlank()) {
            throw new BadInputException("--by", "the reviewer's name is empty", "pass --by NAME, or leave it out for your user name");
        }
        String series = BibleFile.load(ws.bible()).id();
        Path manifest = ws.episodeDir(episode).resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(ws.relative(manifest), "episode " + episode + " has no animatic to review yet",
                    "produce it first (nothing is paid before approval): tsuzuku produce " + ws.root() + " --episode " + episode);
        }
        Manifest m = Json.readFile(manifest, Manifest.class, "tsuzuku produce " + ws.root() + " --episode " + episode + " --force");
        Ledger.Approval a = new Ledger.Approval(series, episode, by.strip(), studio.clock().instant(), m.checksum());
        studio.costs().approve(a);
        Optional<StoredEpisode> e = studio.episodes().repository().episode(series, episode);
        if (e.isPresent() && e.get().status() == EpisodeStatus.PRODUCED) {
            studio.episodes().repository().transition(series, episode, EpisodeStatus.APPROVED);
        }
        return new Approved(episode, a.by(), a.at());
    }
}
