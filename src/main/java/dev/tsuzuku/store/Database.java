package dev.tsuzuku.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The state database: an embedded H2 file ({@code .tsuzuku/state.mv.db}, PostgreSQL mode) by
 * default, or PostgreSQL for scale-out. Opening it brings the schema up to date (Flyway,
 * {@code db/migration}); closing it closes the pool and, for H2, the file.
 */
public final class Database implements AutoCloseable {
    // Open the file only with these settings: DATABASE_TO_LOWER changes how names are stored, and
    // a plain jdbc:h2:file URL fails on this database with 'Schema "public" not found'.
    // WRITE_DELAY=0: H2 otherwise flushes commits up to half a second later, and a killed process
    // would lose the ledger rows of work it had already finished (and maybe paid for).
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

    private final HikariDataSource pool;
    private final SqlDialect dialect;
    private final String where;
    private final boolean shared;

    private Database(HikariDataSource pool, SqlDialect dialect, String where, boolean shared) {
        this.pool = pool;
        this.dialect = dialect;
        this.where = where;
        this.shared = shared;
    }

    /**
     * The workspace's embedded database, created with its {@code .tsuzuku/} folder when missing.
     * A workspace tsuzuku cannot write is bad input, named with the fix, before H2 sees it.
     */
    public static Database open(Workspace workspace) {
        requireWritable(workspace);
        return open(h2Url(stateFile(workspace)), false);
    }

