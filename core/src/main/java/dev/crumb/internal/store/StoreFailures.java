package dev.crumb.internal.store;

import java.sql.SQLException;

/**
 * What a store failure says about its cause, for the callers outside this package that must tell failures
 * apart without touching JDBC themselves (the architecture test keeps {@code java.sql} inside this package).
 */
public final class StoreFailures {

    /** H2's "database may be already in use": another process or deployment holds the file. */
    private static final String H2_FILE_LOCKED = "90020";

    private StoreFailures() {
    }

    /** The SQLSTATE of the first database error in {@code e}'s cause chain, or {@code null} when there is none. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Whether {@code e} says the embedded H2 file is held by another process or deployment. */
    public static boolean fileLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && H2_FILE_LOCKED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
