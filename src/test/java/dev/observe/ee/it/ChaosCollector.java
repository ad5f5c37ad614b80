package dev.observe.ee.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collector that misbehaves on purpose, on 127.0.0.1 and an ephemeral port, switched between {@link Mode modes}
 * while the application keeps exporting to it, so that one deployment meets every mode without being redeployed.
 * Plain {@code java.net} sockets: the misbehaviour happens below HTTP (a reset, a half-sent response), where an HTTP
 * server library would not go. It speaks HTTP/1.1 only; an OTLP/gRPC exporter (HTTP/2 with prior knowledge) meets
 * the same bytes, which it cannot read either.
 *
 * <p>Every connection is counted under the mode it met ({@link #connections(Mode)}), so that a test can wait until
 * an exporter has really tried a mode before it moves on.
 */
final class ChaosCollector implements AutoCloseable {

    /** What the collector does with each connection. */
    enum Mode {
        /** Reads the request, answers 200 with an empty body (an empty OTLP response message) and closes. */
        HEALTHY,
        /** Nothing listens on the port: connection refused. */
        REFUSED,
        /** Accepts, then resets the connection (RST) before reading anything. */
        RESET_ON_ACCEPT,
        /** Reads the request head and a little of the body, then closes the connection (FIN) mid-request. */
        CLOSED_MID_REQUEST,
        /**
         * Reads the request head and stops reading; with a small receive window, a large body fills the buffers and
         * the exporter's write blocks until the connection is reset under it: the exporter's write fails with
         * "Broken pipe" or "Connection reset".
         */
        BROKEN_PIPE,
        STATUS_400,
        STATUS_401,
        STATUS_404,
        STATUS_429,
        STATUS_500,
        STATUS_503,
        /** Answers 500 with a body announced as 1 000 bytes, sends 10 of them and closes: the error body breaks off. */
        ERROR_BODY_CUT,
        /** Answers 200 with a body announced as 1 000 bytes and never sends it, nor closes: a response that never ends. */
        RESPONSE_NEVER_ENDS,
        /** Answers one byte of a response every 250 ms, for as long as the connection stays open. */
        SLOW_DRIP,
        /**
         * Answers at once, without reading, with a plain-text HTTP 400, as a plain HTTP port answers the bytes of a
         * TLS handshake: what an exporter configured with {@code https://} meets at a plain-text collector.
         */
        PLAIN_TEXT_ANSWER;

        /** The HTTP status of a STATUS_ mode. */
        int status() {
            return Integer.parseInt(name().substring("STATUS_".length()));
        }

        boolean answersStatus() {
            return name().startsWith("STATUS_");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static final int SMALL_RECEIVE_BUFFER = 4096;

    private final int port;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "chaos-collector");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<Mode, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile Mode mode;
    private volatile ServerSocket listening;
    private volatile boolean closed;

    private ChaosCollector(int port, Mode mode) {
        this.port = port;
        this.mode = mode;
    }

    /** A collector on an ephemeral port of 127.0.0.1, in {@code mode}. */
    static ChaosCollector start(Mode mode) throws IOException {
        ServerSocket socket = newServerSocket(0);
        ChaosCollector collector = new ChaosCollector(socket.getLocalPort(), mode);
        if (mode == Mode.REFUSED) {
            socket.close();
        } else {
            collector.listen(socket);
        }
        return collector;
    }

    int port() {
        return port;
    }

    /** How many connections met {@code mode}. */
    int connections(Mode mode) {
        AtomicInteger count = counts.get(mode);
        return count == null ? 0 : count.get();
    }

    /**
     * From now on every new connection meets {@code next}; connections of the previous mode are reset, so that no
     * exporter stays stuck in it. {@link Mode#REFUSED} closes the port, any other mode opens it again.
     */
    synchronized void switchTo(Mode next) throws IOException {
        mode = next;
        resetOpenConnections();
        if (next == Mode.REFUSED) {
            if (listening != null) {
                listening.close();
                listening = null;
            }
        } else if (listening == null) {
            listen(newServerSocket(port));
        }
    }

    private static ServerSocket newServerSocket(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        // Inherited by every accepted connection: a large request body cannot all be buffered on our side.
        socket.setReceiveBufferSize(SMALL_RECEIVE_BUFFER);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return socket;
    }

    private void listen(ServerSocket socket) {
        listening = socket;
        Thread acceptor = new Thread(() -> {
            try {
                while (!socket.isClosed()) {
                    Socket connection = socket.accept();
                    open.add(connection);
                    Mode met = mode;
                    counts.computeIfAbsent(met, m -> new AtomicInteger()).incrementAndGet();
                    connections.execute(() -> serve(connection, met));
                }
            } catch (IOException stopped) {
                // closed by switchTo or close
            }
        }, "chaos-collector-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket connection, Mode met) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            switch (met) {
                case RESET_ON_ACCEPT -> reset(connection);
                case CLOSED_MID_REQUEST -> {
                    long length = readHead(in);
                    in.readNBytes((int) Math.min(Math.max(length, 0), 1024));
                }
                case BROKEN_PIPE -> {
                    readHead(in);
                    // The exporter keeps writing into a full window; the reset comes while it writes.
                    TimeUnit.MILLISECONDS.sleep(300);
                    reset(connection);
                }
                case HEALTHY -> {
                    readRequest(connection, in);
                    respond(out, 200, "OK", "", 0);
                }
                case ERROR_BODY_CUT -> {
                    readRequest(connection, in);
                    respond(out, 500, "Internal Server Error", "0123456789", 1000);
                }
                case RESPONSE_NEVER_ENDS -> {
                    readRequest(connection, in);
                    respond(out, 200, "OK", "", 1000);
                    holdOpen(in);
                }
                case PLAIN_TEXT_ANSWER -> respond(out, 400, "Bad Request", "{\"message\":\"plain HTTP\"}", -1);
                case SLOW_DRIP -> {
                    readRequest(connection, in);
                    byte[] response = "HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; !closed && mode == Mode.SLOW_DRIP; i = (i + 1) % response.length) {
                        out.write(response[i]);
                        out.flush();
                        TimeUnit.MILLISECONDS.sleep(250);
                    }
                }
                default -> {
                    readRequest(connection, in);
                    respond(out, met.status(), "Chaos", "{\"message\":\"chaos " + met.status() + "\"}", -1);
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the exporter went away, or the mode changed: both are part of the game
        } finally {
            open.remove(connection);
        }
    }

    /** Reads the request line and headers; returns the Content-Length, or -1 when there is none. */
    private static long readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return -1;
    }

    /**
     * Reads the whole request: the head, then the body by its length, or (chunked bodies, HTTP/2 frames) whatever
     * comes until the exporter pauses for 200 ms.
     */
    private static void readRequest(Socket connection, InputStream in) throws IOException {
        long length = readHead(in);
        if (length >= 0) {
            in.skipNBytes(length);
            return;
        }
        connection.setSoTimeout(200);
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
        } catch (SocketTimeoutException paused) {
            // all of it, as far as we can tell
        } finally {
            connection.setSoTimeout(0);
        }
    }

    private static void respond(OutputStream out, int status, String reason, String body, int announcedLength)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int length = announcedLength >= 0 ? announcedLength : bytes.length;
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: " + (body.startsWith("{") ? "application/json" : "application/x-protobuf") + "\r\n"
                + (status == 429 || status == 503 ? "Retry-After: 1\r\n" : "")
                // Said, as a well-behaved server says it before closing: an exporter that wrote its next request
                // into a connection closed without it would meet a broken pipe in the healthy mode too.
                + "Connection: close\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Keeps the connection open until the exporter closes it or the mode changes (which resets it). */
    private static void holdOpen(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
            // a pipelined request is read and never answered either
        }
    }

    private static void reset(Socket connection) throws IOException {
        connection.setSoLinger(true, 0);
        connection.close();
    }

    private void resetOpenConnections() {
        for (Socket connection : open) {
            try {
                reset(connection);
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (listening != null) {
            listening.close();
        }
        resetOpenConnections();
        connections.shutdownNow();
    }
}
