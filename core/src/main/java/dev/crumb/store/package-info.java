/**
 * The storage SPI of Crumb: where the consent log, email choices and page-view events are kept, and
 * where analytics read them back. {@link dev.crumb.CrumbStores} builds the implementations that
 * ship with Crumb (embedded H2, PostgreSQL, in memory); a site with other needs implements
 * {@link dev.crumb.store.CrumbStore}.
 *
 * <p>Nothing in this package holds a raw visitor ID or email address: callers pass keyed hashes
 * ({@code visitorKey}, {@code addressKey}) that cannot be reversed without the site's key.
 */
package dev.crumb.store;

import dev.crumb.CrumbStores;
