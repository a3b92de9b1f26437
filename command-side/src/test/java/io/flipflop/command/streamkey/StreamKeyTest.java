package io.flipflop.command.streamkey;

import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_LIVE;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_LIVE_PREP;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_PREP;
import static io.flipflop.api.streamkey.StreamKeyState.INACTIVE;
import static io.flipflop.api.streamkey.StreamKeyState.INACTIVE_LIVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.EndBroadcastOnStreamKey;
import io.flipflop.api.streamkey.ForceTerminateStreamKey;
import io.flipflop.api.streamkey.GoLiveOnStreamKey;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.ChangeStreamKeyMode;
import io.flipflop.api.streamkey.ReissueStreamKey;
import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.api.streamkey.StartCmafPublish;
import io.flipflop.api.streamkey.StartIngest;
import io.flipflop.api.streamkey.StopCmafPublish;
import io.flipflop.api.streamkey.StopIngest;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCommand;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyModeChanged;
import io.flipflop.api.streamkey.StreamKeyReissued;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class StreamKeyTest {

    private static final long KEY = 101;
    private static final long APP = 7;
    private static final long MEMBER = 100;
    private static final long ROOM = 500;
    private static final String WORKER = "worker-1";
    private static final String KEY_STRING = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private static final Duration LEASE = Duration.ofSeconds(15);

    /**
     * SPEC §2, copied by hand (not computed from the production table): the state each accepted command leads to.
     * Everything missing here must be refused with the code in {@link #CODES}.
     */
    private static final Map<StreamKeyState, Map<Class<?>, StreamKeyState>> SPEC = Map.of(
            INACTIVE, Map.of(StartIngest.class, ACTIVE_PREP, ReissueStreamKey.class, INACTIVE,
                    ForceTerminateStreamKey.class, INACTIVE, ChangeStreamKeyMode.class, INACTIVE),
            ACTIVE_PREP, Map.of(StopIngest.class, INACTIVE, StartCmafPublish.class, ACTIVE,
                    RenewIngestLease.class, ACTIVE_PREP, ForceTerminateStreamKey.class, INACTIVE,
                    ChangeStreamKeyMode.class, ACTIVE_PREP),
            ACTIVE, Map.of(StopCmafPublish.class, INACTIVE, GoLiveOnStreamKey.class, ACTIVE_LIVE,
                    RenewIngestLease.class, ACTIVE, ForceTerminateStreamKey.class, INACTIVE,
                    ChangeStreamKeyMode.class, ACTIVE),
            ACTIVE_LIVE, Map.of(StopCmafPublish.class, INACTIVE_LIVE, RenewIngestLease.class, ACTIVE_LIVE,
                    ForceTerminateStreamKey.class, INACTIVE, ChangeStreamKeyMode.class, ACTIVE_LIVE),
            INACTIVE_LIVE, Map.of(StartIngest.class, ACTIVE_LIVE_PREP, EndBroadcastOnStreamKey.class, INACTIVE,
                    ForceTerminateStreamKey.class, INACTIVE, ChangeStreamKeyMode.class, INACTIVE_LIVE),
            ACTIVE_LIVE_PREP, Map.of(StopIngest.class, INACTIVE_LIVE, StartCmafPublish.class, ACTIVE_LIVE,
                    RenewIngestLease.class, ACTIVE_LIVE_PREP, ForceTerminateStreamKey.class, INACTIVE,
                    ChangeStreamKeyMode.class, ACTIVE_LIVE_PREP));

    private static final Map<Class<?>, String> CODES = Map.of(
            StartIngest.class, "STREAM_KEY_STATE_NOT_INACTIVE_OR_INACTIVE_LIVE",
            StopIngest.class, "STREAM_KEY_STATE_NOT_ACTIVE_PREP_OR_ACTIVE_LIVE_PREP",
            StartCmafPublish.class, "STREAM_KEY_STATE_NOT_ACTIVE_PREP_OR_ACTIVE_LIVE_PREP",
            StopCmafPublish.class, "STREAM_KEY_STATE_NOT_ACTIVE_OR_ACTIVE_LIVE",
            RenewIngestLease.class, "STREAM_KEY_STATE_NOT_ACTIVE_PREP_OR_ACTIVE_OR_ACTIVE_LIVE_OR_ACTIVE_LIVE_PREP",
            GoLiveOnStreamKey.class, "STREAM_KEY_STATE_NOT_ACTIVE",
            EndBroadcastOnStreamKey.class, "STREAM_KEY_STATE_NOT_INACTIVE_LIVE",
            ReissueStreamKey.class, "STREAM_KEY_STATE_NOT_INACTIVE");

    private static final Map<Class<?>, StreamKeyCommand> SAMPLES = Map.of(
            StartIngest.class, new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE),
            StopIngest.class, new StopIngest(KEY, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED),
            StartCmafPublish.class, new StartCmafPublish(KEY, WORKER),
            StopCmafPublish.class, new StopCmafPublish(KEY, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED),
            RenewIngestLease.class, new RenewIngestLease(KEY, WORKER, LEASE),
            GoLiveOnStreamKey.class, new GoLiveOnStreamKey(KEY, ROOM),
            EndBroadcastOnStreamKey.class, new EndBroadcastOnStreamKey(KEY, ROOM),
            ForceTerminateStreamKey.class, new ForceTerminateStreamKey(KEY, APP, "NEW"),
            ReissueStreamKey.class, new ReissueStreamKey(KEY, APP, "NEW"),
            ChangeStreamKeyMode.class, new ChangeStreamKeyMode(KEY, APP, OutputMode.RTMP));

    private AggregateTestFixture<StreamKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StreamKey.class);
    }

    /** The history that leads to each state, through the edges of SPEC §2. */
    private static List<Object> historyTo(StreamKeyState state) {
        List<Object> events = new ArrayList<>(List.of(created()));
        switch (state) {
            case INACTIVE -> { }
            case ACTIVE_PREP -> events.add(ingestStarted(ACTIVE_PREP, null));
            case ACTIVE -> events.addAll(List.of(ingestStarted(ACTIVE_PREP, null), published(ACTIVE, null)));
            case ACTIVE_LIVE -> events.addAll(liveHistory());
            case INACTIVE_LIVE -> {
                events.addAll(liveHistory());
                events.add(new CmafPublishStopped(KEY, INACTIVE_LIVE, WORKER,
                        IngestStopReason.PUBLISHER_DISCONNECTED, ROOM));
            }
            case ACTIVE_LIVE_PREP -> {
                events.addAll(liveHistory());
                events.add(new CmafPublishStopped(KEY, INACTIVE_LIVE, WORKER,
                        IngestStopReason.PUBLISHER_DISCONNECTED, ROOM));
                events.add(ingestStarted(ACTIVE_LIVE_PREP, ROOM));
            }
        }
        return events;
    }

    private static List<Object> liveHistory() {
        return List.of(ingestStarted(ACTIVE_PREP, null), published(ACTIVE, null),
                new StreamKeyWentLive(KEY, ACTIVE_LIVE, ROOM));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInEveryStateFollowsTheSpecTable() {
        List<Class<?>> commands = Arrays.asList(StreamKeyCommand.class.getPermittedSubclasses());
        return Arrays.stream(StreamKeyState.values()).flatMap(state -> commands.stream().map(command ->
                DynamicTest.dynamicTest(command.getSimpleName() + " in " + state, () -> {
                    assertThat(SPEC).as("expected row for " + state).containsKey(state);
                    assertThat(SAMPLES).as("sample of " + command.getSimpleName()).containsKey(command);
                    AggregateTestFixture<StreamKey> f = new AggregateTestFixture<>(StreamKey.class);
                    StreamKeyState expected = SPEC.get(state).get(command);
                    var result = f.given(historyTo(state)).when(SAMPLES.get(command));
                    if (expected != null) {
                        result.expectSuccessfulHandlerExecution()
                                .expectState(key -> assertThat(key.state()).isEqualTo(expected));
                    } else {
                        assertThat(CODES).as("code of " + command.getSimpleName()).containsKey(command);
                        result.expectNoEvents().expectException(rejection(CODES.get(command), state.name()));
                    }
                })));
    }

    @Test
    void aNewStreamKeyIsInactive() {
        fixture.given(created()).when(new RenewIngestLease(KEY, WORKER, LEASE))
                .expectException(rejection("STREAM_KEY_STATE_NOT_ACTIVE_PREP_OR_ACTIVE_OR_ACTIVE_LIVE_OR_ACTIVE_LIVE_PREP",
                        "INACTIVE"));
    }

    @Test
    void startIngestRecordsTheWorkerAndTheModeAndLeasesTheIngest() {
        fixture.given(created())
                .when(new StartIngest(KEY, WORKER, OutputMode.RTMP_CMAF, LEASE))
                .expectEvents(new IngestStarted(KEY, ACTIVE_PREP, WORKER, OutputMode.RTMP_CMAF, null))
                .expectScheduledDeadlineWithName(LEASE, StreamKey.LEASE_DEADLINE);
    }

    @Test
    void aStopFromAWorkerThatDoesNotHoldTheIngestIsRefused() {
        fixture.given(historyTo(ACTIVE))
                .when(new StopCmafPublish(KEY, "worker-2", IngestStopReason.PUBLISHER_DISCONNECTED))
                .expectNoEvents()
                .expectException(rejection("INGEST_NOT_HELD_BY_WORKER", "worker-2"));
    }

    @Test
    void aRenewalFromAWorkerThatDoesNotHoldTheIngestIsRefused() {
        fixture.given(historyTo(ACTIVE_LIVE))
                .when(new RenewIngestLease(KEY, "worker-2", LEASE))
                .expectException(rejection("INGEST_NOT_HELD_BY_WORKER", "worker-2"));
    }

    @Test
    void aKeyLiveForOneRoomRefusesGoLiveForAnother() {
        fixture.given(historyTo(INACTIVE_LIVE))
                .when(new GoLiveOnStreamKey(KEY, 999))
                .expectException(rejection("STREAM_KEY_STATE_NOT_ACTIVE", "live for video room " + ROOM));
    }

    /** A go live that checked its room long ago arrives after that room's whole broadcast went by. */
    @Test
    void goLiveForARoomWhoseBroadcastTheKeyEndedIsRefused() {
        fixture.given(historyTo(INACTIVE_LIVE))
                .andGivenCommands(new EndBroadcastOnStreamKey(KEY, ROOM),
                        new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE), new StartCmafPublish(KEY, WORKER))
                .when(new GoLiveOnStreamKey(KEY, ROOM))
                .expectException(rejection("VIDEO_ROOM_STATE_NOT_SCHEDULED", "never restarts"));
    }

    @Test
    void goLiveForAnotherRoomAfterAnEndedBroadcastIsAccepted() {
        fixture.given(historyTo(INACTIVE_LIVE))
                .andGivenCommands(new EndBroadcastOnStreamKey(KEY, ROOM),
                        new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE), new StartCmafPublish(KEY, WORKER))
                .when(new GoLiveOnStreamKey(KEY, 999))
                .expectEvents(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, 999L));
    }

    @Test
    void endingTheBroadcastOfAnotherRoomIsRefused() {
        fixture.given(historyTo(INACTIVE_LIVE))
                .when(new EndBroadcastOnStreamKey(KEY, 999))
                .expectException(rejection("STREAM_KEY_NOT_LIVE_FOR_VIDEO_ROOM", "999"));
    }

    @Test
    void endingTheBroadcastUnlinksTheRoom() {
        fixture.given(historyTo(INACTIVE_LIVE))
                .when(new EndBroadcastOnStreamKey(KEY, ROOM))
                .expectEvents(new StreamKeyBroadcastEnded(KEY, INACTIVE, ROOM))
                .expectResultMessagePayloadMatching(matching("no room", result ->
                        ((StreamKeySnapshot) result).videoRoomId() == null));
    }

    @Test
    void reissueReplacesTheKeyString() {
        fixture.given(created())
                .when(new ReissueStreamKey(KEY, APP, "NEW"))
                .expectEvents(new StreamKeyReissued(KEY, INACTIVE, KEY_STRING, "NEW"));
    }

    @Test
    void theKeysOwnModeIsRecordedInAnyStateWithoutMovingIt() {
        fixture.given(historyTo(ACTIVE_LIVE))
                .when(new ChangeStreamKeyMode(KEY, APP, OutputMode.RTMP))
                .expectEvents(new StreamKeyModeChanged(KEY, ACTIVE_LIVE, OutputMode.RTMP))
                .expectState(key -> assertThat(key.state()).isEqualTo(ACTIVE_LIVE));
    }

    @Test
    void theSameModeAgainRecordsNothingAndNullRemovesIt() {
        fixture.given(created(), new StreamKeyModeChanged(KEY, INACTIVE, OutputMode.RTMP_CMAF))
                .when(new ChangeStreamKeyMode(KEY, APP, OutputMode.RTMP_CMAF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(), new StreamKeyModeChanged(KEY, INACTIVE, OutputMode.RTMP_CMAF))
                .when(new ChangeStreamKeyMode(KEY, APP, null))
                .expectEvents(new StreamKeyModeChanged(KEY, INACTIVE, null));
    }

    @Test
    void anotherAppsKeyIsNotFound() {
        fixture.given(created())
                .when(new ReissueStreamKey(KEY, 8, "NEW"))
                .expectNoEvents()
                .expectException(notFound("STREAM_KEY_NOT_FOUND"));
        fixture.given(created())
                .when(new ChangeStreamKeyMode(KEY, 8, OutputMode.RTMP))
                .expectNoEvents()
                .expectException(notFound("STREAM_KEY_NOT_FOUND"));
        fixture.given(historyTo(ACTIVE_LIVE))
                .when(new ForceTerminateStreamKey(KEY, 8, "NEW"))
                .expectNoEvents()
                .expectException(notFound("STREAM_KEY_NOT_FOUND"));
    }

    @Test
    void forceTerminateOfALiveKeyCutsTheIngestReissuesTheKeyAndNamesTheRoom() {
        fixture.given(historyTo(ACTIVE_LIVE))
                .when(new ForceTerminateStreamKey(KEY, APP, "NEW"))
                .expectEvents(new StreamKeyForciblyTerminated(KEY, INACTIVE, ACTIVE_LIVE, WORKER, ROOM, KEY_STRING,
                        "NEW"))
                .expectResultMessagePayload(new ForcedTermination(ROOM));
    }

    @Test
    void forceTerminateOfAnInactiveKeySucceedsAndChangesNothing() {
        fixture.given(created())
                .when(new ForceTerminateStreamKey(KEY, APP, "NEW"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new ForcedTermination(null));
    }

    @Test
    void theLeaseExpiresInActivePrepAsIfTheIngestStopped() {
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(StreamKey.LEASE_DEADLINE)
                .expectEvents(new IngestStopped(KEY, INACTIVE, WORKER, IngestStopReason.LEASE_EXPIRED, null));
    }

    @Test
    void theLeaseExpiresInActiveAsIfCmafPublishingStopped() {
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE), new StartCmafPublish(KEY, WORKER))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectEvents(new CmafPublishStopped(KEY, INACTIVE, WORKER, IngestStopReason.LEASE_EXPIRED, null));
    }

    @Test
    void theLeaseExpiresInActiveLiveAndTheKeyWaitsForTheIngestToResume() {
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE), new StartCmafPublish(KEY, WORKER),
                        new GoLiveOnStreamKey(KEY, ROOM))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectEvents(new CmafPublishStopped(KEY, INACTIVE_LIVE, WORKER, IngestStopReason.LEASE_EXPIRED,
                        ROOM));
    }

    @Test
    void theLeaseExpiresInActiveLivePrepBackToInactiveLive() {
        List<Object> history = historyTo(INACTIVE_LIVE);
        fixture.given(history)
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectEvents(new IngestStopped(KEY, INACTIVE_LIVE, WORKER, IngestStopReason.LEASE_EXPIRED, ROOM));
    }

    @Test
    void aRenewalReplacesTheLeaseDeadlineAndRecordsNothing() {
        Duration longer = Duration.ofSeconds(30);
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE))
                .when(new RenewIngestLease(KEY, WORKER, longer))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(longer, StreamKey.LEASE_DEADLINE)
                .expectNoScheduledDeadlineWithName(LEASE, StreamKey.LEASE_DEADLINE);
    }

    @Test
    void aRenewedLeaseDoesNotExpireAtTheOriginalTime() {
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE),
                        new RenewIngestLease(KEY, WORKER, Duration.ofSeconds(30)))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aLeaseOfAnEarlierIngestNeverStopsALaterOne() {
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE),
                        new StopIngest(KEY, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED),
                        new StartIngest(KEY, "worker-2", OutputMode.CMAF, Duration.ofSeconds(60)))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void anExpiredLeaseOfAStoppedIngestChangesNothing() {
        fixture.given(created())
                .andGivenCommands(new StartIngest(KEY, WORKER, OutputMode.CMAF, LEASE),
                        new StopIngest(KEY, WORKER, IngestStopReason.PUBLISHER_DISCONNECTED))
                .whenTimeElapses(LEASE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void streamKeyStringsAreLongRandomAndUrlSafe() {
        StreamKeyStrings strings = new StreamKeyStrings();
        String key = strings.newStreamKey();
        assertThat(key).matches("[A-Za-z0-9]{32}");
        assertThat(strings.newStreamKey()).isNotEqualTo(key);
    }

    private static StreamKeyCreated created() {
        return new StreamKeyCreated(KEY, APP, MEMBER, KEY_STRING);
    }

    private static IngestStarted ingestStarted(StreamKeyState state, Long room) {
        return new IngestStarted(KEY, state, WORKER, OutputMode.CMAF, room);
    }

    private static CmafPublishStarted published(StreamKeyState state, Long room) {
        return new CmafPublishStarted(KEY, state, WORKER, room);
    }

    /** A refusal with {@code code} whose message mentions {@code inMessage} (e.g. the current state). */
    static Matcher<Object> rejection(String code, String inMessage) {
        return matching(code + " mentioning " + inMessage, failure -> failure instanceof DomainRejection rejection
                && rejection.errorCode().equals(code) && rejection.getMessage().contains(inMessage));
    }

    static Matcher<Object> notFound(String code) {
        return matching(code, failure -> failure instanceof ApiException api && api.errorCode().equals(code)
                && api.status().value() == 404);
    }

    static Matcher<Object> matching(String description, java.util.function.Predicate<Object> test) {
        return new CustomMatcher<>(description) {
            @Override
            public boolean matches(Object item) {
                return test.test(item);
            }
        };
    }
}
