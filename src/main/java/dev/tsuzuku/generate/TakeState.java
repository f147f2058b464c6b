package dev.tsuzuku.generate;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a take stands, stored lowercase. The happy path is
 * {@code intended → submitting → submitted → running → downloaded → verified}; a take ends in
 * {@code verified} or in one of the failure states. Every move is checked against
 * {@link #ALLOWED} and appended to the take's history.
 */
public enum TakeState {
    /** Recorded with its idempotency key; nothing has been sent (or a retryable failure sent it back here). */
    INTENDED,
    /** A submit call has started: the provider may or may not have the task. After a crash it is reconciled, never blindly resent. */
    SUBMITTING,
    /** The provider has the task (its id is recorded): queued there. */
    SUBMITTED,
    /** The provider is generating it. */
    RUNNING,
    /** The output is in the workspace, not yet checked. */
    DOWNLOADED,
    /** Checked (decodes, duration, 9:16, not blank) and stored content-addressed: usable by the cut. */
    VERIFIED,
    /** Ended without output for a terminal reason (invalid request, auth, balance, gave up after retries, provider dark). */
    FAILED,
    /** The provider let the task pass its execution window, and retries are spent. */
    EXPIRED,
    /** The provider's safety system refused it; a softened prompt may be tried once as a new take. */
    MODERATED,
    /** Someone cancelled it (here or at the provider). */
    CANCELLED,
    /**
     * A submit may have reached a provider that cannot look tasks up by our key (Runway), and
     * its answer was lost (timeout, crash). Resending could pay twice, so the engine stops here;
     * a person checks the provider's dashboard and asks for another take if there is none.
     */
    UNCONFIRMED;

    /** The moves a take may make, from each state. */
    public static final Map<TakeState, Set<TakeState>> ALLOWED = Map.ofEntries(
            Map.entry(INTENDED, EnumSet.of(SUBMITTING, VERIFIED, FAILED, MODERATED, CANCELLED)),
            Map.entry(SUBMITTING, EnumSet.of(INTENDED, SUBMITTED, RUNNING, VERIFIED, FAILED, MODERATED, CANCELLED,
                    UNCONFIRMED)),
            Map.entry(SUBMITTED, EnumSet.of(RUNNING, DOWNLOADED, INTENDED, FAILED, EXPIRED, MODERATED, CANCELLED)),
            Map.entry(RUNNING, EnumSet.of(DOWNLOADED, INTENDED, FAILED, EXPIRED, MODERATED, CANCELLED)),
            Map.entry(DOWNLOADED, EnumSet.of(VERIFIED, INTENDED, FAILED)),
            Map.entry(VERIFIED, EnumSet.noneOf(TakeState.class)),
            Map.entry(FAILED, EnumSet.noneOf(TakeState.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(TakeState.class)),
            Map.entry(MODERATED, EnumSet.noneOf(TakeState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(TakeState.class)),
            Map.entry(UNCONFIRMED, EnumSet.noneOf(TakeState.class)));

    /** States in which a provider task may be running on the account (they hold a concurrency slot). */
    public static final Set<TakeState> IN_FLIGHT = EnumSet.of(SUBMITTING, SUBMITTED, RUNNING);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TakeState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean mayBecome(TakeState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Whether the take has ended: nothing more will happen to it. */
    public boolean settled() {
        return ALLOWED.get(this).isEmpty();
    }
}
