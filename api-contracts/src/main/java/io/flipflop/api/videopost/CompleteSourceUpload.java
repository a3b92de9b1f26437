package io.flipflop.api.videopost;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;

/** The client says every part is up (reference §10.7): every part must be stored with the eTag it names, and the sizes must add up to the declared size. */
public record CompleteSourceUpload(@TargetAggregateIdentifier long videoPostId, long appId, Long ownerMemberId,
                                   List<UploadedPart> parts)
        implements VideoPostCommand {
}
