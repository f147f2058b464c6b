package dev.tsuzuku.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Port: the cost ledger (what every paid request was estimated to cost before it was sent, and
 * what it cost after) and the review gate's approvals. The store keeps it in the state database
 * (V4); money is in US dollars.
 */
public interface Ledger {

    /**
     * One paid (or free) request: a keyframe or a video take for a shot.
     *
     * @param id        the ledger's row id (0 before it is recorded)
     * @param kind      {@code keyframe} or {@code video}
     * @param takeKey   the idempotency key derived from the shot's inputs
     * @param status    {@code intent} (recorded before the call), {@code submitted}, {@code succeeded}, {@code failed}
     * @param actualUsd what it cost, once finished (0 for a failure: providers bill successes only)
     * @param reason    why it failed, or null
     * @param file      the stored take or keyframe (workspace-relative), once succeeded
     * @param chosen    picked by {@code tsuzuku regenerate} for its shot
     */
    record Entry(long id, String series, int episode, int shot, String provider, String kind, String takeKey,
            String taskId, String status, double estimatedUsd, double actualUsd, String billedUnit, double billedAmount,
            String reason, String file, boolean chosen, Instant createdAt) {}

    /** Who approved an episode's storyboard and animatic for paid generation, and when. */
    record Approval(String series, int episode, String by, Instant at, String boardHash) {}

    /** Records the intent (with its estimate) before anything is sent; returns its id. */
    long intent(Entry entry);

    void submitted(long id, String taskId);

    void finished(long id, boolean succeeded, double actualUsd, String billedUnit, double billedAmount, String file,
            String reason);

    /** The latest succeeded request with this key, so a paid take is reused instead of paid again. */
    Optional<Entry> succeeded(String takeKey);

    /** Money committed to an episode: actual of finished requests plus the estimate of unfinished ones. */
    double committed(String series, int episode);

    /** Money committed on one UTC day across the series. */
    double committedOn(String series, LocalDate day);

    /** Every entry of a series (one episode when {@code episode} is not null), oldest first. */
    List<Entry> entries(String series, Integer episode);

    /** Marks entry {@code id} as the chosen take of its shot (and no other of that shot). */
    void choose(long id);

    /** A new take asked for a shot by {@code tsuzuku regenerate}; {@code provider} may be null (its route). */
    record Regeneration(int shot, String provider, int variant) {}

    void regenerate(String series, int episode, int shot, String provider, java.time.Instant at);

    /** The latest regeneration asked per shot of an episode, with how many were asked (the variant). */
    List<Regeneration> regenerations(String series, int episode);

    Optional<Approval> approval(String series, int episode);

    void approve(Approval approval);
}
