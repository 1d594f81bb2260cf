package dev.crumb;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A configuration mistake, found when the configuration is built (never on the first request). It names
 * the option that is wrong, by the name {@code docs/configuration.md} and {@code web.xml} use (such as
 * {@code visit-timeout} or {@code analyst-password-hash}; {@code keys} also for {@code CRUMB_KEYS}), so
 * that a caller can react to one option without reading the message, and its message says what to do.
 *
 * <p>It extends {@link IllegalArgumentException}, which configuration errors were before it existed, so
 * code that catches that keeps working.
 */
public final class CrumbConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option  the option's name as {@code docs/configuration.md} lists it, e.g. {@code cookie-name}
     * @param message what is wrong and what to do, starting with the option's name where that reads well
     */
    public CrumbConfigException(String option, String message) {
        this(option, message, null);
    }

    /** Like {@link #CrumbConfigException(String, String)}, keeping the cause. */
    public CrumbConfigException(String option, String message, Throwable cause) {
        super(message, cause);
        this.option = Objects.requireNonNull(option, "option");
    }

    /** The option that is wrong, e.g. {@code analyst-password-hash}. */
    public String option() {
        return option;
    }

    /** Throws a {@code CrumbConfigException} for {@code option} unless {@code ok}. */
    static void check(boolean ok, String option, String message) {
        if (!ok) {
            throw new CrumbConfigException(option, message);
        }
    }

    /**
     * Runs a check that lives in an internal type (which throws a plain {@link IllegalArgumentException}
     * or {@link IllegalStateException}) and names {@code option} in what it throws.
     */
    static <T> T naming(String option, Supplier<T> check) {
        try {
            return check.get();
        } catch (CrumbConfigException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CrumbConfigException(option, e.getMessage(), e);
        }
    }
}
