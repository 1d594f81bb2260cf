package dev.crumb.spring;

import dev.crumb.store.CrumbStore;

/**
 * The store the starter chose, or none: a bean may not be {@code null}, and an application that wants
 * its own store declares a {@code CrumbStoreHolder} bean.
 *
 * @param store the store, or {@code null} for none (consent then lives in the cookie only)
 */
public record CrumbStoreHolder(CrumbStore store) implements AutoCloseable {
    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
