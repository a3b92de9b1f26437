package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.media.stream.PublishedStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the command side, which is not on this module's classpath: records the commands as lines
 * ("startIngest 7", "stopCmafPublish 7 PUBLISHER_DISCONNECTED") and refuses StartIngest for keys told to.
 */
final class RecordingIngestCommands implements IngestCommands {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Set<Long> refusing = ConcurrentHashMap.newKeySet();

    void refuseStartIngest(long streamKeyId) {
        refusing.add(streamKeyId);
    }

    List<String> sent() {
        return List.copyOf(sent);
    }

    /** The commands sent for one key, lease renewals left out. */
    List<String> lifecycle(long streamKeyId) {
        return sent.stream().filter(line -> line.split(" ")[1].equals(String.valueOf(streamKeyId)))
                .filter(line -> !line.startsWith("renewIngestLease")).toList();
    }

    @Override
    public void startIngest(PublishedStream stream, Duration lease) {
        if (refusing.contains(stream.streamKeyId())) {
            throw new IngestRefusedException("STREAM_KEY_STATE_NOT_INACTIVE_OR_INACTIVE_LIVE", "Already ingesting");
        }
        sent.add("startIngest " + stream.streamKeyId());
    }

    @Override
    public void startCmafPublish(PublishedStream stream) {
        sent.add("startCmafPublish " + stream.streamKeyId());
    }

    @Override
    public void stopIngest(PublishedStream stream, IngestStopReason reason) {
        sent.add("stopIngest " + stream.streamKeyId() + " " + reason);
    }

    @Override
    public void stopCmafPublish(PublishedStream stream, IngestStopReason reason) {
        sent.add("stopCmafPublish " + stream.streamKeyId() + " " + reason);
    }

    @Override
    public void renewIngestLease(PublishedStream stream, Duration lease) {
        sent.add("renewIngestLease " + stream.streamKeyId());
    }
}
