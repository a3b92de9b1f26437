package io.flipflop.media.vod;

import io.flipflop.api.videoroom.CompleteArchive;
import io.flipflop.api.videoroom.FailArchive;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.cmaf.VodPackager;
import io.flipflop.media.stream.WorkerCommands;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.playback.PlaybackUrls;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives the broadcasts this worker recorded (SPEC §2, §5): once a room's archive starts (vodState ARCHIVING),
 * its recording becomes a VOD under {@code {dataDir}/media/vod/{videoRoomId}} ({@link VodPackager}) and the room
 * is told: CompleteArchive with the VOD's path ({@link PlaybackUrls#vodPath}, made absolute when answered), or
 * FailArchive with the reason.
 * <p>
 * Only the worker that packaged a broadcast holds its recording, so only that worker archives it; the others
 * ignore the room. It learns which recording a room has from the broadcast's events, in the order they happened
 * ({@code io.flipflop.media.origin.BroadcastEnds} calls it from one processor thread): went live (while this
 * worker held the key's stream), ended (the stream is closed and its recording known), archive started. What it
 * holds is in memory: a worker restarted between an end and its archive leaves the room ARCHIVING.
 */
public class Archiver {

    private static final Logger log = LoggerFactory.getLogger(Archiver.class);

    private final CmafSettings settings;
    private final WorkerCommands commands;
    private final Clock clock;
    private final Map<Long, Instant> liveSince = new ConcurrentHashMap<>();
    private final Map<Long, Recorded> recorded = new ConcurrentHashMap<>();

    public Archiver(CmafSettings settings, WorkerCommands commands, Clock clock) {
        this.settings = settings;
        this.commands = commands;
        this.clock = clock;
    }

    /** The room went live on a stream this worker packages; the first time counts (a resume is no new start). */
    public void wentLive(long videoRoomId, Instant at) {
        liveSince.putIfAbsent(videoRoomId, at);
    }

    /** The room's broadcast ended normally; its recording is complete. */
    public void ended(long videoRoomId, Path recording) {
        Instant since = liveSince.remove(videoRoomId);
        recorded.put(videoRoomId, new Recorded(recording, since));
        log.info("Room {} ended; its recording {} is kept from {}", videoRoomId, recording, since);
    }

    /** The room was ended by force: never archived (SPEC §2). */
    public void terminated(long videoRoomId) {
        liveSince.remove(videoRoomId);
        recorded.remove(videoRoomId);
    }

    /**
     * The room's archive started: package its recording, if this worker has it, and report the outcome. The
     * recording is forgotten only once the outcome was delivered: a failure to send it (the command side out of
     * reach) is thrown, so the processor handles the event again and the archive is repeated.
     */
    public void archive(long videoRoomId) {
        Recorded recording = recorded.get(videoRoomId);
        if (recording == null) {
            return;
        }
        Object outcome;
        try {
            VodPackager.build(recording.directory(), settings.vodRoot().resolve(Long.toString(videoRoomId)),
                    recording.liveSince(), clock);
            outcome = new CompleteArchive(videoRoomId, PlaybackUrls.vodPath(videoRoomId));
            log.info("Room {} archived from {}", videoRoomId, recording.directory());
        } catch (VodPackager.VodFailure failure) {
            outcome = new FailArchive(videoRoomId, failure.reason());
            log.warn("Room {} not archived from {}: {}", videoRoomId, recording.directory(), failure.reason());
        } catch (RuntimeException e) {
            // a recording the packager cannot read must fail its room, not stop this worker's event processing
            outcome = new FailArchive(videoRoomId, "The recording could not be turned into a VOD");
            log.error("Room {} not archived from {}", videoRoomId, recording.directory(), e);
        }
        try {
            commands.send(outcome);
        } catch (ApiException | AggregateNotFoundException refused) {
            // archived meanwhile by hand, or deleted: the room has moved on
            log.info("Room {} did not take {}: {}", videoRoomId, outcome, refused.getMessage());
        }
        recorded.remove(videoRoomId);
    }

    private record Recorded(Path directory, Instant liveSince) {
    }
}
