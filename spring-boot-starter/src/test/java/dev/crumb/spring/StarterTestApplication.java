package dev.crumb.spring;

import dev.crumb.Crumb;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring MVC application that knows nothing of Crumb but the starter on its class path. */
@SpringBootApplication
public class StarterTestApplication {

    @RestController
    static class Pages {
        @GetMapping(value = "/", produces = "text/html")
        String home(HttpServletResponse response) {
            response.addCookie(new Cookie("ad_id", "a1"));
            return "<!doctype html><title>Home</title><p>Home</p>";
        }

        @GetMapping(value = "/csrf", produces = "text/plain")
        String csrf(HttpServletRequest request) {
            return Crumb.csrfToken(request);
        }
    }
}
