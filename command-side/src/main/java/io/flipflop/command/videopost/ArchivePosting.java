package io.flipflop.command.videopost;

import io.flipflop.api.videopost.CreateArchivePost;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videoroom.PostArchive;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.OriginCommands;
import io.flipflop.command.videoroom.ArchivedRoom;
import io.flipflop.command.videoroom.VideoRoomSnapshot;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import io.flipflop.platform.playback.PlaybackUrls;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a video post of every archived room (issue 6 point 5): on {@link VideoRoomArchived}, the room records which
 * post its archive becomes ({@link PostArchive}, the first id offered wins) and answers its owner, details and
 * allowlist; the post is then made PROCESSED at once ({@link CreateArchivePost}), its outputs the room's VOD
 * (CMAF HLS and DASH), not encoded again. Both steps are no-ops the second time, so a redelivered or replayed
 * archive makes no second post, and a post deleted since is not made again.
 * <p>
 * A room deleted before its archive is handled gets no post (the refusal is logged); any other failure propagates,
 * so the processor retries the event ({@link ArchivePostingConfiguration}).
 */
@Component
@ProcessingGroup(ArchivePostingConfiguration.PROCESSING_GROUP)
public class ArchivePosting {

    private static final Logger log = LoggerFactory.getLogger(ArchivePosting.class);
    private static final Origin ORIGIN = Origin.system(ArchivePostingConfiguration.PROCESSING_GROUP);
    /** The recording, as the post's source: the VOD's HLS playlist; its bytes are metered as storage usage. */
    static final SourceFile RECORDING = new SourceFile("index.m3u8", 0, "application/vnd.apple.mpegurl");

    private final OriginCommands commands;
    private final IdGenerator ids;

    public ArchivePosting(OriginCommands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @EventHandler
    void on(VideoRoomArchived event) {
        ArchivedRoom archived;
        try {
            archived = commands.sendAndWait(new PostArchive(event.videoRoomId(), ids.nextId()), ORIGIN);
        } catch (ApiException refused) {
            log.info("Room {} gets no video post: {}", event.videoRoomId(), refused.getMessage());
            return;
        }
        commands.sendAndWait(post(archived), ORIGIN);
    }

    /** The post of an archived room: its owner, creator, title, description, access level and allowlist. */
    static CreateArchivePost post(ArchivedRoom archived) {
        VideoRoomSnapshot room = archived.room();
        VideoRoomDetails details = room.details();
        List<ProcessedOutput> outputs = List.of(
                new ProcessedOutput("CMAF_HLS", 0, PlaybackUrls.vodPath(room.videoRoomId())),
                new ProcessedOutput("CMAF_MPEG_DASH", 0, PlaybackUrls.vodDashPath(room.videoRoomId())));
        return new CreateArchivePost(archived.videoPostId(), room.appId(), room.memberId(), room.appUserId(),
                new VideoPostDetails(details.title(), details.description(), details.accessLevel(), null, null,
                        List.of()),
                room.creatorType(), room.creatorId(),
                new VideoRoomRef(room.videoRoomId(), "ACTIVE", room.state(), room.type(), details.title()),
                archived.allowlist(), RECORDING, outputs);
    }
}
