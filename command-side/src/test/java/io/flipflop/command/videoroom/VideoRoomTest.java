package io.flipflop.command.videoroom;

import static io.flipflop.api.videoroom.VideoRoomState.ARCHIVED;
import static io.flipflop.api.videoroom.VideoRoomState.CANCELLED;
import static io.flipflop.api.videoroom.VideoRoomState.ENDED;
import static io.flipflop.api.videoroom.VideoRoomState.LIVE;
import static io.flipflop.api.videoroom.VideoRoomState.LIVE_INACTIVE;
import static io.flipflop.api.videoroom.VideoRoomState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.AllowMemberOnVideoRoom;
import io.flipflop.api.videoroom.CancelVideoRoom;
import io.flipflop.api.videoroom.CompleteArchive;
import io.flipflop.api.videoroom.CreateVideoRoom;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.DeleteVideoRoom;
import io.flipflop.api.videoroom.DisallowMemberOnVideoRoom;
import io.flipflop.api.videoroom.EndBroadcast;
import io.flipflop.api.videoroom.FailArchive;
import io.flipflop.api.videoroom.ForceTerminateVideoRoom;
import io.flipflop.api.videoroom.GoLive;
import io.flipflop.api.videoroom.InspectVideoRoom;
import io.flipflop.api.videoroom.MarkIngestLost;
import io.flipflop.api.videoroom.MarkIngestResumed;
import io.flipflop.api.videoroom.PostArchive;
import io.flipflop.api.videoroom.VideoRoomArchivePosted;
import io.flipflop.api.videoroom.MemberAllowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberDisallowedOnVideoRoom;
import io.flipflop.api.videoroom.StartArchive;
import io.flipflop.api.videoroom.UpdateVideoRoom;
import io.flipflop.api.videoroom.VideoRoomArchiveFailed;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCancelled;
import io.flipflop.api.videoroom.VideoRoomCommand;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDeleted;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomField;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomUpdated;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VideoRoomTest {

    private static final long ROOM = 500;
    private static final long APP = 7;
    private static final long MEMBER = 100;
    private static final long KEY = 101;
    private static final Instant SCHEDULED_AT = Instant.parse("2030-01-01T10:00:00Z");
    private static final VideoRoomDetails DETAILS = new VideoRoomDetails("Show", "A show", AccessLevel.PUBLIC, null,
            null);

    /** What a command does in a state, written by hand from SPEC §2 (not computed from the production table). */
    sealed interface Outcome permits MovesTo, NoOp, Refused {
    }

    record MovesTo(VideoRoomState state) implements Outcome {
    }

    /** Accepted without an event: inspection, or a broadcast command whose effect is already there. */
    record NoOp() implements Outcome {
    }

    record Refused(String code) implements Outcome {
    }

    private static final NoOp NO_OP = new NoOp();

    /** Accepted commands per state; everything else is refused with {@link #CODES} unless {@link #REFUSALS} says. */
    private static final Map<VideoRoomState, Map<Class<?>, Outcome>> SPEC = Map.of(
            SCHEDULED, Map.of(InspectVideoRoom.class, NO_OP, UpdateVideoRoom.class, new MovesTo(SCHEDULED),
                    DeleteVideoRoom.class, new MovesTo(SCHEDULED), CancelVideoRoom.class, new MovesTo(CANCELLED),
                    GoLive.class, new MovesTo(LIVE), AllowMemberOnVideoRoom.class, new MovesTo(SCHEDULED),
                    DisallowMemberOnVideoRoom.class, NO_OP),
            CANCELLED, Map.of(InspectVideoRoom.class, NO_OP, UpdateVideoRoom.class, new MovesTo(CANCELLED),
                    DeleteVideoRoom.class, new MovesTo(CANCELLED), AllowMemberOnVideoRoom.class, new MovesTo(CANCELLED),
                    DisallowMemberOnVideoRoom.class, NO_OP),
            LIVE, Map.of(InspectVideoRoom.class, NO_OP, UpdateVideoRoom.class, new MovesTo(LIVE),
                    MarkIngestLost.class, new MovesTo(LIVE_INACTIVE), ForceTerminateVideoRoom.class, new MovesTo(ENDED),
                    GoLive.class, NO_OP, MarkIngestResumed.class, NO_OP,
                    AllowMemberOnVideoRoom.class, new MovesTo(LIVE), DisallowMemberOnVideoRoom.class, NO_OP),
            LIVE_INACTIVE, Map.of(InspectVideoRoom.class, NO_OP, UpdateVideoRoom.class, new MovesTo(LIVE_INACTIVE),
                    MarkIngestResumed.class, new MovesTo(LIVE), EndBroadcast.class, new MovesTo(ENDED),
                    ForceTerminateVideoRoom.class, new MovesTo(ENDED), GoLive.class, NO_OP,
                    MarkIngestLost.class, NO_OP, AllowMemberOnVideoRoom.class, new MovesTo(LIVE_INACTIVE),
                    DisallowMemberOnVideoRoom.class, NO_OP),
            ENDED, Map.of(InspectVideoRoom.class, NO_OP, UpdateVideoRoom.class, new MovesTo(ENDED),
                    DeleteVideoRoom.class, new MovesTo(ENDED), StartArchive.class, new MovesTo(ENDED),
                    EndBroadcast.class, NO_OP, AllowMemberOnVideoRoom.class, new MovesTo(ENDED),
                    DisallowMemberOnVideoRoom.class, NO_OP),
            ARCHIVED, Map.of(InspectVideoRoom.class, NO_OP, UpdateVideoRoom.class, new MovesTo(ARCHIVED),
                    DeleteVideoRoom.class, new MovesTo(ARCHIVED), AllowMemberOnVideoRoom.class, new MovesTo(ARCHIVED),
                    DisallowMemberOnVideoRoom.class, NO_OP, PostArchive.class, new MovesTo(ARCHIVED)));

    private static final Map<Class<?>, String> CODES = Map.ofEntries(
            Map.entry(CreateVideoRoom.class, "VIDEO_ROOM_ALREADY_EXISTS"),
            Map.entry(DeleteVideoRoom.class, "VIDEO_ROOM_STATE_NOT_SCHEDULED_OR_CANCELLED_OR_ENDED_OR_ARCHIVED"),
            Map.entry(CancelVideoRoom.class, "VIDEO_ROOM_STATE_NOT_SCHEDULED"),
            Map.entry(GoLive.class, "VIDEO_ROOM_STATE_NOT_SCHEDULED"),
            Map.entry(MarkIngestLost.class, "VIDEO_ROOM_STATE_NOT_LIVE"),
            Map.entry(MarkIngestResumed.class, "VIDEO_ROOM_STATE_NOT_LIVE_INACTIVE"),
            Map.entry(EndBroadcast.class, "VIDEO_ROOM_STATE_NOT_LIVE_INACTIVE"),
            Map.entry(ForceTerminateVideoRoom.class, "VIDEO_ROOM_STATE_NOT_LIVE_OR_LIVE_INACTIVE"),
            Map.entry(StartArchive.class, "VIDEO_ROOM_STATE_NOT_ENDED"),
            Map.entry(CompleteArchive.class, "VIDEO_ROOM_STATE_NOT_ENDED"),
            Map.entry(FailArchive.class, "VIDEO_ROOM_STATE_NOT_ENDED"),
            Map.entry(PostArchive.class, "VIDEO_ROOM_STATE_NOT_ARCHIVED"));

    /** In ENDED the room accepts the archive results, but vodState (NOT_ARCHIVED) does not. */
    private static final Map<VideoRoomState, Map<Class<?>, String>> REFUSALS = Map.of(
            ENDED, Map.of(CompleteArchive.class, "VIDEO_ROOM_VOD_STATE_NOT_ARCHIVING",
                    FailArchive.class, "VIDEO_ROOM_VOD_STATE_NOT_ARCHIVING"));

    private static final Map<Class<?>, VideoRoomCommand> SAMPLES = Map.ofEntries(
            Map.entry(CreateVideoRoom.class, create(VideoRoomType.BROADCAST_RTMP, SCHEDULED_AT, DETAILS)),
            Map.entry(InspectVideoRoom.class, new InspectVideoRoom(ROOM, APP, null)),
            Map.entry(UpdateVideoRoom.class, new UpdateVideoRoom(ROOM, APP, MEMBER,
                    new VideoRoomDetails("New title", null, null, null, null), Set.of(VideoRoomField.TITLE))),
            Map.entry(DeleteVideoRoom.class, new DeleteVideoRoom(ROOM, APP, null)),
            Map.entry(CancelVideoRoom.class, new CancelVideoRoom(ROOM, APP, MEMBER)),
            Map.entry(GoLive.class, new GoLive(ROOM, KEY)),
            Map.entry(MarkIngestLost.class, new MarkIngestLost(ROOM, KEY)),
            Map.entry(MarkIngestResumed.class, new MarkIngestResumed(ROOM, KEY)),
            Map.entry(EndBroadcast.class, new EndBroadcast(ROOM, KEY)),
            Map.entry(ForceTerminateVideoRoom.class, new ForceTerminateVideoRoom(ROOM, KEY)),
            Map.entry(StartArchive.class, new StartArchive(ROOM)),
            Map.entry(CompleteArchive.class, new CompleteArchive(ROOM, "https://vod/500.m3u8")),
            Map.entry(FailArchive.class, new FailArchive(ROOM, "disk full")),
            Map.entry(PostArchive.class, new PostArchive(ROOM, 900)),
            // allowing changes no state; disallowing a member who is not on the allowlist records nothing
            Map.entry(AllowMemberOnVideoRoom.class, new AllowMemberOnVideoRoom(ROOM, APP, 300, "bob")),
            Map.entry(DisallowMemberOnVideoRoom.class, new DisallowMemberOnVideoRoom(ROOM, APP, 300, "bob")));

    private AggregateTestFixture<VideoRoom> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VideoRoom.class);
    }

    /** The history that leads to each state through the edges of SPEC §2. */
    private static List<Object> historyTo(VideoRoomState state) {
        List<Object> events = new ArrayList<>(List.of(created(VideoRoomType.BROADCAST_RTMP)));
        switch (state) {
            case SCHEDULED -> { }
            case CANCELLED -> events.add(new VideoRoomCancelled(ROOM, CANCELLED));
            case LIVE -> events.add(wentLive());
            case LIVE_INACTIVE -> events.addAll(List.of(wentLive(), lost()));
            case ENDED -> events.addAll(endedHistory());
            case ARCHIVED -> {
                events.addAll(endedHistory());
                events.add(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING));
                events.add(new VideoRoomArchived(ROOM, ARCHIVED, VodState.ARCHIVED, "https://vod/500.m3u8"));
            }
        }
        return events;
    }

    private static List<Object> endedHistory() {
        return List.of(wentLive(), lost(), new VideoRoomBroadcastEnded(ROOM, ENDED, KEY));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInEveryStateFollowsTheSpecTable() {
        List<Class<?>> commands = Arrays.asList(VideoRoomCommand.class.getPermittedSubclasses());
        return Arrays.stream(VideoRoomState.values()).flatMap(state -> commands.stream().map(command ->
                DynamicTest.dynamicTest(command.getSimpleName() + " in " + state, () -> {
                    assertThat(SPEC).as("expected row for " + state).containsKey(state);
                    assertThat(SAMPLES).as("sample of " + command.getSimpleName()).containsKey(command);
                    Outcome expected = SPEC.get(state).get(command);
                    if (expected == null) {
                        String code = REFUSALS.getOrDefault(state, Map.of()).get(command);
                        assertThat(code != null || CODES.containsKey(command))
                                .as("code of " + command.getSimpleName()).isTrue();
                        expected = new Refused(code != null ? code : CODES.get(command));
                    }
                    var result = new AggregateTestFixture<>(VideoRoom.class).given(historyTo(state))
                            .when(SAMPLES.get(command));
                    if (expected instanceof MovesTo moves) {
                        result.expectSuccessfulHandlerExecution()
                                .expectState(room -> assertThat(room.state()).isEqualTo(moves.state()));
                    } else if (expected instanceof Refused refused) {
                        String current = command == CreateVideoRoom.class ? "exists"
                                : refused.code().startsWith("VIDEO_ROOM_VOD_STATE") ? "NOT_ARCHIVED" : state.name();
                        result.expectNoEvents().expectException(rejection(refused.code(), current));
                    } else {
                        result.expectSuccessfulHandlerExecution().expectNoEvents();
                    }
                })));
    }

    @Test
    void aNewBroadcastRoomIsScheduledAndPublicByDefault() {
        fixture.givenNoPriorActivity()
                .when(create(VideoRoomType.BROADCAST_RTMP, SCHEDULED_AT,
                        new VideoRoomDetails("Show", null, null, null, null)))
                .expectEvents(new VideoRoomCreated(ROOM, SCHEDULED, VodState.NOT_ARCHIVED, APP, MEMBER, "alice", KEY,
                        VideoRoomType.BROADCAST_RTMP, new VideoRoomDetails("Show", null, AccessLevel.PUBLIC, null, null),
                        SCHEDULED_AT, "uuid-1", CreatorType.APP, APP));
    }

    @Test
    void aBroadcastRoomNeedsItsScheduledTime() {
        fixture.givenNoPriorActivity()
                .when(create(VideoRoomType.BROADCAST_RTMP, null, DETAILS))
                .expectException(rejection("EMPTY_VIDEO_ROOM_SCHEDULED_AT", "scheduledAt"));
    }

    @Test
    void aRoomNeedsItsType() {
        fixture.givenNoPriorActivity()
                .when(create(null, SCHEDULED_AT, DETAILS))
                .expectException(rejection("EMPTY_VIDEO_ROOM_TYPE", "type"));
    }

    @Test
    void goLiveOnAnotherTypeOfRoomIsRefused() {
        fixture.given(created(VideoRoomType.WEBINAR))
                .when(new GoLive(ROOM, KEY))
                .expectException(rejection("VIDEO_ROOM_TYPE_NOT_BROADCAST_RTMP", "WEBINAR"));
    }

    @Test
    void goLiveOnAKeyThatIsNotTheOwnersIsRefused() {
        fixture.given(created(VideoRoomType.BROADCAST_RTMP))
                .when(new GoLive(ROOM, 999))
                .expectException(rejection("STREAM_KEY_NOT_OWNED_BY_VIDEO_ROOM_OWNER", "999"));
    }

    @Test
    void anEndedBroadcastNeverRestarts() {
        fixture.given(historyTo(ENDED))
                .when(new GoLive(ROOM, KEY))
                .expectNoEvents()
                .expectException(rejection("VIDEO_ROOM_STATE_NOT_SCHEDULED", "ENDED"));
    }

    @Test
    void goLiveAgainOnAnotherKeyIsRefusedEvenWhileLive() {
        fixture.given(historyTo(LIVE))
                .when(new GoLive(ROOM, 999))
                .expectException(rejection("VIDEO_ROOM_STATE_NOT_SCHEDULED", "LIVE"));
    }

    @Test
    void forceTerminateEndsTheRoomForciblyAndItIsNeverArchived() {
        fixture.given(historyTo(LIVE))
                .when(new ForceTerminateVideoRoom(ROOM, KEY))
                .expectEvents(new VideoRoomForciblyTerminated(ROOM, ENDED, KEY))
                .expectState(room -> assertThat(room.state()).isEqualTo(ENDED));
        fixture.given(historyTo(LIVE)).andGiven(new VideoRoomForciblyTerminated(ROOM, ENDED, KEY))
                .when(new StartArchive(ROOM))
                .expectNoEvents()
                .expectException(rejection("VIDEO_ROOM_FORCIBLY_TERMINATED", "never archived"));
    }

    @Test
    void forceTerminateOfAForciblyEndedRoomIsANoOp() {
        fixture.given(historyTo(LIVE)).andGiven(new VideoRoomForciblyTerminated(ROOM, ENDED, KEY))
                .when(new ForceTerminateVideoRoom(ROOM, KEY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void endingANormallyEndedRoomOnAnotherKeyIsRefused() {
        fixture.given(historyTo(ENDED))
                .when(new EndBroadcast(ROOM, 999))
                .expectException(rejection("VIDEO_ROOM_STATE_NOT_LIVE_INACTIVE", "ENDED"));
    }

    @Test
    void archivingMovesVodStateToArchivingThenArchivedWithTheVodUrl() {
        fixture.given(historyTo(ENDED))
                .when(new StartArchive(ROOM))
                .expectEvents(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING));
        fixture.given(historyTo(ENDED)).andGiven(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING))
                .when(new CompleteArchive(ROOM, "https://vod/500.m3u8"))
                .expectEvents(new VideoRoomArchived(ROOM, ARCHIVED, VodState.ARCHIVED, "https://vod/500.m3u8"));
    }

    @Test
    void aFailedArchiveCanBeStartedAgain() {
        fixture.given(historyTo(ENDED)).andGiven(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING))
                .when(new FailArchive(ROOM, "disk full"))
                .expectEvents(new VideoRoomArchiveFailed(ROOM, ENDED, VodState.FAILED_ARCHIVING, "disk full"));
        fixture.given(historyTo(ENDED)).andGiven(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING),
                        new VideoRoomArchiveFailed(ROOM, ENDED, VodState.FAILED_ARCHIVING, "disk full"))
                .when(new StartArchive(ROOM))
                .expectEvents(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING));
    }

    @Test
    void startArchiveWhileArchivingIsANoOp() {
        fixture.given(historyTo(ENDED)).andGiven(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING))
                .when(new StartArchive(ROOM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAppsRoomIsNotFound() {
        fixture.given(historyTo(SCHEDULED))
                .when(new InspectVideoRoom(ROOM, 8, null))
                .expectException(notFound());
        fixture.given(historyTo(SCHEDULED))
                .when(new DeleteVideoRoom(ROOM, 8, null))
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void anotherMembersRoomIsNotFoundOnTheMemberApi() {
        fixture.given(historyTo(SCHEDULED))
                .when(new CancelVideoRoom(ROOM, APP, 999L))
                .expectNoEvents()
                .expectException(notFound());
    }

    @Test
    void aDeletedRoomIsNotFound() {
        fixture.given(historyTo(SCHEDULED)).andGiven(new VideoRoomDeleted(ROOM, SCHEDULED, APP))
                .when(new InspectVideoRoom(ROOM, APP, null))
                .expectException(notFound());
        fixture.given(historyTo(SCHEDULED)).andGiven(new VideoRoomDeleted(ROOM, SCHEDULED, APP))
                .when(new GoLive(ROOM, KEY))
                .expectException(notFound());
    }

    @Test
    void anUpdateSetsOnlyTheGivenFieldsAndANullClearsOne() {
        fixture.given(historyTo(SCHEDULED))
                .when(new UpdateVideoRoom(ROOM, APP, MEMBER,
                        new VideoRoomDetails("New", null, AccessLevel.FRIEND, null, null),
                        Set.of(VideoRoomField.TITLE, VideoRoomField.DESCRIPTION, VideoRoomField.ACCESS_LEVEL)))
                .expectEvents(new VideoRoomUpdated(ROOM, SCHEDULED,
                        new VideoRoomDetails("New", null, AccessLevel.FRIEND, null, null)));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(historyTo(LIVE))
                .when(new UpdateVideoRoom(ROOM, APP, null, DETAILS, Set.of(VideoRoomField.TITLE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void customDataLimitsApplyToUpdates() {
        fixture.given(historyTo(SCHEDULED))
                .when(new UpdateVideoRoom(ROOM, APP, null,
                        new VideoRoomDetails(null, null, null, "x".repeat(51), null), Set.of(VideoRoomField.CUSTOM_TYPE)))
                .expectException(rejection("CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED", "customType"));
    }

    @Test
    void theLostIngestIsRecordedWithItsKey() {
        fixture.given(historyTo(LIVE))
                .when(new MarkIngestLost(ROOM, KEY))
                .expectEvents(new VideoRoomIngestLost(ROOM, LIVE_INACTIVE, KEY));
    }

    @Test
    void allowingAMemberPutsItOnTheAllowlistOnce() {
        fixture.given(historyTo(LIVE))
                .when(new AllowMemberOnVideoRoom(ROOM, APP, 300, "bob"))
                .expectEvents(new MemberAllowedOnVideoRoom(ROOM, LIVE, APP, 300, "bob"))
                .expectState(room -> {
                    assertThat(room.allowlist()).containsExactly(300L);
                    assertThat(room.state()).isEqualTo(LIVE);
                });
        fixture.given(historyTo(LIVE)).andGiven(new MemberAllowedOnVideoRoom(ROOM, LIVE, APP, 300, "bob"))
                .when(new AllowMemberOnVideoRoom(ROOM, APP, 300, "bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anArchivedRoomRecordsTheFirstPostIdOfferedAndAnswersItWithItsAllowlist() {
        fixture.given(historyTo(ARCHIVED)).andGiven(new MemberAllowedOnVideoRoom(ROOM, ARCHIVED, APP, 300, "bob"))
                .when(new PostArchive(ROOM, 900))
                .expectEvents(new VideoRoomArchivePosted(ROOM, ARCHIVED, 900))
                .expectResultMessagePayloadMatching(postedAs(900))
                .expectState(room -> assertThat(room.state()).isEqualTo(ARCHIVED));
        fixture.given(historyTo(ARCHIVED)).andGiven(new MemberAllowedOnVideoRoom(ROOM, ARCHIVED, APP, 300, "bob"),
                        new VideoRoomArchivePosted(ROOM, ARCHIVED, 900))
                .when(new PostArchive(ROOM, 901))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(postedAs(900));
    }

    @Test
    void aRoomThatIsNotArchivedHasNoPostToRecord() {
        fixture.given(historyTo(ENDED)).andGiven(new VideoRoomArchiveStarted(ROOM, ENDED, VodState.ARCHIVING))
                .when(new PostArchive(ROOM, 900))
                .expectNoEvents()
                .expectException(rejection("VIDEO_ROOM_STATE_NOT_ARCHIVED", "ENDED"));
    }

    /** The answer names the post and carries the room's owner and allowlist (member 300). */
    private static Matcher<Object> postedAs(long videoPostId) {
        return matching("post " + videoPostId, answer -> answer instanceof ArchivedRoom archived
                && archived.videoPostId() == videoPostId && archived.allowlist().equals(Set.of(300L))
                && archived.room().memberId() == MEMBER && archived.room().state() == ARCHIVED);
    }

    @Test
    void disallowingAMemberTakesItOffTheAllowlistOnce() {
        fixture.given(historyTo(ENDED)).andGiven(new MemberAllowedOnVideoRoom(ROOM, LIVE, APP, 300, "bob"),
                        new MemberAllowedOnVideoRoom(ROOM, LIVE, APP, 301, "carol"))
                .when(new DisallowMemberOnVideoRoom(ROOM, APP, 300, "bob"))
                .expectEvents(new MemberDisallowedOnVideoRoom(ROOM, ENDED, APP, 300, "bob"))
                .expectState(room -> assertThat(room.allowlist()).containsExactly(301L));
        fixture.given(historyTo(ENDED)).andGiven(new MemberAllowedOnVideoRoom(ROOM, LIVE, APP, 300, "bob"),
                        new MemberDisallowedOnVideoRoom(ROOM, ENDED, APP, 300, "bob"))
                .when(new DisallowMemberOnVideoRoom(ROOM, APP, 300, "bob"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAppsOrADeletedRoomsAllowlistIsNotFound() {
        fixture.given(historyTo(SCHEDULED))
                .when(new AllowMemberOnVideoRoom(ROOM, 8, 300, "bob"))
                .expectNoEvents()
                .expectException(notFound());
        fixture.given(historyTo(SCHEDULED)).andGiven(new MemberAllowedOnVideoRoom(ROOM, SCHEDULED, APP, 300, "bob"))
                .when(new DisallowMemberOnVideoRoom(ROOM, 8, 300, "bob"))
                .expectNoEvents()
                .expectException(notFound());
        fixture.given(historyTo(SCHEDULED)).andGiven(new VideoRoomDeleted(ROOM, SCHEDULED, APP))
                .when(new AllowMemberOnVideoRoom(ROOM, APP, 300, "bob"))
                .expectNoEvents()
                .expectException(notFound());
    }

    private static CreateVideoRoom create(VideoRoomType type, Instant scheduledAt, VideoRoomDetails details) {
        return new CreateVideoRoom(ROOM, APP, MEMBER, "alice", KEY, type, details, scheduledAt, "uuid-1",
                CreatorType.APP, APP);
    }

    private static VideoRoomCreated created(VideoRoomType type) {
        return new VideoRoomCreated(ROOM, SCHEDULED, VodState.NOT_ARCHIVED, APP, MEMBER, "alice", KEY, type, DETAILS,
                SCHEDULED_AT, "uuid-1", CreatorType.APP, APP);
    }

    private static VideoRoomWentLive wentLive() {
        return new VideoRoomWentLive(ROOM, LIVE, KEY);
    }

    private static VideoRoomIngestLost lost() {
        return new VideoRoomIngestLost(ROOM, LIVE_INACTIVE, KEY);
    }

    static Matcher<Object> rejection(String code, String inMessage) {
        return matching(code + " mentioning " + inMessage, failure -> failure instanceof DomainRejection rejection
                && rejection.errorCode().equals(code) && rejection.getMessage().contains(inMessage));
    }

    static Matcher<Object> notFound() {
        return matching("VIDEO_ROOM_NOT_FOUND", failure -> failure instanceof ApiException api
                && api.errorCode().equals("VIDEO_ROOM_NOT_FOUND") && api.status().value() == 404);
    }

    static Matcher<Object> matching(String description, Predicate<Object> test) {
        return new CustomMatcher<>(description) {
            @Override
            public boolean matches(Object item) {
                return test.test(item);
            }
        };
    }
}
