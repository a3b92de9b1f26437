package io.flipflop.media.stream;

/**
 * Receives one published stream's tags, in arrival order, on a thread that may block (never a Netty event
 * loop thread). {@link #close()} is called once when the publisher goes away, cleanly or not.
 */
public interface MediaSink extends AutoCloseable {

    void accept(FlvTag tag);

    @Override
    void close();
}
