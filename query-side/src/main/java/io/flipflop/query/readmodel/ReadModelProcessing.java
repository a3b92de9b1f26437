package io.flipflop.query.readmodel;

import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.relationship.RelationshipProjection;
import io.flipflop.query.streamkey.StreamKeyViewProjection;
import io.flipflop.query.usage.UsageProjection;
import io.flipflop.query.videopost.VideoPostViewProjection;
import io.flipflop.query.videoroom.VideoRoomViewProjection;
import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Axon's default for a failing event handler is to log and move on, which would leave a read model silently
 * missing an update after, say, a MongoDB fail-over. Projection writes are idempotent, so the right answer is
 * to fail the batch: the streaming processor then retries it with back-off from its last stored token.
 */
@Component
public class ReadModelProcessing implements ConfigurerModule {

    private static final List<String> PROCESSING_GROUPS = List.of(AppViewProjection.PROCESSING_GROUP,
            MemberViewProjection.PROCESSING_GROUP, StreamKeyViewProjection.PROCESSING_GROUP,
            VideoRoomViewProjection.PROCESSING_GROUP, RelationshipProjection.PROCESSING_GROUP,
            UsageProjection.PROCESSING_GROUP, VideoPostViewProjection.PROCESSING_GROUP);

    @Override
    public void configureModule(Configurer configurer) {
        PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }
}
