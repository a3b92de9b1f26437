package io.flipflop.media.stream;

/**
 * Opens a sink for a stream that was just accepted. The sink tells {@code listener} when the stream became
 * playable (its first CMAF init segment and media segment exist), which is when the stream key moves on to
 * ACTIVE / ACTIVE_LIVE (StartCmafPublish).
 */
public interface MediaSinkFactory {

    MediaSink open(PublishedStream stream, PublishListener listener);

    interface PublishListener {
        void published();
    }
}
