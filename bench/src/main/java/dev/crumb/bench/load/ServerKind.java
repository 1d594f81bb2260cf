package dev.crumb.bench.load;

/** The three servers of a load run, in the order they are driven; each listens on port base + offset. */
public enum ServerKind {
    /** The page alone. */
    BARE("bare", 0),
    /** The page behind {@code CrumbFilter}. */
    CRUMB("crumb", 1),
    /** The page behind a container {@code HttpSession} per visitor. */
    HTTPSESSION("httpsession", 2);

    /** Offset of the admin port (heap probe) from the port base. */
    public static final int ADMIN_OFFSET = 3;

    private final String label;
    private final int portOffset;

    ServerKind(String label, int portOffset) {
        this.label = label;
        this.portOffset = portOffset;
    }

    /** The name in reports. */
    public String label() {
        return label;
    }

    /** The page's URL on this server. */
    public String url(String host, int portBase) {
        return "http://" + host + ":" + (portBase + portOffset) + "/hello";
    }

    /** The port for this server. */
    public int port(int portBase) {
        return portBase + portOffset;
    }
}
