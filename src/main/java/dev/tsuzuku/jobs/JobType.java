package dev.tsuzuku.jobs;

import java.util.Objects;

/**
 * A kind of durable job: a stable name (stored in the database, so never rename one that has
 * rows) and the type of the data each job carries. The data is stored as JSON: use a record of
 * plain fields (strings, numbers, {@link java.time.Instant}), never a secret.
 *
 * @param name     unique among the types one {@link JobEngine} knows, e.g. {@code take}, {@code drop}
 * @param dataType the data's class; {@code Void.class} for jobs without data
 */
public record JobType<T>(String name, Class<T> dataType) {
    public JobType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a job type's name must be 1..100 characters, was '" + name + "'");
        }
    }

    public static <T> JobType<T> of(String name, Class<T> dataType) {
        return new JobType<>(name, dataType);
    }
}
