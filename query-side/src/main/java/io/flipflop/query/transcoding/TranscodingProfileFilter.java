package io.flipflop.query.transcoding;

import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.RepresentativeType;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.query.paging.QueryParameters;

/**
 * The filters of a profile listing (reference §9); null means "any". {@code name} matches any part of the name,
 * ignoring case. An unknown enum value is refused with a code naming the parameter, never read as "any".
 */
public record TranscodingProfileFilter(TranscodingProfileType type, ProfileCreatorType creatorType,
                                       RepresentativeType representativeType, String name) {

    public static TranscodingProfileFilter of(String type, String creatorType, String representativeType,
                                              String name) {
        return new TranscodingProfileFilter(
                QueryParameters.enumValue(type, TranscodingProfileType.class, "INVALID_TRANSCODING_PROFILE_TYPE",
                        "type"),
                QueryParameters.enumValue(creatorType, ProfileCreatorType.class, "INVALID_CREATOR_TYPE",
                        "creatorType"),
                QueryParameters.enumValue(representativeType, RepresentativeType.class,
                        "INVALID_REPRESENTATIVE_TYPE", "representativeType"),
                name == null || name.isEmpty() ? null : name);
    }
}
