package dev.crumb.demo.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the site's own static files from the class path. Only the files named here are served, so no
 * request path can reach any other resource.
 */
public final class StaticAssetServlet extends HttpServlet {

    private record Asset(String contentType, byte[] body) {}

    private final Map<String, Asset> assets;

    /** Loads the assets once; a missing asset is a packaging error and fails start-up. */
    public StaticAssetServlet() {
        this.assets = Map.of("/site.css", load("static/site.css", "text/css; charset=UTF-8"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Asset asset = assets.get(String.valueOf(request.getPathInfo()));
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(asset.contentType());
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(asset.body().length);
        response.getOutputStream().write(asset.body());
    }

    private static Asset load(String resource, String contentType) {
        try (InputStream in = StaticAssetServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path; rebuild the demo jar");
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
