package io.switchboard.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything this process prints while it is started: standard output and error (where SLF4J's simple logger writes)
 * copied into a buffer while still passing through, and every java.util.logging record (OkHttp's, MockWebServer's).
 */
final class CapturedOutput {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final StringBuffer julRecords = new StringBuffer();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            julRecords.append(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedOutput() {
    }

    static CapturedOutput start() {
        CapturedOutput captured = new CapturedOutput();
        System.setOut(new PrintStream(captured.tee(captured.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(captured.tee(captured.err), true, StandardCharsets.UTF_8));
        Logger.getLogger("").addHandler(captured.handler);
        return captured;
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (buffer) {
                    buffer.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (buffer) {
                    buffer.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
    }

    void stop() {
        System.setOut(out);
        System.setErr(err);
        Logger.getLogger("").removeHandler(handler);
    }

    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8) + julRecords;
        }
    }
}
