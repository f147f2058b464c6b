package dev.tsuzuku.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StageLedger} promises. Each implementation's test extends this class and
 * says how to make a fresh, empty ledger.
 */
public abstract class StageLedgerContract {
    protected StageLedger ledger;

    /** A fresh, empty ledger. */
    protected abstract StageLedger newLedger() throws Exception;

    @BeforeEach
    void freshLedger() throws Exception {
        ledger = newLedger();
    }

    protected static StageRun run(String stage, String subject, String hash, int second) {
        return new StageRun(stage, subject, hash, Map.of("episodes/001/script.json", "sha-" + hash), Instant.ofEpochSecond(1_790_000_000L + second, 123_456_000));
    }

    @Test
    void an_empty_ledger_knows_no_success() {
        assertThat(ledger.lastSuccess("write", "episode/001")).isEmpty();
        assertThat(ledger.successes("write")).isEmpty();
    }

    @Test
    void a_recorded_success_is_returned_as_written() {
        StageRun run = run("write", "episode/001", "h1", 1);
        ledger.recordSuccess(run);

        assertThat(ledger.lastSuccess("write", "episode/001")).contains(run);
    }

    @Test
    void the_latest_success_of_a_subject_wins() {
        ledger.recordSuccess(run("write", "episode/001", "h1", 1));
        ledger.recordSuccess(run("write", "episode/001", "h2", 2));

        assertThat(ledger.lastSuccess("write", "episode/001")).hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("h2"));
    }

    @Test
    void a_failure_does_not_hide_the_last_success() {
        ledger.recordSuccess(run("write", "episode/001", "h1", 1));
        ledger.recordFailure("write", "episode/001", "h2", "writer timed out");

        assertThat(ledger.lastSuccess("write", "episode/001")).hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("h1"));
    }

    @Test
    void a_failure_alone_is_no_success() {
        ledger.recordFailure("write", "episode/001", "h1", "writer timed out");

        assertThat(ledger.lastSuccess("write", "episode/001")).isEmpty();
        assertThat(ledger.successes("write")).isEmpty();
    }

    @Test
    void stages_and_subjects_are_kept_apart() {
        ledger.recordSuccess(run("write", "episode/001", "w1", 1));
        ledger.recordSuccess(run("board", "episode/001", "b1", 2));
        ledger.recordSuccess(run("write", "episode/002", "w2", 3));

        assertThat(ledger.lastSuccess("board", "episode/001")).hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("b1"));
        assertThat(ledger.lastSuccess("board", "episode/002")).isEmpty();
        assertThat(ledger.lastSuccess("write", "episode/002")).hasValueSatisfying(r -> assertThat(r.inputHash()).isEqualTo("w2"));
    }

    @Test
    void successes_lists_the_latest_run_per_subject_ordered_by_subject() {
        ledger.recordSuccess(run("write", "episode/010", "a", 1));
        ledger.recordSuccess(run("write", "episode/002", "b", 2));
        ledger.recordSuccess(run("write", "episode/002", "c", 3));
        ledger.recordSuccess(run("board", "episode/001", "d", 4));
        ledger.recordFailure("write", "episode/003", "e", "boom");

        assertThat(ledger.successes("write")).extracting(r -> r.subject() + "=" + r.inputHash())
                .containsExactly("episode/002=c", "episode/010=a");
    }

    @Test
    void a_run_without_outputs_keeps_an_empty_map() {
        StageRun run = new StageRun("plan", "season", "h", Map.of(), Instant.ofEpochSecond(1_790_000_000L));
        ledger.recordSuccess(run);

        assertThat(ledger.lastSuccess("plan", "season")).contains(run);
    }

    @Test
    void many_outputs_survive_with_their_hashes() {
        Map<String, String> outputs = Map.of("episodes/001/script.json", "aa", "episodes/001/script.fountain", "bb",
                "episodes/001/ünïcode name.json", "cc");
        ledger.recordSuccess(new StageRun("write", "episode/001", "h", outputs, Instant.ofEpochSecond(1_790_000_000L)));

        assertThat(ledger.lastSuccess("write", "episode/001")).hasValueSatisfying(r -> assertThat(r.outputs()).isEqualTo(outputs));
    }
}
