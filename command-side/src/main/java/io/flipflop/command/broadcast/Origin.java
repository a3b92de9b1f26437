package io.flipflop.command.broadcast;

import io.flipflop.api.videoroom.CommandOrigin;
import org.axonframework.messaging.MetaData;

/** Who sends a command: the audit shows it for every event the command applies (see {@link CommandOrigin}). */
public record Origin(CommandOrigin origin, String actor) {

    public static Origin app(long appId) {
        return new Origin(CommandOrigin.APP_SERVER, String.valueOf(appId));
    }

    public static Origin member(long memberId) {
        return new Origin(CommandOrigin.MEMBER, String.valueOf(memberId));
    }

    public static Origin worker(String workerId) {
        return new Origin(CommandOrigin.WORKER, workerId);
    }

    public static Origin system(String component) {
        return new Origin(CommandOrigin.SYSTEM, component);
    }

    MetaData metaData() {
        return MetaData.with(CommandOrigin.METADATA_KEY, origin.name()).and(CommandOrigin.ACTOR_KEY, actor);
    }
}
