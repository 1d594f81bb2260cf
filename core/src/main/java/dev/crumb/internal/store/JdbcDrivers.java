package dev.crumb.internal.store;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC drivers behind Crumb's own pools. The pool is given the driver's class name, so it loads the
 * driver from the web application rather than looking it up in {@link DriverManager}, where Tomcat's
 * driver-manager protection hides drivers in {@code WEB-INF/lib} ("No suitable driver"). Loading a driver
 * registers it with {@code DriverManager}; when that happened through a web application's class loader,
 * Crumb takes the registration back when its store closes, so a redeploy does not leak the class loader.
 */
final class JdbcDrivers {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcDrivers.class);

    private JdbcDrivers() {
    }

    /** The driver class for {@code dialect}. */
    static String className(Dialect dialect) {
        return dialect == Dialect.H2 ? "org.h2.Driver" : "org.postgresql.Driver";
    }

    /**
     * Checks that the driver for {@code dialect} can be loaded, by Crumb's class loader or the thread's
     * (a web application's), as the pool will try.
     *
     * @throws dev.crumb.store.StoreException naming the jar to add
     */
    static void require(Dialect dialect) {
        String name = className(dialect);
        for (ClassLoader loader : new ClassLoader[] {JdbcDrivers.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            try {
                Class.forName(name, false, loader);
                return;
            } catch (ClassNotFoundException | LinkageError notThere) {
                // try the next loader
            }
        }
        throw new dev.crumb.store.StoreException("the JDBC driver " + name + " is not on the class path: add "
                + (dialect == Dialect.H2 ? "com.h2database:h2" : "org.postgresql:postgresql")
                + " to the application's dependencies (WEB-INF/lib for a WAR)", null);
    }

    /**
     * Makes sure the driver for {@code dialect} is registered: loading its class registers it the first
     * time; after Crumb took a registration back (a failed or closed store of this application), a new
     * instance is registered, so the pool finds it without a warning.
     */
    static void register(Dialect dialect) {
        String name = className(dialect);
        if (registeredByName(name)) {
            return;
        }
        ClassLoader own = JdbcDrivers.class.getClassLoader();
        try {
            Class<?> driver;
            try {
                driver = Class.forName(name, true, own);
            } catch (ClassNotFoundException e) {
                driver = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            }
            if (!registeredByName(name)) {
                DriverManager.registerDriver((Driver) driver.getDeclaredConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
            // The pool loads the driver itself then; JdbcDrivers.require already said whether it exists.
            LOG.debug("could not register {}: {}", name, e.toString());
        }
    }

    private static boolean registeredByName(String name) {
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d.getClass().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits (at most two seconds) until the threads of Crumb's pool have ended. HikariCP's close returns
     * while its executor threads are still finishing; Tomcat checks for threads right after the
     * application stopped and would report them as a leak. Only inside a web application.
     */
    static void awaitPoolThreads(String poolName) {
        ClassLoader own = JdbcDrivers.class.getClassLoader();
        if (own == null || own == ClassLoader.getSystemClassLoader()) {
            return;
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if ((name.startsWith(poolName + ":") || name.startsWith(poolName + " ")) && t != Thread.currentThread()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                try {
                    t.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The drivers registered now, to compare with after Crumb's pool has loaded its driver. */
    static Set<Driver> registered() {
        Set<Driver> drivers = Collections.newSetFromMap(new IdentityHashMap<>());
        drivers.addAll(Collections.list(DriverManager.getDrivers()));
        return drivers;
    }

    /**
     * Deregisters the drivers registered since {@code before} that Crumb's own class loader loaded, when
     * that loader is not the application class loader (so only inside a web application; a plain JVM keeps
     * its drivers for whoever else uses them).
     */
    static void deregisterSince(Set<Driver> before) {
        ClassLoader own = JdbcDrivers.class.getClassLoader();
        if (own == null || own == ClassLoader.getSystemClassLoader()) {
            return;
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (!before.contains(driver) && driver.getClass().getClassLoader() == own) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    LOG.warn("Crumb store: could not deregister the JDBC driver {}: {}", driver.getClass().getName(),
                            e.toString());
                }
            }
        }
    }
}
