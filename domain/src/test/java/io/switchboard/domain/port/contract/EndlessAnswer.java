package io.switchboard.domain.port.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server on loopback that answers every request with 200 and a JSON body that never ends: {@code opening}, then
 * {@code repeated} over and over until the client hangs up (or 1 GiB, so that a client without a limit still ends).
 */
public final class EndlessAnswer implements AutoCloseable {

    public static final long SAFETY_CAP = 1L << 30;

    private final ServerSocket server;
    private final Thread thread;
    /** Bytes of body written so far, over all connections. */
    public final AtomicLong written = new AtomicLong();

    public EndlessAnswer(String opening, String repeated) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + opening)
                .getBytes(StandardCharsets.UTF_8);
        byte[] chunk = repeated.repeat(Math.max(1, 65_536 / repeated.length())).getBytes(StandardCharsets.UTF_8);
        thread = new Thread(() -> serve(head, chunk), "endless-answer");
        thread.setDaemon(true);
        thread.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void serve(byte[] head, byte[] chunk) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                skipHeaders(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(head);
                while (written.get() < SAFETY_CAP) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // The client hung up (what a bounded client does), or the server was closed.
            }
        }
    }

    private static void skipHeaders(InputStream in) throws IOException {
        int matched = 0;
        for (int b = in.read(); b != -1; b = in.read()) {
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.join(10_000);
    }
}
