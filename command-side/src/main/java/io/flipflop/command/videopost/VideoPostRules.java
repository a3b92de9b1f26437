package io.flipflop.command.videopost;

import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.command.member.MemberRules;
import io.flipflop.platform.error.DomainRejection;
import java.util.List;

/**
 * The rules on a post's details. customData has the same limits as a member's (reference §2.4), with the same
 * codes; {@code category} and {@code tags} (ours) are bounded like customData, so a post's document stays small.
 * Invariants of {@link VideoPost}, also checked by the service before an id is taken.
 */
public final class VideoPostRules {

    static final int TEXT_LIMIT = 50;
    static final int MAX_TAGS = 20;

    private VideoPostRules() {
    }

    public static void checkDetails(VideoPostDetails details) {
        MemberRules.checkProfile(new MemberProfile(null, null, null, null, details.customData()));
        if (details.category() != null && details.category().length() > TEXT_LIMIT) {
            throw new DomainRejection("VIDEO_POST_CATEGORY_SIZE_UPPER_LIMIT_EXCEEDED",
                    "category is longer than " + TEXT_LIMIT + " characters");
        }
        List<String> tags = details.tags() == null ? List.of() : details.tags();
        if (tags.size() > MAX_TAGS) {
            throw new DomainRejection("VIDEO_POST_TAG_COUNT_UPPER_LIMIT_EXCEEDED", "more than " + MAX_TAGS + " tags");
        }
        if (tags.stream().anyMatch(tag -> tag == null || tag.isBlank() || tag.length() > TEXT_LIMIT)) {
            throw new DomainRejection("INVALID_VIDEO_POST_TAG",
                    "a tag must be a non-blank text of at most " + TEXT_LIMIT + " characters");
        }
    }

    /** Tags without duplicates, in the order given. */
    public static List<String> distinctTags(List<String> tags) {
        return tags == null ? null : tags.stream().distinct().toList();
    }
}
