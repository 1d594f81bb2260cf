/**
 * Crumb: cookie, consent and visit analytics for Jakarta Servlet sites.
 *
 * <p>Two packages are Crumb's API: {@code dev.crumb} (the filter, its configuration and the per-request
 * {@code Crumb} view) and {@code dev.crumb.store} (the storage SPI and the data it holds). Everything under
 * {@code dev.crumb.internal} is implementation and is not exported; it may change in any release.
 *
 * <p>The database libraries are optional: a site that configures no store, or its own {@code DataSource},
 * does not need them (docs/configuration.md, "Dependencies by store").
 */
module dev.crumb {
    requires transitive jakarta.servlet;
    requires transitive java.sql;
    requires java.management;
    requires java.naming;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
    requires com.fasterxml.jackson.databind;
    requires static com.zaxxer.hikari;
    requires static flyway.core;
    requires static com.google.errorprone.annotations;

    exports dev.crumb;
    exports dev.crumb.store;
}
