package io.flipflop.platform.access;

import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.ALLOWLISTED_MEMBER;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.ANONYMOUS;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.APP_WIDE_TOKEN;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.FOLLOWER;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.FOLLOWING_GUEST;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.FRIEND;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.GUEST;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.MEMBER;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.OTHER_APP_MEMBER;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.OTHER_APP_WIDE_TOKEN;
import static io.flipflop.platform.access.AccessPolicyTest.ViewerKind.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.videoroom.AccessLevel;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §3 as a table: for every access level, which kinds of viewer may view a resource of app 7 owned by 100. */
class AccessPolicyTest {

    private static final long APP = 7;
    private static final long OTHER_APP = 8;
    private static final long OWNER_ID = 100;

    enum ViewerKind {
        ANONYMOUS(Viewer.anonymous()),
        APP_WIDE_TOKEN(Viewer.appWide(APP)),
        OTHER_APP_WIDE_TOKEN(Viewer.appWide(OTHER_APP)),
        OWNER(Viewer.member(APP, OWNER_ID, false)),
        MEMBER(Viewer.member(APP, 101, false)),
        GUEST(Viewer.member(APP, 102, true)),
        FOLLOWER(Viewer.member(APP, 103, false)),
        FRIEND(Viewer.member(APP, 104, false)),
        ALLOWLISTED_MEMBER(Viewer.member(APP, 105, false)),
        /** A guest the relationships and the allowlist name: still a guest. */
        FOLLOWING_GUEST(Viewer.member(APP, 106, true)),
        /** Named by the relationships and the allowlist too, but of another app. */
        OTHER_APP_MEMBER(Viewer.member(OTHER_APP, 107, false));

        final Viewer viewer;

        ViewerKind(Viewer viewer) {
            this.viewer = viewer;
        }
    }

    private static final Map<AccessLevel, Set<ViewerKind>> MAY_VIEW = new EnumMap<>(Map.of(
            AccessLevel.PUBLIC, EnumSet.allOf(ViewerKind.class),
            AccessLevel.APP, EnumSet.of(APP_WIDE_TOKEN, OWNER, MEMBER, GUEST, FOLLOWER, FRIEND, ALLOWLISTED_MEMBER,
                    FOLLOWING_GUEST),
            AccessLevel.MEMBER, EnumSet.of(APP_WIDE_TOKEN, OWNER, MEMBER, FOLLOWER, FRIEND, ALLOWLISTED_MEMBER),
            AccessLevel.FOLLOWER, EnumSet.of(APP_WIDE_TOKEN, OWNER, FOLLOWER),
            AccessLevel.FRIEND, EnumSet.of(APP_WIDE_TOKEN, OWNER, FRIEND),
            AccessLevel.RESTRICTED, EnumSet.of(APP_WIDE_TOKEN, OWNER, ALLOWLISTED_MEMBER),
            AccessLevel.PRIVATE, EnumSet.of(APP_WIDE_TOKEN, OWNER)));

    /** The owner's followers and friends, as a read model would answer. */
    private static final Relationships RELATIONSHIPS = new Relationships() {
        @Override
        public boolean isFollower(long ownerMemberId, long viewerMemberId) {
            return ownerMemberId == OWNER_ID && Set.of(103L, 106L, 107L).contains(viewerMemberId);
        }

        @Override
        public boolean isFriend(long ownerMemberId, long viewerMemberId) {
            return ownerMemberId == OWNER_ID && Set.of(104L, 106L, 107L).contains(viewerMemberId);
        }
    };

    private static final Set<Long> ALLOWLIST = Set.of(105L, 106L, 107L);

    static Stream<Arguments> everyLevelAndViewer() {
        return Arrays.stream(AccessLevel.values()).flatMap(level -> Arrays.stream(ViewerKind.values())
                .map(kind -> Arguments.of(level, kind, MAY_VIEW.get(level).contains(kind))));
    }

    @ParameterizedTest(name = "{0} resource, {1} viewer: {2}")
    @MethodSource("everyLevelAndViewer")
    void decidesEveryLevelForEveryKindOfViewer(AccessLevel level, ViewerKind kind, boolean mayView) {
        ProtectedResource resource = new ProtectedResource(APP, OWNER_ID, level, ALLOWLIST);

        assertThat(AccessPolicy.mayView(kind.viewer, resource, RELATIONSHIPS)).isEqualTo(mayView);
    }

    @Test
    void theTableHasARowForEveryAccessLevel() {
        assertThat(MAY_VIEW.keySet()).isEqualTo(EnumSet.allOf(AccessLevel.class));
    }

    @Test
    void aRestrictedResourceWithoutAnAllowlistIsTheOwnersAlone() {
        ProtectedResource resource = new ProtectedResource(APP, OWNER_ID, AccessLevel.RESTRICTED, null);

        assertThat(AccessPolicy.mayView(ALLOWLISTED_MEMBER.viewer, resource, RELATIONSHIPS)).isFalse();
        assertThat(AccessPolicy.mayView(OWNER.viewer, resource, RELATIONSHIPS)).isTrue();
    }

    @Test
    void relationshipsAreNotAskedWhenTheyCannotMatter() {
        Relationships unreachable = new Relationships() {
            @Override
            public boolean isFollower(long ownerMemberId, long viewerMemberId) {
                throw new AssertionError("asked about followers");
            }

            @Override
            public boolean isFriend(long ownerMemberId, long viewerMemberId) {
                throw new AssertionError("asked about friends");
            }
        };
        for (ViewerKind kind : EnumSet.of(ANONYMOUS, APP_WIDE_TOKEN, OWNER, GUEST, OTHER_APP_MEMBER)) {
            for (AccessLevel level : EnumSet.of(AccessLevel.FOLLOWER, AccessLevel.FRIEND)) {
                AccessPolicy.mayView(kind.viewer, new ProtectedResource(APP, OWNER_ID, level, Set.of()), unreachable);
            }
        }
    }
}
