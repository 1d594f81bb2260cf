package dev.crumb.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.logging.JettyLoggerFactory;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged through SLF4J while open: Crumb's own loggers (at DEBUG, so nothing hides
 * below the default level) and every library on the test class path (Jetty, HikariCP, Flyway) at their
 * configured level. The core test class path binds SLF4J to {@code jetty-slf4j-impl}, whose loggers all
 * share one {@link StdErrAppender}; this swaps that appender's stream for one that keeps a copy and
 * still writes to the original, and puts stream and levels back on {@link #close()}. Not for parallel
 * tests: the appender is process-wide.
 */
public final class LogCapture implements AutoCloseable {

    private static final String CRUMB = "dev.crumb";

    private final JettyLoggerFactory factory;
    private final StdErrAppender appender;
    private final PrintStream original;
    private final String originalLevel;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private LogCapture() {
        if (!(LoggerFactory.getILoggerFactory() instanceof JettyLoggerFactory jetty)) {
            throw new IllegalStateException("LogCapture needs jetty-slf4j-impl as the SLF4J binding, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        this.factory = jetty;
        this.appender = (StdErrAppender) jetty.getJettyLogger(CRUMB).getAppender();
        this.original = appender.getStream();
        this.originalLevel = jetty.getLoggerLevel(CRUMB);
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (copy) {
                    copy.write(b);
                }
                target().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (copy) {
                    copy.write(b, off, len);
                }
                target().write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        appender.setStream(tee);
        jetty.setLoggerLevel(CRUMB, "DEBUG");
    }

    /** Where the appender wrote before: its own stream, or standard error when it had none (the default). */
    private PrintStream target() {
        return original != null ? original : System.err;
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Everything logged since {@link #start()}. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        appender.setStream(original);
        if (originalLevel != null) {
            factory.setLoggerLevel(CRUMB, originalLevel);
        }
    }
}
