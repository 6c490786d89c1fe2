package io.switchboard.benchmarks.send;

/** One way of sending an SMS to the sandbox: raw OkHttp, our adapter, a vendor SDK, or the facade. */
interface SendClient extends AutoCloseable {

    /** The vendor whose emulator receives the sends. */
    String vendor();

    /** {@code raw-okhttp}, {@code adapter}, {@code sdk} or {@code facade}. */
    String kind();

    /** Sends message {@code i} (its destination cycles through a fixed set) and fails unless it was accepted. */
    void send(int i) throws Exception;

    @Override
    default void close() throws Exception {
    }

    default String label() {
        return vendor() + "/" + kind();
    }
}
