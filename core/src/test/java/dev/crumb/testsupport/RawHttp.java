package dev.crumb.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a plain socket, for hostile requests that {@code java.net.http} refuses
 * to send (CR/LF or raw non-ASCII bytes in header values, malformed cookies). Each request uses its own
 * connection with {@code Connection: close} and reads the answer to the end.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response as it came off the wire. */
    public record Response(int status, List<Map.Entry<String, String>> headers, String head, String body) {
        /** Every value of a header, by case-insensitive name. */
        public List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        /** The content type, or {@code ""}. */
        public String contentType() {
            List<String> types = all("Content-Type");
            return types.isEmpty() ? "" : types.get(0).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Sends {@code requestHead} (request line and headers, lines separated by CRLF, without the final empty
     * line) and {@code body} bytes to the server at {@code base}. {@code Host}, {@code Connection: close}
     * and {@code Content-Length} (when there is a body) are added.
     */
    public static Response send(URI base, String requestHead, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        // ISO-8859-1 keeps every char < 256 as one raw byte, so a test can send any byte it likes.
        request.writeBytes(requestHead.getBytes(StandardCharsets.ISO_8859_1));
        String extra = "\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nConnection: close"
                + (body.length > 0 ? "\r\nContent-Length: " + body.length : "") + "\r\n\r\n";
        request.writeBytes(extra.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** A GET of {@code path} with extra raw header lines (each {@code "Name: value"}). */
    public static Response get(URI base, String path, String... headerLines) throws IOException {
        StringBuilder head = new StringBuilder("GET ").append(path).append(" HTTP/1.1");
        for (String line : headerLines) {
            head.append("\r\n").append(line);
        }
        return send(base, head.toString(), new byte[0]);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the server answered and closed: keep what arrived
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP response head (" + raw.length + " bytes received)");
        }
        String head = all.substring(0, end);
        String[] lines = head.split("\r\n", -1);
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        String body = new String(chunked ? dechunk(bodyBytes) : bodyBytes, StandardCharsets.UTF_8);
        return new Response(status, List.copyOf(headers), head, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, i);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
