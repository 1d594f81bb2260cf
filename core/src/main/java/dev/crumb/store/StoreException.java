package dev.crumb.store;

/**
 * The store could not do what was asked: the database is unreachable, refused a statement or failed
 * while a batch was written. The message says what failed and what to check; it never contains a
 * visitor key, an address key or any stored value.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A store failure with a message that says what to check, and the underlying cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
