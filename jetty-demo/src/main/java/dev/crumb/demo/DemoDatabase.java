package dev.crumb.demo;

import java.nio.file.Path;
import java.util.Objects;

/** Where Crumb keeps its data: the embedded database in the data directory, or an external one. */
public sealed interface DemoDatabase {

    /** The embedded H2 database in {@code dataDir}; nothing to set up. */
    record Embedded(Path dataDir) implements DemoDatabase {
        public Embedded {
            Objects.requireNonNull(dataDir, "dataDir");
        }
    }

    /**
     * An external database, such as PostgreSQL, shared by every server of a site.
     *
     * @param user     the user, or {@code null} when the URL carries it or none is needed
     * @param password the password, or {@code null}; never printed
     */
    record External(String url, String user, String password) implements DemoDatabase {
        public External {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            // The URL may carry credentials as parameters, so it is left out too.
            return "External[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }
}
