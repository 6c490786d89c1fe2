package io.switchboard.adapters.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 whose connections the test controls: it keeps each connection open after
 * answering until {@link #closeIdleConnections()} closes it (a vendor's keep-alive timeout, fired on cue rather than
 * on a clock), or answers with an error body that never ends.
 */
final class LoopbackServer implements AutoCloseable {

    enum Mode { KEEP_ALIVE_OK, ENDLESS_ERROR }

    private final ServerSocket listener;
    private final Mode mode;
    private final Set<Socket> idle = ConcurrentHashMap.newKeySet();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong errorBytesWritten = new AtomicLong();

    LoopbackServer(Mode mode) throws IOException {
        this.mode = mode;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Closes every connection that is waiting for its next request, as a server's idle timeout does. */
    void closeIdleConnections() throws IOException {
        for (Socket socket : idle) {
            socket.close();
            idle.remove(socket);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(socket), "loopback-serve");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                long length = readHead(in);
                idle.remove(socket);
                if (length < 0) {
                    return; // the client closed, or we closed it as idle
                }
                in.readNBytes((int) length);
                requests.incrementAndGet();
                if (mode == Mode.ENDLESS_ERROR) {
                    writeEndlessError(out);
                    return;
                }
                // Idle from before the answer leaves: once the client has the answer, closeIdleConnections finds it.
                idle.add(socket);
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the peer went away
        }
    }

    /** Reads a request head; the Content-Length it announces, or -1 at the end of the stream. */
    private static long readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c == -1) {
                return -1;
            }
            any = true;
            if (c == '\n') {
                String text = line.toString().trim();
                if (text.isEmpty()) {
                    return any ? length : -1;
                }
                if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(text.substring("content-length:".length()).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
    }

    /** A 500 whose body is delimited by the connection's end, which never comes until the client leaves. */
    private void writeEndlessError(OutputStream out) throws IOException {
        out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = "e".repeat(8192).getBytes(StandardCharsets.US_ASCII);
        while (true) {
            out.write(chunk);
            errorBytesWritten.addAndGet(chunk.length);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeIdleConnections();
    }
}
