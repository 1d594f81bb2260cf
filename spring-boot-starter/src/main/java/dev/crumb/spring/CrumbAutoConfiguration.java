package dev.crumb.spring;

import dev.crumb.CrumbConfig;
import dev.crumb.CrumbFilter;
import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Registers Crumb's filter for every request of a servlet web application, configured from
 * {@code crumb.*} properties with exactly the names of the {@code web.xml} init-params
 * ({@code crumb.visit-timeout=PT20M}, {@code crumb.cookie-categories=…}; keys from {@code crumb.keys} or
 * {@code CRUMB_KEYS}). The store is, in this order: {@code crumb.store-url} / {@code crumb.store-jndi} when
 * set, else the application's {@link DataSource} (unless {@code crumb.use-data-source=false}), else none.
 * An unknown {@code crumb.*} property fails the start, like an unknown init-param.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(CrumbFilter.class)
@ConditionalOnBooleanProperty(name = "crumb.enabled", matchIfMissing = true)
public class CrumbAutoConfiguration {

    /** Properties the starter reads itself, beside the init-param names. */
    private static final String PREFIX = "crumb.";
    private static final String ENABLED = "enabled";
    private static final String USE_DATA_SOURCE = "use-data-source";

    /**
     * The store Crumb writes to, closed by Spring after the web server (and with it the filter, which
     * writes its buffer first) has stopped. A DataSource stays Spring's: closing the store leaves it open.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CrumbStoreHolder crumbStore(Environment environment, ObjectProvider<DataSource> dataSource) {
        Map<String, String> properties = crumbProperties(environment);
        CrumbStore store = CrumbStores.fromParameters(properties::get);
        if (store == null && !"false".equalsIgnoreCase(properties.get(USE_DATA_SOURCE))) {
            DataSource ds = dataSource.getIfAvailable();
            if (ds != null) {
                store = CrumbStores.jdbc(ds);
            }
        }
        return new CrumbStoreHolder(store);
    }

    /** Crumb's filter, first in the chain, for requests only (Crumb passes other dispatches on itself). */
    @Bean
    @ConditionalOnMissingBean(name = "crumbFilter")
    FilterRegistrationBean<CrumbFilter> crumbFilter(Environment environment, CrumbStoreHolder store) {
        Map<String, String> properties = crumbProperties(environment);
        properties.remove(ENABLED);
        properties.remove(USE_DATA_SOURCE);
        CrumbConfig config;
        try {
            config = CrumbConfig.fromParameters(properties, store.store());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalStateException("Crumb is not configured correctly (crumb.* properties): "
                    + e.getMessage().replace("init-param ", "crumb."), e);
        }
        FilterRegistrationBean<CrumbFilter> registration = new FilterRegistrationBean<>(new CrumbFilter(config));
        registration.setName("crumb");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setAsyncSupported(true);
        // Ahead of every application filter, so that consent is enforced on all their cookies too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Every {@code crumb.*} property by its name after {@code crumb.}. The process environment is left out:
     * its {@code CRUMB_KEYS}, {@code CRUMB_HASH_KEY} … are read as in a WAR, and Spring's relaxed names for
     * them ({@code crumb.hash.key}) would look like unknown options.
     */
    static Map<String, String> crumbProperties(Environment environment) {
        Map<String, String> found = new LinkedHashMap<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> names
                        && !StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
                    for (String name : names.getPropertyNames()) {
                        if (name.startsWith(PREFIX) && !found.containsKey(name.substring(PREFIX.length()))) {
                            found.put(name.substring(PREFIX.length()), environment.getProperty(name));
                        }
                    }
                }
            }
        }
        return found;
    }
}
