package io.flipflop.query.readmodel;

import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.relationship.RelationshipProjection;
import io.flipflop.query.streamkey.StreamKeyViewProjection;
import io.flipflop.query.transcoding.TranscodingProfileProjection;
import io.flipflop.query.usage.UsageProjection;
import io.flipflop.query.videopost.VideoPostViewProjection;
import io.flipflop.query.videoroom.VideoRoomViewProjection;
import java.util.List;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.stereotype.Component;

/**
 * How the read-model projections are processed.
 * <ul>
 *   <li>All of them share one event processor, {@value #PROCESSOR}: each processor is a reader of the event
 *       store that stores a token per batch, and on two cores six readers of the same events cost more than
 *       the projections' own writes (measured: commands through the gateway ran at about half the rate). Each
 *       projection keeps its own processing group, so a new projection joins by being listed here, not by
 *       renaming its {@code @ProcessingGroup}. A reset of the processor replays every read model; that is safe
 *       because their writes are idempotent (see {@link ReadModelWrites}).</li>
 *   <li>Axon's default for a failing event handler is to log and move on, which would leave a read model
 *       silently missing an update after, say, a MongoDB fail-over. Projection writes are idempotent, so the
 *       right answer is to fail the batch: the streaming processor then retries it with back-off from its last
 *       stored token (for every projection of the processor, which the idempotent writes absorb).</li>
 *   <li>Projections may queue writes to be sent after the batch's last event ({@link ReadModelWrites#queue}):
 *       the processor's interceptor sends them before the batch's token is stored.</li>
 * </ul>
 */
@Component
public class ReadModelProcessing implements ConfigurerModule {

    /** The processor (and token) name of every read model; a processor with a new name replays from the start. */
    public static final String PROCESSOR = "read-models";

    private static final List<String> PROCESSING_GROUPS = List.of(AppViewProjection.PROCESSING_GROUP,
            MemberViewProjection.PROCESSING_GROUP, StreamKeyViewProjection.PROCESSING_GROUP,
            VideoRoomViewProjection.PROCESSING_GROUP, RelationshipProjection.PROCESSING_GROUP,
            UsageProjection.PROCESSING_GROUP, VideoPostViewProjection.PROCESSING_GROUP,
            TranscodingProfileProjection.PROCESSING_GROUP);

    @Override
    public void configureModule(Configurer configurer) {
        PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .assignProcessingGroup(group, PROCESSOR)
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
        configurer.eventProcessing().registerHandlerInterceptor(PROCESSOR,
                configuration -> ReadModelWrites.SEND_QUEUED_AFTER_BATCH);
    }
}
