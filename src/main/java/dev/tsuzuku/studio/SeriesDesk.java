package dev.tsuzuku.studio;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the studio needs from one series (one workspace {@code serve} was given): the port the
 * web layer calls and the application implements over the same services the CLI verbs use
 * ({@code status}, {@code approve}, {@code release}, {@code regenerate}). A refused action is a
 * {@link dev.tsuzuku.model.BadInputException} (the API answers 409 with its message and fix);
 * an action this build cannot do yet is {@link Unavailable} (501).
 */
public interface SeriesDesk {
    /** The series' id (season.json's {@code series}), or the workspace folder's name before the first plan. */
    String id();

    SeriesView view();

    /** Script, hook and shots of one episode; empty when the series has no such episode. */
    Optional<EpisodeReview> review(int episode);

    /** The review gate: the episode's cut is approved for paid generation and release. */
    EpisodeView approve(int episode, String by);

    /** Makes an approved episode public now. */
    EpisodeView release(int episode, String by);

    /** Asks for a new take of one shot from {@code provider} (one of {@link #providers()}). */
    Regeneration regenerate(int episode, int shot, String provider);

    /** The providers a shot may be regenerated with, in routing order. */
    List<String> providers();

    /**
     * The regenerations of one episode, oldest first, with where each stands ({@code queued},
     * {@code running}, {@code done}, {@code failed} with the error, or {@code interrupted} by a stop
     * of the server); kept across restarts.
     */
    default List<RegenerationJob> regenerations(int episode) {
        return List.of();
    }

    /**
     * The episode's own file {@code name} (e.g. {@code episode.mp4}), when it exists; never a
     * file outside the episode's folder.
     */
    Optional<Path> episodeFile(int episode, String name);

    /** A series as the dashboard shows it. */
    record SeriesView(String id, String title, List<EpisodeView> episodes, List<Drop> calendar, Buffer buffer,
                      List<String> warnings) {}

    /** One episode: status, the pipeline stages it has been through, its cost, and who approved it when (null: nobody yet). */
    record EpisodeView(int number, String title, String status, List<Stage> stages, Instant updatedAt, Cost cost,
                       String approvedBy, Instant approvedAt) {}

    /** One pipeline stage (plan, write, board, produce, approve, release) and whether the episode passed it. */
    record Stage(String name, boolean done) {}

    /**
     * Money for one episode in {@code currency}: estimated and actual generation cost and the
     * budget cap; a null field is not known (no ledger, no cap in the bible).
     */
    record Cost(Double estimated, Double actual, Double budget, String currency) {
        public static final Cost UNKNOWN = new Cost(null, null, null, "USD");
    }

    /** When an episode drops and whether it is ready (approved or released) by then. */
    record Drop(int episode, Instant at, String local, boolean ready, boolean released) {}

    /** Episodes finished ahead of the drops against the bible's target; {@code runsOutAt} is the first drop not covered. */
    record Buffer(int ready, int target, Instant runsOutAt) {}

    /** Script (Fountain), hook, cold open and shots of one episode, and whether an animatic exists. */
    record EpisodeReview(EpisodeView episode, String hook, String coldOpen, String script, boolean animatic,
                         List<ShotView> shots) {}

    /** One storyboard shot: index, kind, seconds and prompt. */
    record ShotView(int index, String kind, double seconds, String prompt) {}

    /** A regeneration's background work: {@code state} queued, running, done, failed or interrupted ({@code error} says why). */
    record RegenerationJob(String id, int episode, int shot, String provider, String state, String error, Instant at) {}

    /** A regeneration that was accepted: the new take's id and where it stands. */
    record Regeneration(int episode, int shot, String provider, String take, String state) {}

    /** What this build cannot do yet (answered with 501 and the reason). */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