    /**
     * Checks that the workspace's state folder can be created and written (H2 needs it for the
     * database and its lock file); otherwise a {@link BadInputException} names the folder and the fix.
     */
    public static void requireWritable(Workspace workspace) {
        Path dir = workspace.stateDir();
        Path file = stateFile(workspace).resolveSibling("state.mv.db");
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".write-check-", ".tmp"));
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new java.nio.file.AccessDeniedException(file.toString());
            }
        } catch (IOException e) {
            throw notWritable(workspace, e);
        }
    }

    private static BadInputException notWritable(Workspace workspace, IOException e) {
        String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        Path root = workspace.root();
        return new BadInputException(workspace.stateDir().toString(), "tsuzuku cannot write its state database here ("
                + reason + "); every command records its work in this folder",
                "make the workspace writable (chmod -R u+w " + root + ", or ask its owner), or copy it to a folder you can"
                        + " write (cp -r " + root + " ~/" + root.getFileName() + ") and run there");
    }

    /** Where the embedded database of a workspace lives, without the {@code .mv.db} suffix H2 adds. */
    public static Path stateFile(Workspace workspace) {
        return workspace.stateDir().resolve("state");
    }

    static String h2Url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath().normalize() + H2_OPTIONS;
    }

    /**
     * Opens a database by URL: {@code jdbc:h2:…}, or PostgreSQL as {@code postgresql://user:pass@host/db}
     * or {@code jdbc:postgresql://host/db} (needs the PostgreSQL JDBC driver on the class path).
     */
    public static Database open(String url) {
        return open(url, true);
    }

    private static Database open(String url, boolean shared) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tsuzuku-state");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        SqlDialect dialect;
        String where;
        if (url.startsWith("jdbc:h2:")) {
            dialect = SqlDialect.H2;
            config.setJdbcUrl(url);
            config.setUsername("sa");
            config.setPassword("");
            where = url.replaceFirst(";.*", "").replaceFirst("^jdbc:h2:(file:)?", "");
        } else if (url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql:")) {
            dialect = SqlDialect.POSTGRESQL;
            postgres(url, config);
            where = redacted(config.getJdbcUrl());
        } else {
            throw new BadInputException("--db", "'" + redacted(url) + "' is not a database URL",
                    "use postgresql://user:password@host:5432/db, or leave it out for the workspace's own database");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new TsuzukuException(openFailure(where, e), e);
        }
        Database db = new Database(pool, dialect, where, shared);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static void postgres(String url, HikariConfig config) {
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new TsuzukuException("cannot use " + url.replaceFirst("//[^@/]*@", "//") + ": the PostgreSQL JDBC driver is not "
                    + "on the class path; add org.postgresql:postgresql and org.flywaydb:flyway-database-postgresql to pom.xml");
        }
        if (url.startsWith("jdbc:")) {
            // user and password in the query go to the pool's own settings, so the URL it may log holds no password
            String[] parts = url.split("\\?", 2);
            List<String> kept = new ArrayList<>();
            if (parts.length == 2) {
                for (String p : parts[1].split("&")) {
                    String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                    String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1)) : "";
                    switch (key) {
                        case "password" -> config.setPassword(value);
                        case "user" -> config.setUsername(value);
                        default -> kept.add(p);
                    }
                }
            }
            config.setJdbcUrl(parts[0] + (kept.isEmpty() ? "" : "?" + String.join("&", kept)));
            return;
        }
        try {
            URI u = new URI(url);
            String userInfo = u.getRawUserInfo();
            if (userInfo != null) {
                int colon = userInfo.indexOf(':');
                config.setUsername(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    config.setPassword(decode(userInfo.substring(colon + 1)));
                }
            }
            config.setJdbcUrl("jdbc:postgresql://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")
                    + (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new BadInputException("--db", "'" + redacted(url) + "' is not a valid URL: " + e.getReason(),
                    "use postgresql://user:password@host:5432/db (percent-encode special characters in the password)");
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL without its password: {@code user:secret@} becomes {@code user@}, {@code password=…} goes. */
    static String redacted(String url) {
        return url.replaceFirst("//([^:@/]*):[^@/]*@", "//$1@").replaceAll("([?&;])password=[^&;]*&?", "$1")
                .replaceAll("[?&;]$", "");
    }

    private static String openFailure(String where, Exception e) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        if (message != null && message.contains("already in use")) {
            return "the state database " + where + " is in use by another tsuzuku process; wait for it to finish or stop it";
        }
        String hint = where.startsWith("jdbc:h2:") || !where.startsWith("jdbc:") ? ""
                : " (check that the server runs and that --db or TSUZUKU_DB names it, user and password included)";
        return "cannot open the state database " + where + ": " + message + hint;
    }

    /**
     * The highest migration in {@code db/migration}; a test keeps it in step with the files. Opening
     * a database already at this version skips Flyway, which costs most of a second on every
     * command for nothing (at the price of not re-checking the applied scripts' checksums).
     */
    static final int SCHEMA_VERSION = 9;

    /** The schema version recorded in the database, or 0 when it has none or a failed migration. */
    public int schemaVersion() {
        try (Connection c = pool.getConnection();
                java.sql.Statement s = c.createStatement()) {
            // Asked first so that a new database does not log a "table not found" error to H2's trace file.
            try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE LOWER(table_name) = 'flyway_schema_history' AND table_schema = CURRENT_SCHEMA")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
                int max = 0;
                while (rs.next()) {
                    if (!rs.getBoolean(2)) {
                        return 0;
                    }
                    String v = rs.getString(1);
                    if (v != null && v.matches("\\d+")) {
                        max = Math.max(max, Integer.parseInt(v));
                    }
                }
                return max;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private void migrate() {
        if (schemaVersion() == SCHEMA_VERSION) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (e.getCause() instanceof SQLException sql && isReadOnly(sql)) {
                throw readOnly();
            }
            throw new TsuzukuException("cannot bring the state database " + where + " up to date: " + e.getMessage()
                    + " (a database written by a newer tsuzuku needs that version)", e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** Where the database lives (file path or JDBC URL without credentials), for messages. */
    public String where() {
        return where;
    }

    /** Work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (isReadOnly(e)) {
                throw readOnly();
            }
            throw new TsuzukuException("state database " + where + ": " + e.getMessage(), e, isTransient(e));
        }
    }

    /** H2 opens a file it may not write read-only and fails at the first write (90097); PostgreSQL says 25006. */
    private static boolean isReadOnly(SQLException e) {
        return e.getErrorCode() == 90097 || "25006".equals(e.getSQLState());
    }

    private BadInputException readOnly() {
        String folder = where.contains("/") ? where.substring(0, where.lastIndexOf('/')) : where;
        return new BadInputException(where, "the state database is read only; every command records its work in it",
                shared ? "give a database URL whose user may write (--db or TSUZUKU_DB)"
                        : "make the folder and its files writable (chmod -R u+w " + folder + "), or copy the workspace"
                        + " to a folder you can write and run there");
    }

    /** True when opened by URL (--db, TSUZUKU_DB), which may hold other workspaces; false for a workspace's own file. */
    public boolean shared() {
        return shared;
    }

    private static boolean isTransient(SQLException e) {
        return e instanceof java.sql.SQLTransientException || e.getSQLState() != null && e.getSQLState().startsWith("40");
    }

    /**
     * The value to bind for {@code t} in a {@code TIMESTAMP WITH TIME ZONE} column: in UTC, cut to
     * whole microseconds (what PostgreSQL keeps; H2 would keep nanoseconds, and the two must read
     * back the same instant). Null for null.
     */
    public static OffsetDateTime timestamp(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** The instant in a {@code TIMESTAMP WITH TIME ZONE} column of the current row; null for SQL NULL. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    /** The instant in the named {@code TIMESTAMP WITH TIME ZONE} column of the current row; null for SQL NULL. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** One unit of database work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        pool.close();
    }
}
