package dev.crumb.internal.webxml;

import dev.crumb.internal.store.StoreFactory;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbConfigException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens the store that {@code web.xml} describes: {@code store-url} with {@code store-user} and a password
 * read from the environment variable named by {@code store-password-env} or the system property named by
 * {@code store-password-property}; or {@code store-jndi} naming a DataSource the container provides. The
 * password itself is never an init-param, so it stays out of the WAR.
 *
 * <p>The filter that asked owns the store it gets and closes it on {@code destroy}; a JNDI DataSource stays
 * the container's (closing the store leaves the pool alone).
 */
public final class WebXmlStore {

    /** The init-params this class reads. */
    public static final List<String> PARAMETERS = List.of("store-url", "store-user", "store-password-env",
            "store-password-property", "store-jndi");

    private WebXmlStore() {
    }

    /**
     * The store the params describe, or {@code null} when they name none.
     *
     * @throws CrumbConfigException naming the param that is wrong or missing
     */
    public static CrumbStore open(Function<String, String> params, Map<String, String> environment,
                                  Function<String, String> systemProperties) {
        String url = text(params, "store-url");
        String user = text(params, "store-user");
        String passwordEnv = text(params, "store-password-env");
        String passwordProperty = text(params, "store-password-property");
        String jndi = text(params, "store-jndi");
        if (url != null && jndi != null) {
            throw new CrumbConfigException("store-url",
                    "init-params store-url and store-jndi are both set: give one of them");
        }
        if (jndi != null) {
            if (user != null || passwordEnv != null || passwordProperty != null) {
                throw new CrumbConfigException("store-jndi", "init-param store-jndi names a container DataSource, which brings its"
                        + " own user and password: remove store-user, store-password-env and store-password-property");
            }
            return StoreFactory.jdbc(lookup(jndi));
        }
        if (url == null) {
            if (user != null || passwordEnv != null || passwordProperty != null) {
                throw new CrumbConfigException("store-url", "init-params store-user / store-password-* are set but store-url is"
                        + " missing: add store-url (e.g. jdbc:postgresql://db:5432/crumb) or store-jndi");
            }
            return null;
        }
        if (passwordEnv != null && passwordProperty != null) {
            throw new CrumbConfigException("store-password-env",
                    "init-params store-password-env and store-password-property are both set: give one of them");
        }
        String password = "";
        if (passwordEnv != null) {
            password = environment.get(passwordEnv);
            if (password == null) {
                throw new CrumbConfigException("store-password-env",
                        "init-param store-password-env names the environment variable '"
                        + passwordEnv + "', which is not set in the container's environment");
            }
        } else if (passwordProperty != null) {
            password = systemProperties.apply(passwordProperty);
            if (password == null) {
                throw new CrumbConfigException("store-password-property",
                        "init-param store-password-property names the system property '"
                        + passwordProperty + "', which is not set (e.g. -D" + passwordProperty + "=… in CATALINA_OPTS"
                        + " or JAVA_OPTIONS)");
            }
        }
        String finalUser = user == null ? "" : user;
        String finalPassword = password;
        if (embeddedH2File(url)) {
            return LockWaitingStore.open(() -> StoreFactory.jdbc(url, finalUser, finalPassword));
        }
        return StoreFactory.jdbc(url, finalUser, finalPassword);
    }

    /** An H2 database in a file of this process, which a redeployment may find still locked. */
    private static boolean embeddedH2File(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }

    // The name comes from web.xml (the deployer's configuration, never a request), and only names in the
    // container's own java: namespace are looked up: an ldap:, rmi: or other URL would reach another host.
    @SuppressWarnings("BanJNDI")
    private static DataSource lookup(String name) {
        int colon = name.indexOf(':');
        if (colon >= 0 && !name.startsWith("java:")) {
            throw new CrumbConfigException("store-jndi", "init-param store-jndi: '" + name + "' names another naming system ("
                    + name.substring(0, colon) + ":); give the container's DataSource name, e.g. jdbc/crumb or "
                    + "java:comp/env/jdbc/crumb");
        }
        try {
            InitialContext context = new InitialContext();
            Object found;
            try {
                found = context.lookup(name);
            } catch (NamingException e) {
                if (name.startsWith("java:")) {
                    throw e;
                }
                // web.xml resource references live below java:comp/env; accept the short name too.
                found = context.lookup("java:comp/env/" + name);
            }
            if (found instanceof DataSource dataSource) {
                return dataSource;
            }
            throw new CrumbConfigException("store-jndi", "init-param store-jndi: '" + name + "' is a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not a javax.sql.DataSource");
        } catch (NamingException e) {
            throw new CrumbConfigException("store-jndi", "init-param store-jndi: no DataSource named '" + name + "' (" + e
                    + "); declare it in the container (Tomcat: <Resource> in context.xml; Jetty: jetty-env.xml) and a"
                    + " <resource-ref> in web.xml", e);
        }
    }

    private static String text(Function<String, String> params, String name) {
        String value = params.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
