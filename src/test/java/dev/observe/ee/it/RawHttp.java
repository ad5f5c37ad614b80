package dev.observe.ee.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bare HTTP/1.1 GET over a socket, for requests that well-behaved clients refuse to send: header values with
 * non-ASCII bytes or control characters, exactly as a hostile or broken client would put them on the wire.
 */
public final class RawHttp {

    /** Status line and headers of a response; the body is not kept. */
    public record Response(int status, List<String> headerLines) {

        /** Every value of the named header, in order. */
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : headerLines) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    values.add(line.substring(prefix.length()).trim());
                }
            }
            return values;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code GET path} with one extra header whose value is written as the given raw bytes. */
    public static Response get(URL base, String path, String headerName, byte[] rawHeaderValue) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n" + headerName + ": ").getBytes(StandardCharsets.US_ASCII));
            out.write(rawHeaderValue);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readHead(socket.getInputStream());
        }
    }

    private static Response readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        if (lines.isEmpty()) {
            throw new IOException("No HTTP response");
        }
        int status = Integer.parseInt(lines.get(0).split(" ")[1]);
        return new Response(status, lines.subList(1, lines.size()));
    }
}
