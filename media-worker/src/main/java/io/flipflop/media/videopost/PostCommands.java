package io.flipflop.media.videopost;

import io.flipflop.api.videopost.VideoPostCommand;
import io.flipflop.media.stream.WorkerCommands;
import io.flipflop.platform.error.ApiException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Sends the media worker's video post commands (blocking; callers are off the event loop). A refusal comes back as
 * the post's {@link ApiException}; an id that names no post (or another kind of aggregate) as VIDEO_POST_NOT_FOUND.
 */
public class PostCommands {

    private final WorkerCommands commands;

    public PostCommands(WorkerCommands commands) {
        this.commands = commands;
    }

    public void send(VideoPostCommand command) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw ApiException.notFound("VIDEO_POST_NOT_FOUND", "No such video post");
        }
    }
}
