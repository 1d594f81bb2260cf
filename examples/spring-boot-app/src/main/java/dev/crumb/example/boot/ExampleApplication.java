package dev.crumb.example.boot;

import dev.crumb.Crumb;
import dev.crumb.Visitor;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application with Crumb: the starter registers the filter from {@code crumb.*} properties
 * (application.properties), keeps consent proof in the application's DataSource, and shows the tracking
 * counters at {@code /actuator/crumb}. The page sets a marketing cookie that Crumb holds back until the
 * visitor accepts marketing.
 */
@SpringBootApplication
public class ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    @RestController
    static class Home {
        @GetMapping(value = "/", produces = "text/html;charset=UTF-8")
        String home(HttpServletRequest request, HttpServletResponse response) {
            response.addCookie(new Cookie("ad_id", "a1b2c3"));
            Visitor visitor = Crumb.visitor(request);
            return "<!doctype html><html lang=\"en\"><title>Crumb on Spring Boot</title>"
                    + "<h1>Visit " + visitor.visit() + "</h1>"
                    + "<p>" + Crumb.consentLinkHtml(request) + "</p>"
                    + Crumb.bannerHtml(request) + "</html>";
        }
    }
}
