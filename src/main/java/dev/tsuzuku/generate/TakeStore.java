package dev.tsuzuku.generate;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The takes ledger in the state database: rows of {@code takes}, their append-only
 * {@code take_history}, and the per-account slots of {@code provider_accounts}. Every state
 * change is a compare-and-set on the current state (two processes can never both move a take)
 * checked against {@link TakeState#ALLOWED}, with its history row in the same transaction.
 */
public final class TakeStore {
    private static final String COLUMNS = "id, idempotency_key, series_id, episode, shot, kind, provider, account, state,"
            + " attempt, request, task_id, estimate_usd, usage_unit, usage_amount, softened_from, failure, file_path,"
            + " file_hash, chosen, polls, created_at, updated_at, submitted_at, last_contact_at, slot_reserved_at,"
            + " last_frame_path";

    private final Database db;
    private volatile HandOff handOff = (id, at) -> { };

    public TakeStore(Database db) {
        this.db = db;
    }

    /**
     * Told, after the commit, of each waiting take a freed slot was handed to (decision 0032): its
     * job should run at {@code at} (now, or when the account's pause ends).
     */
    @FunctionalInterface
    interface HandOff {
        void handed(long takeId, Instant at);
    }

    void onHandOff(HandOff listener) {
        this.handOff = listener;
    }

    /** One row as the engine needs it: the public take plus the bookkeeping around it. */
    record Row(Take take, String account, String requestJson, int polls, Instant submittedAt, Instant lastContact,
            String filePath, boolean reserved) {
        long id() {
            return take.id();
        }

        TakeState state() {
            return take.state();
        }
    }

    /** One line of a take's history. */
    public record Entry(TakeState from, TakeState to, String note, Instant at) {}

    /** Makes sure the account exists with this concurrency (a later configuration wins). */
    public void account(String name, int concurrency, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE provider_accounts SET concurrency = ?, updated_at = ? WHERE name = ?")) {
                s.setInt(1, concurrency);
                s.setObject(2, Database.timestamp(now));
                s.setString(3, name);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO provider_accounts (name, concurrency, paused_until, updated_at) VALUES (?, ?, NULL, ?)")) {
                s.setString(1, name);
                s.setInt(2, concurrency);
                s.setObject(3, Database.timestamp(now));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records the intent of a take, or finds the take already recorded under the same key.
     * Returns its id; the second element is true when this call created it.
     */
    Intent intend(ShotKey shot, String kind, String provider, String account, String key,
            String requestJson, Double estimateUsd, String estimateBasis, Long softenedFrom, Instant now) {
        Optional<Long> existing = idByKey(key);
        if (existing.isPresent()) {
            return new Intent(existing.get(), false, false);
        }
        try {
            boolean[] waits = {false};
            long id = db.transaction(c -> {
                long newId;
                // the account's row is locked, so a slot freed meanwhile is handed to this take (it waits) or it is free
                waits[0] = full(c, account, now);
                try (PreparedStatement s = c.prepareStatement("INSERT INTO takes (idempotency_key, series_id, episode, shot,"
                        + " kind, provider, account, state, attempt, request, estimate_usd, estimate_basis, softened_from,"
                        + " chosen, polls, created_at, updated_at, last_contact_at, slot_wait_since)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'intended', 1, ?, ?, ?, ?, FALSE, 0, ?, ?, ?, ?)",
                        new String[] {"id"})) {
                    s.setString(1, key);
                    s.setString(2, shot.series());
                    s.setInt(3, shot.episode());
                    s.setInt(4, shot.shot());
                    s.setString(5, kind);
                    s.setString(6, provider);
                    s.setString(7, account);
                    s.setString(8, requestJson);
                    setDouble(s, 9, estimateUsd);
                    s.setString(10, estimateBasis == null ? null : clip(estimateBasis, 500));
                    if (softenedFrom == null) {
                        s.setNull(11, Types.BIGINT);
                    } else {
                        s.setLong(11, softenedFrom);
                    }
                    s.setObject(12, Database.timestamp(now));
                    s.setObject(13, Database.timestamp(now));
                    s.setObject(14, Database.timestamp(now));
                    s.setObject(15, waits[0] ? Database.timestamp(now) : null);
                    s.executeUpdate();
                    try (ResultSet rs = s.getGeneratedKeys()) {
                        rs.next();
                        newId = rs.getLong(1);
                    }
                }
                history(c, newId, null, TakeState.INTENDED, softenedFrom == null ? "intent recorded"
                        : "intent recorded: softened rewrite of take " + softenedFrom, now);
                return newId;
            });
            return new Intent(id, true, waits[0]);
        } catch (TsuzukuException e) {
            // another process recorded the same key between our look and our insert
            Optional<Long> raced = idByKey(key);
            if (raced.isPresent()) {
                return new Intent(raced.get(), false, false);
            }
            throw e;
        }
    }

    /**
     * A recorded intent: its id, whether this call made it, and whether it was made waiting for a
     * slot (its account was full: it runs when a freed slot is handed to it).
     */
    record Intent(long id, boolean created, boolean waiting) {}

    /** Whether the account has no slot to give (paused, or every slot in flight or handed on); locks its row. */
    private static boolean full(Connection c, String account, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT concurrency, paused_until FROM provider_accounts WHERE name = ? FOR UPDATE")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                int limit = rs.getInt(1);
                Instant p = Database.instant(rs, 2);
                if (p != null && p.isAfter(now)) {
                    return false; // the claim will see the pause and wait for its end
                }
                return inFlight(c, account) + reserved(c, account, -1) >= limit;
            }
        }
    }

    Optional<Long> idByKey(String key) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM takes WHERE idempotency_key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** The take with this id. */
    public Optional<Take> take(long id) {
        return row(id).map(Row::take);
    }

    Optional<Row> row(long id) {
        return db.transaction(c -> select(c, id, false));
    }

    private Optional<Row> select(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM takes WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
            }
        }
    }

    /** Every take of an episode, by shot then id. */
    public List<Take> takes(String series, int episode) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM takes WHERE series_id = ? AND episode = ? ORDER BY shot, id")) {
                s.setString(1, series);
                s.setInt(2, episode);
                return rows(s).stream().map(Row::take).toList();
            }
        });
    }

    /** How many takes of an episode have not settled yet. */
    public int unsettledCount(String series, int episode) {
        String open = java.util.Arrays.stream(TakeState.values()).filter(t -> !t.settled())
                .map(t -> "'" + t.wireName() + "'").collect(Collectors.joining(", "));
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM takes WHERE series_id = ? AND episode = ?"
                    + " AND state IN (" + open + ")")) {
                s.setString(1, series);
                s.setInt(2, episode);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The ids of takes that have not settled (what a restarted engine must carry on). */
    List<Long> unsettled() {
        String open = java.util.Arrays.stream(TakeState.values()).filter(t -> !t.settled())
                .map(t -> "'" + t.wireName() + "'").collect(Collectors.joining(", "));
        return db.transaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM takes WHERE state IN (" + open + ") ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Moderated takes that are not a rewrite themselves and have no rewrite yet. */
    List<Long> moderatedWithoutRewrite() {
        return db.transaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT t.id FROM takes t WHERE t.state = 'moderated'"
                    + " AND t.softened_from IS NULL AND NOT EXISTS (SELECT 1 FROM takes r WHERE r.softened_from = t.id)"
                    + " ORDER BY t.id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** The softened rewrite of a moderated take, if one was made. */
    Optional<Long> rewriteOf(long id) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM takes WHERE softened_from = ? ORDER BY id DESC")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    Optional<Long> byTask(String provider, String taskId) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM takes WHERE provider = ? AND task_id = ? ORDER BY id DESC")) {
                s.setString(1, provider);
                s.setString(2, taskId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** The oldest takes of an account waiting for a slot. */
    List<Long> waiting(String account, int limit) {
        return db.transaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM takes WHERE account = ? AND state = 'intended' ORDER BY id")) {
                s.setString(1, account);
                s.setMaxRows(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** What a slot claim found. */
    sealed interface Claim permits Claimed, Full, Paused, Moved {}

    record Claimed() implements Claim {}

    record Full(int inFlight, int limit) implements Claim {}

    record Paused(Instant until) implements Claim {}

    record Moved() implements Claim {}

    /**
     * Moves an intended take to {@code submitting} if its account has a free slot and is not
     * paused. The account's row is locked for the count, so two processes cannot both take the
     * last slot.
     */
    Claim claim(long id, String account, Instant now) {
        return db.transaction(c -> {
            int limit;
            Instant pausedUntil;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT concurrency, paused_until FROM provider_accounts WHERE name = ? FOR UPDATE")) {
                s.setString(1, account);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new TsuzukuException("provider account '" + account + "' is not configured");
                    }
                    limit = rs.getInt(1);
                    pausedUntil = Database.instant(rs, 2);
                }
            }
            if (pausedUntil != null && pausedUntil.isAfter(now)) {
                return new Paused(pausedUntil);
            }
            int inFlight = inFlight(c, account);
            // slots handed to other waiting takes are theirs until they claim them
            int reserved = reserved(c, account, id);
            if (inFlight + reserved >= limit) {
                try (PreparedStatement s = c.prepareStatement("UPDATE takes SET slot_wait_since = ? WHERE id = ?"
                        + " AND state = 'intended' AND slot_wait_since IS NULL")) {
                    s.setObject(1, Database.timestamp(now));
                    s.setLong(2, id);
                    s.executeUpdate();
                }
                return new Full(inFlight + reserved, limit);
            }
            Map<String, Object> sets = new LinkedHashMap<>();
            sets.put("submitted_at", now);
            sets.put("slot_wait_since", null);
            sets.put("slot_reserved_at", null);
            sets.put("provider_done_at", null);
            return move(c, id, TakeState.INTENDED, TakeState.SUBMITTING, "slot " + (inFlight + 1) + " of " + limit
                    + " on " + account + "; submitting", sets, now) ? new Claimed() : new Moved();
        });
    }

    /** Keeps every take of the account away until {@code until} (a 429's Retry-After); never shortens a pause. */
    void pause(String account, Instant until, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE provider_accounts SET paused_until = ?, updated_at = ?"
                    + " WHERE name = ? AND (paused_until IS NULL OR paused_until < ?)")) {
                s.setObject(1, Database.timestamp(until));
                s.setObject(2, Database.timestamp(now));
                s.setString(3, account);
                s.setObject(4, Database.timestamp(until));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Moves a take from {@code from} to {@code to} with its history line, setting the given
     * columns too. False when the take was not in {@code from} (another process moved it).
     */
    boolean move(long id, TakeState from, TakeState to, String note, Map<String, Object> sets, Instant now) {
        return handingOff((c, handed) -> {
            String account = leavesFlight(from, to) ? lockAccountOf(c, id) : null;
            if (!move(c, id, from, to, note, sets, now)) {
                return false;
            }
            if (account != null) {
                handed.addAll(handOff(c, account, id, now));
            }
            return true;
        });
    }

    /**
     * The provider said the task of take {@code id} (in {@code from}) has ended: the take gives its
     * slot back now, before its output is downloaded and checked, and the slot is handed to the
     * oldest waiting take of its account, in one transaction. False when the take was not in
     * {@code from} or had been marked already.
     */
    boolean providerDone(long id, TakeState from, Instant now) {
        return handingOff((c, handed) -> {
            String account = lockAccountOf(c, id);
            try (PreparedStatement s = c.prepareStatement("UPDATE takes SET provider_done_at = ? WHERE id = ?"
                    + " AND state = ? AND provider_done_at IS NULL")) {
                s.setObject(1, Database.timestamp(now));
                s.setLong(2, id);
                s.setString(3, from.wireName());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            if (account != null) {
                handed.addAll(handOff(c, account, id, now));
            }
            return true;
        });
    }

    /**
     * A downloaded output that passed its check, in one transaction: {@code from → downloaded →
     * verified} with both history lines, the artifact row, the choice when the shot has none,
     * and the freed slot handed on. False when the take was not in {@code from}.
     */
    boolean verified(long id, TakeState from, String downloadedNote, Map<String, Object> downloadedSets,
            String verifiedNote, Map<String, Object> verifiedSets, String artifactPath, String hash, long bytes,
            Instant now) {
        return handingOff((c, handed) -> {
            String account = leavesFlight(from, TakeState.DOWNLOADED) ? lockAccountOf(c, id) : null;
            if (from != TakeState.DOWNLOADED
                    && !move(c, id, from, TakeState.DOWNLOADED, downloadedNote, downloadedSets, now)) {
                return false;
            }
            if (!move(c, id, TakeState.DOWNLOADED, TakeState.VERIFIED, verifiedNote, verifiedSets, now)) {
                return false;
            }
            Take t = select(c, id, false).orElseThrow().take();
            artifact(c, t.shot(), artifactPath, hash, bytes, now);
            if (chosen(c, t.shot(), t.kind()).isEmpty()) {
                choose(c, t, now);
            }
            if (account != null) {
                handed.addAll(handOff(c, account, id, now));
            }
            return true;
        });
    }

    /** Work in one transaction that may hand freed slots to waiting takes. */
    @FunctionalInterface
    private interface HandingWork {
        /** Adds each take a slot was handed to, with when, to {@code handed}. */
        boolean run(Connection c, List<Map.Entry<Long, Instant>> handed) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and, after the commit, tells the hand-off listener of the
     * takes it handed slots to (none when the transaction rolled back).
     */
    private boolean handingOff(HandingWork work) {
        List<Map.Entry<Long, Instant>> handed = new ArrayList<>();
        boolean done = db.transaction(c -> {
            handed.clear();
            return work.run(c, handed);
        });
        handed.forEach(h -> handOff.handed(h.getKey(), h.getValue()));
        return done;
    }

    private static boolean leavesFlight(TakeState from, TakeState to) {
        return TakeState.IN_FLIGHT.contains(from) && !TakeState.IN_FLIGHT.contains(to);
    }

    /** Locks the account row of take {@code id} (first, so slot claims and releases lock in one order). */
    private static String lockAccountOf(Connection c, long id) throws SQLException {
        String account;
        try (PreparedStatement s = c.prepareStatement("SELECT account FROM takes WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                account = rs.getString(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM provider_accounts WHERE name = ? FOR UPDATE")) {
            s.setString(1, account);
            s.executeQuery().close();
        }
        return account;
    }

    /**
     * Hands the account's free slots to its oldest waiting takes (not {@code except}): marks them
     * reserved, so a newcomer cannot take the slot first, and returns when each should run. The
     * caller holds the account's row lock.
     */
    private static List<Map.Entry<Long, Instant>> handOff(Connection c, String account, long except, Instant now)
            throws SQLException {
        int limit;
        Instant pausedUntil;
        try (PreparedStatement s = c.prepareStatement("SELECT concurrency, paused_until FROM provider_accounts WHERE name = ?")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return List.of();
                }
                limit = rs.getInt(1);
                pausedUntil = Database.instant(rs, 2);
            }
        }
        int free = limit - inFlight(c, account) - reserved(c, account, -1);
        if (free <= 0) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM takes WHERE account = ? AND slot_wait_since > ?"
                + " AND slot_reserved_at IS NULL AND id <> ? AND state = 'intended' ORDER BY slot_wait_since, id")) {
            s.setString(1, account);
            s.setObject(2, Database.timestamp(Instant.EPOCH));
            s.setLong(3, except);
            s.setMaxRows(free);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        Instant at = pausedUntil != null && pausedUntil.isAfter(now) ? pausedUntil : now;
        List<Map.Entry<Long, Instant>> handed = new ArrayList<>();
        for (long waiting : ids) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE takes SET slot_reserved_at = ? WHERE id = ? AND state = 'intended'")) {
                s.setObject(1, Database.timestamp(now));
                s.setLong(2, waiting);
                if (s.executeUpdate() == 1) {
                    handed.add(Map.entry(waiting, at));
                }
            }
        }
        return handed;
    }

    /** Takes of the account holding a slot: in flight, and not yet reported ended by the provider. */
    private static int inFlight(Connection c, String account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM takes WHERE account = ?"
                + " AND state IN ('submitting', 'submitted', 'running') AND provider_done_at IS NULL")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Intended takes of the account holding a handed-over slot, other than {@code except}. */
    private static int reserved(Connection c, String account, long except) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM takes WHERE account = ? AND slot_reserved_at > ?"
                + " AND id <> ? AND state = 'intended'")) {
            s.setString(1, account);
            s.setObject(2, Database.timestamp(Instant.EPOCH));
            s.setLong(3, except);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The safety net behind the hand-off (a process that died between freeing a slot and waking
     * the take it handed it to, a raised limit): for every account, hands free slots to waiting
     * takes, and returns them together with takes whose reservation is older than {@code stale}.
     */
    List<Map.Entry<Long, Instant>> sweep(Instant now, java.time.Duration stale) {
        return db.transaction(c -> {
            List<String> accounts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM provider_accounts ORDER BY name");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    accounts.add(rs.getString(1));
                }
            }
            List<Map.Entry<Long, Instant>> wake = new ArrayList<>();
            for (String account : accounts) {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT name FROM provider_accounts WHERE name = ? FOR UPDATE")) {
                    s.setString(1, account);
                    s.executeQuery().close();
                }
                wake.addAll(handOff(c, account, -1, now));
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM takes WHERE account = ? AND slot_reserved_at > ?"
                        + " AND slot_reserved_at < ? AND state = 'intended' ORDER BY id")) {
                    s.setString(1, account);
                    s.setObject(2, Database.timestamp(Instant.EPOCH));
                    s.setObject(3, Database.timestamp(now.minus(stale)));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            wake.add(Map.entry(rs.getLong(1), now));
                        }
                    }
                }
            }
            return wake;
        });
    }

    /** Sets bookkeeping columns without a state change (poll count, last contact, usage). */
    void touch(long id, TakeState expected, Map<String, Object> sets, Instant now) {
        db.transaction(c -> {
            Map<String, Object> all = new LinkedHashMap<>(sets);
            all.put("updated_at", now);
            String assignments = all.keySet().stream().map(k -> k + " = ?").collect(Collectors.joining(", "));
            try (PreparedStatement s = c.prepareStatement("UPDATE takes SET " + assignments + " WHERE id = ? AND state = ?")) {
                int i = bind(s, all);
                s.setLong(i++, id);
                s.setString(i, expected.wireName());
                s.executeUpdate();
            }
            return null;
        });
    }

    private boolean move(Connection c, long id, TakeState from, TakeState to, String note, Map<String, Object> sets,
            Instant now) throws SQLException {
        if (!from.mayBecome(to)) {
            throw new IllegalStateException("a take may not go from " + from.wireName() + " to " + to.wireName());
        }
        Map<String, Object> all = new LinkedHashMap<>(sets);
        all.put("state", to.wireName());
        all.put("updated_at", now);
        if (from == TakeState.INTENDED) {
            // only an intended take waits for a slot or holds a handed one
            all.put("slot_wait_since", null);
            all.put("slot_reserved_at", null);
        }
        String assignments = all.keySet().stream().map(k -> k + " = ?").collect(Collectors.joining(", "));
        try (PreparedStatement s = c.prepareStatement("UPDATE takes SET " + assignments + " WHERE id = ? AND state = ?")) {
            int i = bind(s, all);
            s.setLong(i++, id);
            s.setString(i, from.wireName());
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        history(c, id, from, to, note, now);
        return true;
    }

    /** Makes {@code id} the chosen take of its shot and kind (and no other). It must be verified. */
    public void choose(long id, Instant now) {
        db.transaction(c -> {
            Take t = select(c, id, true).orElseThrow(() -> new IllegalArgumentException("there is no take " + id)).take();
            if (t.state() != TakeState.VERIFIED) {
                throw new IllegalArgumentException("take " + id + " is " + t.state().wireName()
                        + "; only a verified take can be chosen");
            }
            choose(c, t, now);
            return null;
        });
    }

    private static void choose(Connection c, Take t, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE takes SET chosen = FALSE WHERE series_id = ? AND episode = ?"
                + " AND shot = ? AND kind = ? AND chosen = TRUE")) {
            s.setString(1, t.shot().series());
            s.setInt(2, t.shot().episode());
            s.setInt(3, t.shot().shot());
            s.setString(4, t.kind());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE takes SET chosen = TRUE, updated_at = ? WHERE id = ?")) {
            s.setObject(1, Database.timestamp(now));
            s.setLong(2, t.id());
            s.executeUpdate();
        }
        history(c, t.id(), TakeState.VERIFIED, TakeState.VERIFIED, "chosen for " + t.shot(), now);
    }

    /** The chosen take of a shot and kind. */
    public Optional<Take> chosen(ShotKey shot, String kind) {
        return db.transaction(c -> chosen(c, shot, kind));
    }

    private Optional<Take> chosen(Connection c, ShotKey shot, String kind) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM takes WHERE series_id = ?"
                + " AND episode = ? AND shot = ? AND kind = ? AND chosen = TRUE")) {
            s.setString(1, shot.series());
            s.setInt(2, shot.episode());
            s.setInt(3, shot.shot());
            s.setString(4, kind);
            return rows(s).stream().map(Row::take).findFirst();
        }
    }

    /** A take's history, oldest first. */
    public List<Entry> history(long id) {
        return db.transaction(c -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT from_state, to_state, note, at FROM take_history WHERE take_id = ? ORDER BY id")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString(1);
                        entries.add(new Entry(from == null ? null : TakeState.fromWire(from),
                                TakeState.fromWire(rs.getString(2)), rs.getString(3),
                                Database.instant(rs, 4)));
                    }
                }
            }
            return entries;
        });
    }

    /** Records a verified file as an artifact of its episode, when the series is known to the database. */
    private static void artifact(Connection c, ShotKey shot, String path, String hash, long bytes, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO artifacts (series_id, path, episode, kind, hash, bytes,"
                + " stage, recorded_at) SELECT ?, ?, ?, 'take', ?, ?, 'generate', ? WHERE EXISTS"
                + " (SELECT 1 FROM series WHERE id = ?) AND NOT EXISTS"
                + " (SELECT 1 FROM artifacts WHERE series_id = ? AND path = ?)")) {
            s.setString(1, shot.series());
            s.setString(2, path);
            s.setInt(3, shot.episode());
            s.setString(4, hash);
            s.setLong(5, bytes);
            s.setObject(6, Database.timestamp(now));
            s.setString(7, shot.series());
            s.setString(8, shot.series());
            s.setString(9, path);
            s.executeUpdate();
        }
    }

    private static void history(Connection c, long id, TakeState from, TakeState to, String note, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO take_history (take_id, from_state, to_state, note, at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, from == null ? null : from.wireName());
            s.setString(3, to.wireName());
            s.setString(4, clip(note, 2000));
            s.setObject(5, Database.timestamp(now));
            s.executeUpdate();
        }
    }

    private static int bind(PreparedStatement s, Map<String, Object> values) throws SQLException {
        int i = 1;
        for (Object v : values.values()) {
            if (v == null) {
                s.setObject(i++, null);
            } else if (v instanceof Instant t) {
                s.setObject(i++, Database.timestamp(t));
            } else if (v instanceof String str) {
                s.setString(i++, str);
            } else {
                s.setObject(i++, v);
            }
        }
        return i;
    }

    private List<Row> rows(PreparedStatement s) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        String requestJson = rs.getString("request");
        Take take = new Take(rs.getLong("id"), new ShotKey(rs.getString("series_id"), rs.getInt("episode"), rs.getInt("shot")),
                rs.getString("kind"), rs.getString("provider"), TakeState.fromWire(rs.getString("state")),
                rs.getString("idempotency_key"), rs.getInt("attempt"), rs.getString("task_id"),
                Requests.prompt(requestJson), nullableDouble(rs, "estimate_usd"), rs.getString("usage_unit"),
                nullableDouble(rs, "usage_amount"), nullableLong(rs, "softened_from"), rs.getString("failure"),
                rs.getString("file_hash") == null ? null : rs.getString("file_path"), rs.getString("file_hash"),
                rs.getBoolean("chosen"), Database.instant(rs, "created_at"), Database.instant(rs, "updated_at"),
                rs.getString("last_frame_path"));
        return new Row(take, rs.getString("account"), requestJson, rs.getInt("polls"), Database.instant(rs, "submitted_at"),
                Database.instant(rs, "last_contact_at"), rs.getString("file_path"), rs.getObject("slot_reserved_at") != null);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
