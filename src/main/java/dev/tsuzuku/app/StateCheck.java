package dev.tsuzuku.app;

import dev.tsuzuku.store.Database;
import dev.tsuzuku.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What {@code doctor DIR} says about a workspace's state database, without the CLI opening it itself. */
public final class StateCheck {
    private StateCheck() {}

    /** {@code fix} is null when {@code ok}. */
    public record Result(boolean ok, String detail, String fix) {}

    public static Result of(Path dir) {
        Workspace ws = new Workspace(dir);
        Path file = Database.stateFile(ws).resolveSibling("state.mv.db");
        if (!Files.isDirectory(ws.root())) {
            return new Result(false, ws.root() + " is not a folder", "give the folder of a series (it holds series.yaml)");
        }
        if (!Files.isRegularFile(file)) {
            return new Result(false, "no " + ws.relative(file) + " in " + ws.root(),
                    "create the workspace with: tsuzuku new " + dir + " --from SOURCE.txt");
        }
        try (Database db = Database.open(ws)) {
            String counts = db.transaction(c -> count(c, "series") + " series, " + count(c, "episodes") + " episodes, "
                    + count(c, "stage_runs") + " stage runs");
            return new Result(true, ws.relative(file) + " (schema v" + db.schemaVersion() + ", " + counts + ")", null);
        } catch (RuntimeException e) {
            return new Result(false, e.getMessage(),
                    "if no other tsuzuku is running, move .tsuzuku/state.mv.db aside and run the stages again");
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
