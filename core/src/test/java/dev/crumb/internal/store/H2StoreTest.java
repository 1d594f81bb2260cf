package dev.crumb.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crumb.Category;
import dev.crumb.ConsentSource;
import dev.crumb.store.ConsentRecord;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("H2 file store")
class H2StoreTest extends H2FileStoreContract {
    @Override
    CrumbStore open() {
        return CrumbStores.h2(directory);
    }

    @Test
    @DisplayName("a consent record appended before the store closes is there when it opens again")
    void consentSurvivesReopen() {
        ConsentRecord record = new ConsentRecord("v1", Instant.parse("2025-03-10T10:00:00Z"),
                Set.of(Category.ANALYTICS), 1, ConsentSource.BANNER);
        store.consentLog().append(record);
        store.close();

        store = CrumbStores.h2(directory);

        assertThat(store.consentLog().history("v1", 5)).containsExactly(record);
    }

    @Test
    @DisplayName("an embedded database's writers take turns in this JVM and write no lock rows")
    void embeddedWritersTakeTurnsWithoutLockRows() throws Exception {
        store.events().write(java.util.List.of(Events.view("2025-03-10T10:00:00Z", "v1", 1, "/", "DE", "de", null)),
                java.util.List.of());

        assertThat(rowsOnH2(url(), "crumb_visitor")).isZero();
    }

    @Test
    @DisplayName("two stores of one embedded database, writing the same visitors at once, agree with the oracle")
    void twoStoresOfOneDatabaseShareTheWriterLock() throws Exception {
        java.util.List<dev.crumb.store.PageView> views = Events.crowd(10, 6, 31);
        java.util.List<java.util.List<dev.crumb.store.PageView>> batches = Events.shuffledBatches(views, 4, 3);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try (CrumbStore second = CrumbStores.h2(directory)) {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                CrumbStore target = i % 2 == 0 ? store : second;
                java.util.List<dev.crumb.store.PageView> batch = batches.get(i);
                done.add(writers.submit(() -> target.events().write(batch, java.util.List.of())));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, java.util.List.of());

        java.time.LocalDate first = java.time.LocalDate.parse("2025-01-01");
        assertOracleOnEveryRange(store, oracle, first, first.plusDays(6));
    }

    @Test
    @DisplayName("without raw events a batch keeps no crumb_page_view rows, and every number and holding is the same")
    void withoutRawEvents() throws Exception {
        java.util.List<dev.crumb.store.PageView> views = Events.crowd(12, 4, 41);
        InMemoryCrumbStore oracle = new InMemoryCrumbStore();
        oracle.write(views, java.util.List.of());
        for (java.util.List<dev.crumb.store.PageView> batch : Events.shuffledBatches(views, 20, 7)) {
            store.events().write(batch, java.util.List.of(), false);
        }

        assertThat(rowsOnH2(url(), "crumb_page_view")).isZero();
        java.time.LocalDate first = java.time.LocalDate.parse("2025-01-01");
        assertOracleOnEveryRange(store, oracle, first, first.plusDays(4));
        String key = views.get(0).visitorKey();
        assertThat(store.visitorRecords().visits(key, 100)).isEqualTo(oracle.visitorRecords().visits(key, 100));
    }

    @Test
    @DisplayName("only an embedded H2 URL gets the in-process writer lock, one per database")
    void embeddedUrls() {
        assertThat(Database.embeddedWritersOf("jdbc:h2:file:/tmp/a/crumb;MODE=PostgreSQL")).isPresent()
                .containsSame(Database.embeddedWritersOf("jdbc:h2:file:/tmp/a/crumb").orElseThrow());
        assertThat(Database.embeddedWritersOf("jdbc:h2:mem:x")).isPresent();
        assertThat(Database.embeddedWritersOf("jdbc:h2:file:/tmp/b/crumb").orElseThrow())
                .isNotSameAs(Database.embeddedWritersOf("jdbc:h2:file:/tmp/a/crumb").orElseThrow());
        assertThat(Database.embeddedWritersOf("jdbc:h2:file:/tmp/a/crumb;auto_server=true")).isEmpty();
        assertThat(Database.embeddedWritersOf("jdbc:h2:tcp://db:9092/crumb")).isEmpty();
        assertThat(Database.embeddedWritersOf("jdbc:h2:ssl://db:9092/crumb")).isEmpty();
        assertThat(Database.embeddedWritersOf("jdbc:postgresql://db/crumb")).isEmpty();
        assertThat(Database.embeddedWritersOf(null)).isEmpty();
    }

    @Test
    @DisplayName("the store creates its data directory and closing it twice is harmless")
    void createsDirectory() {
        try (CrumbStore nested = CrumbStores.h2(directory.resolve("a/b"))) {
            assertThat(directory.resolve("a/b/crumb.mv.db")).exists();
            nested.close();
        }
    }

    @Test
    @DisplayName("an H2 user without admin rights (a caller's DataSource) still records consent; the flush is skipped")
    void consentWithoutAdminRights() throws Exception {
        String url = JdbcUrls.completeH2("jdbc:h2:file:" + directory.resolve("plain"))
                .replace(";WRITE_DELAY=500", "");
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url, "owner", "secret");
             java.sql.Statement statement = admin.createStatement()) {
            org.h2.jdbcx.JdbcDataSource owner = new org.h2.jdbcx.JdbcDataSource();
            owner.setURL(url);
            owner.setUser("owner");
            owner.setPassword("secret");
            JdbcCrumbStore.open(owner).close(); // the schema, as its owner
            statement.execute("CREATE USER plain PASSWORD 'plain'");
            statement.execute("GRANT ALL ON SCHEMA PUBLIC TO plain");
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("plain");
            dataSource.setPassword("plain");
            ConsentRecord record = new ConsentRecord("v1", Instant.parse("2025-03-10T10:00:00Z"),
                    Set.of(Category.ANALYTICS), 1, ConsentSource.BANNER);
            try (CrumbStore plain = JdbcCrumbStore.open(dataSource)) {
                plain.consentLog().append(record);
                plain.consentLog().append(record);

                assertThat(plain.consentLog().history("v1", 5)).containsExactly(record, record);
            }
        }
    }
}
