package dev.tsuzuku.app;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.Problem;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.store.Database;
import dev.tsuzuku.store.EpisodeTracker;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** What {@code doctor DIR} says about a workspace's state database, without the CLI opening it itself. */
public final class StateCheck {
    private StateCheck() {}

    /** {@code fix} is null when {@code ok}. */
    public record Result(boolean ok, String detail, String fix) {}

    /** {@code givenUrl}: {@code --db}, or null for {@code TSUZUKU_DB} or the workspace's own database. */
    public static Result of(Path dir, String givenUrl) {
        Workspace ws = new Workspace(dir);
        String databaseUrl = Studio.databaseUrl(givenUrl, System.getenv());
        Path file = Database.stateFile(ws).resolveSibling("state.mv.db");
        if (!Files.isDirectory(ws.root())) {
            return new Result(false, ws.root() + " is not a folder", "give the folder of a series (it holds series.yaml)");
        }
        if (databaseUrl == null && !Files.isRegularFile(file)) {
            return new Result(false, "no " + ws.relative(file) + " in " + ws.root(),
                    "create the workspace with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        try {
            if (databaseUrl == null) {
                // H2 opens a file it may not write read-only, and would report all well here
                Database.requireWritable(ws);
            }
            try (Studio studio = Studio.open(ws, Clock.systemUTC(), Progress.silent(), databaseUrl)) {
                Database db = studio.database();
                EpisodeTracker.Status status = studio.episodes().status();
                long runs = db.transaction(c -> count(c, "stage_runs"));
                String where = databaseUrl == null ? ws.relative(file) : db.where();
                String series = status.series().map(s -> "series '" + s.id() + "', " + status.totals().episodes() + " episodes ("
                        + status.totals().render() + ")").orElse("no season planned yet");
                return new Result(true, where + " (schema v" + db.schemaVersion() + ", " + series + ", "
                        + runs + " stage runs)", null);
            }
        } catch (BadInputException e) {
            Problem p = e.problems().get(0);
            return new Result(false, (p.file() == null ? "" : p.file() + ": ") + p.message(), p.fix());
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String fix;
            if (databaseUrl != null) {
                fix = "check the URL given with --db or TSUZUKU_DB, that the server runs and that its user may connect";
            } else if (message.contains("in use by another")) {
                fix = "wait for the other tsuzuku command to finish (or stop it), then run again";
            } else if (message.contains("orrupted")) {
                fix = "keep .tsuzuku/state.mv.db (it remembers finished work and your edits): copy it somewhere safe, then"
                        + " recover it with H2's tool: java -cp target/lib/h2-*.jar org.h2.tools.Recover -dir " + ws.stateDir();
            } else {
                fix = "keep .tsuzuku/state.mv.db where it is (it remembers finished work and your edits): check that the"
                        + " disk has room and its files are readable, then run again (TSUZUKU_DEBUG=1 shows more)";
            }
            return new Result(false, message, fix);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
