package dev.tsuzuku.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where the embedded database and PostgreSQL differ. Everything else is plain SQL
 * both understand; a schema change touches every dialect in the same commit.
 */
public enum SqlDialect {
    H2 {
        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + marks(columns) + ")";
        }
    },
    POSTGRESQL {
        @Override
        String upsert(String table, List<String> keys, List<String> columns) {
            String updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks(columns)
                    + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + updates;
        }
    };

    /** Insert-or-update of one row by its key, with one {@code ?} per column in {@code columns} order. */
    abstract String upsert(String table, List<String> keys, List<String> columns);

    private static String marks(List<String> columns) {
        return columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    }
}
