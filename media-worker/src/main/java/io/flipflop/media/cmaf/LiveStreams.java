package io.flipflop.media.cmaf;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live streams this worker packages, by stream key id: what the playback origin serves. A stream key's
 * live stream outlives a dropped publisher, so a reconnect continues the same playlists (after a
 * discontinuity) and the same recording; {@link #end} closes it when the broadcast ends.
 */
@Component
public class LiveStreams {

    private final CmafSettings settings;
    private final Clock clock;
    private final Map<Long, LiveStream> streams = new ConcurrentHashMap<>();

    @Autowired
    public LiveStreams(CmafSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LiveStreams(CmafSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The stream key's current live stream, from its first publish until {@link #end}. */
    public Optional<LiveStream> find(long streamKeyId) {
        return Optional.ofNullable(streams.get(streamKeyId));
    }

    /**
     * The broadcast is over: the live stream's playlists and recording end and it is no longer found here.
     * Returns it, so the archive can take its {@link LiveStream#recordingDirectory()}.
     */
    public Optional<LiveStream> end(long streamKeyId) {
        LiveStream stream = streams.remove(streamKeyId);
        if (stream != null) {
            stream.store().end();
        }
        return Optional.ofNullable(stream);
    }

    /** A publish starts: it continues the key's live stream, or starts a new one with a new recording. */
    LiveStream continueOrStart(long streamKeyId) {
        return streams.computeIfAbsent(streamKeyId, id -> {
            Snapshot.Timing timing = new Snapshot.Timing(settings.partDuration().toMillis(),
                    settings.segmentDuration().toMillis(), settings.targetDurationSeconds());
            String recordingId = Long.toString(clock.millis());
            Recording recording = new Recording(settings.liveRoot().resolve(Long.toString(id)).resolve(recordingId),
                    timing.targetDurationSeconds());
            return new LiveStream(id, new SegmentStore(timing, settings.windowSegments(), recording, clock));
        });
    }
}
