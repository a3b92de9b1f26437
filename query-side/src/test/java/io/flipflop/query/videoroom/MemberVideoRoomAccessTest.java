package io.flipflop.query.videoroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberAllowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberDisallowedOnVideoRoom;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.relationship.RelationshipProjection;
import io.flipflop.query.relationship.RelationshipQueries;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who the member API shows a room to, for every access level, by id and by uuid. */
class MemberVideoRoomAccessTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP_ID = 100;
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final long ALICE = 1;

    private static final Map<String, Viewer.Member> VIEWERS = new LinkedHashMap<>();

    static {
        VIEWERS.put("owner", new Viewer.Member(APP_ID, ALICE, false));
        VIEWERS.put("member", new Viewer.Member(APP_ID, 3, false));
        VIEWERS.put("guest", new Viewer.Member(APP_ID, 9, true));
        VIEWERS.put("follower", new Viewer.Member(APP_ID, 11, false));
        VIEWERS.put("friend", new Viewer.Member(APP_ID, 13, false));
        VIEWERS.put("otherApp", new Viewer.Member(200, 15, false));
    }

    private VideoRoomQueries queries;

    @BeforeEach
    void aliceHasAFollowerAndAFriendAndARoomOfEveryLevel() {
        MongoDatabase database = databases.fresh();
        MemberViewProjection members = new MemberViewProjection(database);
        members.on(new MemberRegistered(ALICE, APP_ID, "alice", MemberProfile.EMPTY, false, 2L), 0, T);
        RelationshipProjection relationships = new RelationshipProjection(database);
        relationships.on(new FollowingAdded(11, APP_ID, "fiona", ALICE, "alice"), 1);
        relationships.on(new FriendAdded(ALICE, APP_ID, "alice", 13, "fred"), 1);
        relationships.on(new FriendAdded(13, APP_ID, "fred", ALICE, "alice"), 1);
        VideoRoomViewProjection rooms = new VideoRoomViewProjection(database);
        for (AccessLevel level : AccessLevel.values()) {
            rooms.on(new VideoRoomCreated(roomOf(level), VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, APP_ID,
                    ALICE, "alice", 2L, VideoRoomType.BROADCAST_RTMP,
                    new VideoRoomDetails(level.name(), null, level, null, null), T, "uuid-" + level, CreatorType.MEMBER,
                    ALICE), 0, T);
        }
        // the RESTRICTED room's allowlist: "member", and the guest, whom no level beyond APP admits; "friend" was
        // on it and was taken off
        long restricted = roomOf(AccessLevel.RESTRICTED);
        rooms.on(new MemberAllowedOnVideoRoom(restricted, VideoRoomState.SCHEDULED, APP_ID, 3, "mike"), 1, T);
        rooms.on(new MemberAllowedOnVideoRoom(restricted, VideoRoomState.SCHEDULED, APP_ID, 9, "guest"), 2, T);
        rooms.on(new MemberAllowedOnVideoRoom(restricted, VideoRoomState.SCHEDULED, APP_ID, 13, "fred"), 3, T);
        rooms.on(new MemberDisallowedOnVideoRoom(restricted, VideoRoomState.SCHEDULED, APP_ID, 13, "fred"), 4, T);
        AppQueries apps = new AppQueries(database);
        MemberQueries memberQueries = new MemberQueries(database, apps);
        queries = new VideoRoomQueries(database, apps, memberQueries, new RelationshipQueries(database, memberQueries),
                PlaybackUrls.at("https://media.example"));
    }

    @Test
    void eachLevelAdmitsExactlyItsViewers() {
        assertThat(admitted(AccessLevel.PUBLIC)).containsExactly("owner", "member", "guest", "follower", "friend",
                "otherApp");
        assertThat(admitted(AccessLevel.APP)).containsExactly("owner", "member", "guest", "follower", "friend");
        assertThat(admitted(AccessLevel.MEMBER)).containsExactly("owner", "member", "follower", "friend");
        assertThat(admitted(AccessLevel.FOLLOWER)).containsExactly("owner", "follower");
        assertThat(admitted(AccessLevel.FRIEND)).containsExactly("owner", "friend");
        assertThat(admitted(AccessLevel.RESTRICTED)).as("the owner and the allowlisted member")
                .containsExactly("owner", "member");
        assertThat(admitted(AccessLevel.PRIVATE)).containsExactly("owner");
    }

    @Test
    void theUuidLookupAdmitsTheSameViewers() {
        for (AccessLevel level : AccessLevel.values()) {
            List<String> byUuid = VIEWERS.entrySet().stream()
                    .filter(viewer -> queries.forMemberByUuid(viewer.getValue(), "uuid-" + level).blockOptional()
                            .isPresent())
                    .map(Map.Entry::getKey).toList();
            assertThat(byUuid).as(level.name()).isEqualTo(admitted(level));
        }
    }

    private List<String> admitted(AccessLevel level) {
        return VIEWERS.entrySet().stream()
                .filter(viewer -> queries.forMember(viewer.getValue(), roomOf(level)).blockOptional().isPresent())
                .map(Map.Entry::getKey).toList();
    }

    private static long roomOf(AccessLevel level) {
        return 50 + level.ordinal();
    }
}
