package dev.crumb.demo;

/**
 * A start-up setting the demo cannot use: a bad command-line option, a malformed key, an unreadable
 * data directory. Its message is one line that names the setting and says what to do instead; the
 * demo prints it and exits with status 2, without a stack trace.
 */
public final class DemoConfigException extends RuntimeException {

    /** Creates the exception with its one-line message. */
    public DemoConfigException(String message) {
        super(message);
    }

    /** Creates the exception with its one-line message and the underlying cause, kept for debugging. */
    public DemoConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
