package dev.crumb.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 11 on 127.0.0.1 and an ephemeral port. */
final class TomcatFixture implements ServerFixture {

    private Tomcat tomcat;
    private File baseDir;

    @Override
    public URI start(Filter filter, Map<String, HttpServlet> servlets) throws Exception {
        baseDir = Files.createTempDirectory("crumb-tomcat").toFile();
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Tomcat refuses TRACE itself by default, before any filter; let it through so that tests see what
        // Crumb's filter does with it, as on a Tomcat configured with allowTrace="true".
        connector.setAllowTrace(true);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.getAbsolutePath());
        FilterDef def = new FilterDef();
        def.setFilterName("crumb");
        def.setFilter(filter);
        def.setAsyncSupported("true");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("crumb");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        int i = 0;
        for (Map.Entry<String, HttpServlet> e : servlets.entrySet()) {
            String name = "servlet" + i++;
            Tomcat.addServlet(context, name, e.getValue()).setAsyncSupported(true);
            context.addServletMappingDecoded(e.getKey(), name);
        }
        // Like a standalone Tomcat (conf/web.xml), map a default servlet so that filters run for every path.
        Tomcat.addServlet(context, "default", new org.apache.catalina.servlets.DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public String name() {
        return "Tomcat 11";
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
