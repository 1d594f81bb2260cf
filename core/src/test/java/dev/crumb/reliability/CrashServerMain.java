package dev.crumb.reliability;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import dev.crumb.testsupport.ServerFixture;
import dev.crumb.testsupport.TestKeys;
import dev.crumb.testsupport.TestPages;
import java.net.URI;
import java.nio.file.Path;

/**
 * A server for {@link CrashRecoveryTest} to run in a child JVM and kill: Jetty with the filter and the
 * standard test pages, on an H2 file store in the directory given as the only argument. Prints
 * {@code READY <port>} once it serves, then runs until killed.
 */
public final class CrashServerMain {

    private CrashServerMain() {
    }

    public static void main(String[] args) throws Exception {
        CrumbStore store = CrumbStores.h2(Path.of(args[0]));
        CrumbFilter filter = new CrumbFilter(CrumbConfig.builder().keys(TestKeys.key(13)).hashKey(TestKeys.key(14))
                .store(store).build());
        URI base = ServerFixture.jetty().start(filter, TestPages.standard());
        System.out.println("READY " + base.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
