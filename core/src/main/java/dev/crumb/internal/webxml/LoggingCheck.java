package dev.crumb.internal.webxml;

import java.util.function.Consumer;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Crumb logs through SLF4J, which drops every line when the application has no SLF4J provider (a WAR
 * with only {@code slf4j-api}, as Crumb brings it). Then Crumb's own warnings (a store that stopped
 * writing, consent without proof) would vanish; this check says so once, where an operator looks.
 */
public final class LoggingCheck {
    private static volatile boolean warned;

    private LoggingCheck() {
    }

    /** Whether SLF4J drops everything. */
    static boolean noProvider(ILoggerFactory factory) {
        return factory instanceof NOPLoggerFactory;
    }

    /**
     * Writes one warning to standard error and {@code containerLog} (the servlet context's log) when no
     * SLF4J provider is bound; once per class loader.
     */
    public static void warnIfSilent(Consumer<String> containerLog) {
        if (warned || !noProvider(LoggerFactory.getILoggerFactory())) {
            return;
        }
        warned = true;
        String message = "Crumb: no SLF4J provider found, so Crumb's log lines (store failures, consent without "
                + "proof, dropped page views) are dropped. Add one to the application, e.g. org.slf4j:slf4j-simple, "
                + "ch.qos.logback:logback-classic or org.slf4j:slf4j-jdk14 (see docs/operations.md, Logging).";
        System.err.println(message);
        if (containerLog != null) {
            containerLog.accept(message);
        }
    }
}
