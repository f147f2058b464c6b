package dev.tsuzuku.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.pipeline.StageLedger;
import dev.tsuzuku.pipeline.StageLedgerContract;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract plus what the database ledger adds (the append-only history), run on every
 * database the state may live in: {@link DatabaseStageLedgerTest} (H2) and {@link PostgresStageLedgerTest}.
 */
abstract class DatabaseStageLedgerContract extends StageLedgerContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00.123456Z"), ZoneOffset.UTC);

    /** The database under test, opened once per class: opening one costs far more than emptying it. */
    protected abstract Database database();

    @Override
    protected StageLedger newLedger() {
        TestDatabases.empty(database());
        return new DatabaseStageLedger(database(), CLOCK);
    }

    @Test
    void every_run_is_appended_to_the_history_with_its_status_and_error() {
        ledger.recordSuccess(run("write", "episode/001", "h1", 1));
        ledger.recordFailure("write", "episode/001", "h2", "writer timed out");
        ledger.recordSuccess(run("write", "episode/001", "h3", 3));

        String history = database().transaction(c -> {
            StringBuilder b = new StringBuilder();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT input_hash, status, error, finished_at FROM stage_runs ORDER BY id")) {
                while (rs.next()) {
                    b.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                            .append(' ').append(Database.instant(rs, 4)).append('\n');
                }
            }
            return b.toString();
        });
        assertThat(history).isEqualTo("""
                h1 ok null 2026-09-21T14:13:21.123456Z
                h2 failed writer timed out 2026-11-25T01:00:00.123456Z
                h3 ok null 2026-09-21T14:13:23.123456Z
                """);
    }

    @Test
    void an_instant_is_stored_to_the_microsecond_and_read_back_as_the_same_instant() {
        Instant nanos = Instant.parse("2026-03-29T01:30:00.123456789Z");

        List<Instant> back = database().transaction(c -> {
            List<Instant> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT CAST(? AS TIMESTAMP WITH TIME ZONE),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS none")) {
                s.setObject(1, Database.timestamp(nanos));
                s.setObject(2, Database.timestamp(null));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    out.add(Database.instant(rs, 1));
                    out.add(Database.instant(rs, "none"));
                }
            }
            return out;
        });

        assertThat(back).containsExactly(Instant.parse("2026-03-29T01:30:00.123456Z"), null);
    }

    @Test
    void the_schema_is_at_the_latest_migration() {
        assertThat(database().schemaVersion()).isEqualTo(Database.SCHEMA_VERSION);
    }
}
