package dev.crumb.internal.http;

/** Whether a request path lies under a path prefix, without building {@code prefix + "/"} on every request. */
public final class PathPrefixes {

    private PathPrefixes() {
    }

    /**
     * Whether {@code path} is {@code prefix} itself or lies below it: {@code /crumb} and {@code /crumb/me} are
     * within {@code /crumb}; {@code /crumbs} is not.
     */
    public static boolean within(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
