package dev.crumb.example.webapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Apache Tomcat 11 from its distribution: {@code bin/catalina.sh run} with a {@code CATALINA_BASE} of its own. */
final class TomcatContainer extends Container {

    private final Path home = distribution("crumb.example.tomcat");

    TomcatContainer() throws IOException {
        super("tomcat");
        for (String dir : new String[] {"conf", "logs", "temp", "work"}) {
            Files.createDirectories(base.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path f : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(f, base.resolve("conf").resolve(f.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml)
                .replace("port=\"8005\"", "port=\"-1\"")
                .replace("port=\"8080\"", "port=\"" + port + "\" address=\"127.0.0.1\"");
        Files.writeString(serverXml, xml);
    }

    @Override
    String name() {
        return "Tomcat " + home.getFileName();
    }

    @Override
    List<String> command() {
        return List.of(home.resolve("bin/catalina.sh").toString(), "run");
    }

    @Override
    Map<String, String> environment() {
        return Map.of("CATALINA_HOME", home.toString(), "CATALINA_BASE", base.toString(),
                "CATALINA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
    }
}
