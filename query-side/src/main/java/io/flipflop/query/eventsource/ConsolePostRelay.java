package io.flipflop.query.eventsource;

import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.SourceUploadFailed;
import io.flipflop.api.videopost.SourceUploadRequested;
import io.flipflop.api.videopost.SourceUploaded;
import io.flipflop.api.videopost.TranscodingQueued;
import io.flipflop.api.videopost.TranscodingQueuingFailed;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostDeleted;
import io.flipflop.api.videopost.VideoPostEvent;
import io.flipflop.api.videopost.VideoPostProcessed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Tells the console pages open on an app of its posts' state changes and job progress, as {@link MemberEventRelay}
 * does for rooms and keys (in the same processor, so on every query node). The events that move a post's state,
 * and progress; not detail updates, allowlist changes or stored parts. A deleted post's last message carries the
 * state it was deleted in: the page reads the list again and no longer finds it.
 */
@Component
@ProcessingGroup(MemberEventSourceProcessing.PROCESSING_GROUP)
public class ConsolePostRelay {

    private final ConsoleEventHub console;
    private final StreamOwners owners;

    public ConsolePostRelay(ConsoleEventHub console, StreamOwners owners) {
        this.console = console;
        this.owners = owners;
    }

    @EventHandler
    public void on(VideoPostCreated event) {
        owners.remember(event.videoPostId(), new MemberAddress(event.appId(), event.memberId()));
        publish(event, null);
    }

    @EventHandler
    public void on(ArchivePostCreated event) {
        owners.remember(event.videoPostId(), new MemberAddress(event.appId(), event.memberId()));
        publish(event, 100.0);
    }

    /** A new upload request takes a FAILED_UPLOAD post back to CREATED. */
    @EventHandler
    public void on(SourceUploadRequested event) {
        publish(event, null);
    }

    @EventHandler
    public void on(SourceUploaded event) {
        publish(event, null);
    }

    @EventHandler
    public void on(SourceUploadFailed event) {
        publish(event, null);
    }

    @EventHandler
    public void on(TranscodingQueued event) {
        publish(event, null);
    }

    @EventHandler
    public void on(TranscodingQueuingFailed event) {
        publish(event, null);
    }

    @EventHandler
    public void on(ProcessingStarted event) {
        publish(event, 0.0);
    }

    @EventHandler
    public void on(ProcessingProgressed event) {
        publish(event, event.percent());
    }

    @EventHandler
    public void on(VideoPostProcessed event) {
        publish(event, 100.0);
    }

    @EventHandler
    public void on(ProcessingFailed event) {
        publish(event, null);
    }

    @EventHandler
    public void on(VideoPostDeleted event) {
        console.publish(event.appId(), new ConsoleEvent.VideoPost(event.videoPostId(), event.state(), null));
    }

    private void publish(VideoPostEvent event, Double percent) {
        owners.of(event.videoPostId()).ifPresent(owner -> console.publish(owner.appId(),
                new ConsoleEvent.VideoPost(event.videoPostId(), event.state(), percent)));
    }
}
