package io.flipflop.api.transcoding;

import io.flipflop.api.app.AppRef;
import java.time.Instant;

/**
 * A transcoding profile as the API shows it (reference §13.5); {@code app} is null for a SYSTEM profile.
 * {@code representativeType} is as the asking app sees it: DEFAULT for what its posts get when they name no profile
 * of the type.
 */
public record TranscodingProfileView(long id, String state, TranscodingProfileType type,
                                     ProfileCreatorType creatorType, RepresentativeType representativeType,
                                     AppRef app, String name, String description, ProfileSettings profile,
                                     Instant createdAt, Instant lastModifiedAt) {
}
