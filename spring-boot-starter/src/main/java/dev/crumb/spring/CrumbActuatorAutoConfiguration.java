package dev.crumb.spring;

import dev.crumb.CrumbFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The {@link CrumbEndpoint} when Actuator is on the class path and Crumb's filter is registered. */
@AutoConfiguration(after = CrumbAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class CrumbActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(name = "crumbFilter")
    CrumbEndpoint crumbEndpoint(FilterRegistrationBean<CrumbFilter> crumbFilter) {
        return new CrumbEndpoint(crumbFilter);
    }
}
