package io.flipflop.command.videopost;

import static io.flipflop.api.transcoding.SystemTranscodingProfiles.DEFAULT_THUMBNAIL;
import static io.flipflop.api.transcoding.SystemTranscodingProfiles.DEFAULT_VIDEO;
import static io.flipflop.api.transcoding.SystemTranscodingProfiles.SMALL_VIDEO;
import static io.flipflop.api.videopost.VideoPostState.CREATED;
import static io.flipflop.api.videopost.VideoPostState.FAILED_PROCESSING;
import static io.flipflop.api.videopost.VideoPostState.FAILED_QUEUING;
import static io.flipflop.api.videopost.VideoPostState.FAILED_UPLOAD;
import static io.flipflop.api.videopost.VideoPostState.PROCESSED;
import static io.flipflop.api.videopost.VideoPostState.PROCESSING;
import static io.flipflop.api.videopost.VideoPostState.QUEUED;
import static io.flipflop.api.videopost.VideoPostState.UPLOADED;
import static io.flipflop.command.testsupport.Failures.notFound;
import static io.flipflop.command.testsupport.Failures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.transcoding.ChosenProfile;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.videopost.AllowMemberOnVideoPost;
import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.AssetUploadRequested;
import io.flipflop.api.videopost.AssetUploadStored;
import io.flipflop.api.videopost.CreateArchivePost;
import io.flipflop.api.videopost.CancelProcessing;
import io.flipflop.api.videopost.CompleteAssetUpload;
import io.flipflop.api.videopost.CompleteProcessing;
import io.flipflop.api.videopost.CompleteSourceUpload;
import io.flipflop.api.videopost.CreateVideoPost;
import io.flipflop.api.videopost.DeleteVideoPost;
import io.flipflop.api.videopost.DisallowMemberOnVideoPost;
import io.flipflop.api.videopost.FailProcessing;
import io.flipflop.api.videopost.FailQueuing;
import io.flipflop.api.videopost.FailSourceUpload;
import io.flipflop.api.videopost.InspectVideoPost;
import io.flipflop.api.videopost.MemberAllowedOnVideoPost;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.QueueTranscoding;
import io.flipflop.api.videopost.RecordAssetUpload;
import io.flipflop.api.videopost.RecordSourcePart;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.ReportProcessingProgress;
import io.flipflop.api.videopost.RequestAssetUpload;
import io.flipflop.api.videopost.RequestSourceUpload;
import io.flipflop.api.videopost.RetryTranscoding;
import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.SourcePartStored;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.api.videopost.SourceUploadFailed;
import io.flipflop.api.videopost.SourceUploadRequested;
import io.flipflop.api.videopost.SourceUploaded;
import io.flipflop.api.videopost.StartProcessing;
import io.flipflop.api.videopost.TranscodingQueued;
import io.flipflop.api.videopost.TranscodingQueuingFailed;
import io.flipflop.api.videopost.TranscodingRetryRequested;
import io.flipflop.api.videopost.UpdateVideoPost;
import io.flipflop.api.videopost.UploadedPart;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostCommand;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostDeleted;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostField;
import io.flipflop.api.videopost.VideoPostProcessed;
import io.flipflop.api.videopost.VideoPostProfilesChosen;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videopost.VideoPostUpdated;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VideoPostTest {

    private static final long POST = 900;
    private static final long APP = 7;
    private static final long MEMBER = 100;
    private static final String UPLOAD = "upload-1";
    private static final SourceFile SOURCE = new SourceFile("clip.mp4", 300, "video/mp4");
    private static final VideoPostDetails DETAILS = new VideoPostDetails("Clip", "A clip", AccessLevel.PUBLIC, null,
            "music", List.of("live", "jazz"));
    private static final SourceProbe PROBE = new SourceProbe(10.0, 1920, 1080, true, "mov,mp4,m4a,3gp,3g2,mj2");
    private static final ChosenProfiles PROFILES = new ChosenProfiles(DEFAULT_VIDEO.chosen(), null,
            DEFAULT_THUMBNAIL.chosen());
    private static final ChosenProfile PREVIEW = new ChosenProfile(1000, TranscodingProfileType.PREVIEW, "Teaser",
            ProfileSettings.preview(2, 3, 240));
    private static final List<ProcessedOutput> OUTPUTS = List.of(
            new ProcessedOutput("CMAF_HLS", 1000, "/vod/900/cmaf/master.m3u8"));

    /** What a command does in a state, written by hand from SPEC §2 (not computed from the production table). */
    sealed interface Outcome permits MovesTo, NoOp {
    }

    record MovesTo(VideoPostState state) implements Outcome {
    }

    /** Accepted without an event: inspection, or a report whose effect is already there. */
    record NoOp() implements Outcome {
    }

    private static final NoOp NO_OP = new NoOp();

    /**
     * Accepted in every state: reading, editing, the allowlist (disallowing a non-member records nothing), and
     * making an archive's post that exists already (a redelivered archive).
     */
    private static Map<Class<?>, Outcome> everywhere(VideoPostState state, Map<Class<?>, Outcome> more) {
        var row = new java.util.HashMap<Class<?>, Outcome>(Map.of(InspectVideoPost.class, NO_OP,
                UpdateVideoPost.class, new MovesTo(state), DeleteVideoPost.class, new MovesTo(state),
                AllowMemberOnVideoPost.class, new MovesTo(state), DisallowMemberOnVideoPost.class, NO_OP,
                CreateArchivePost.class, NO_OP, RequestAssetUpload.class, new MovesTo(state),
                RecordAssetUpload.class, new MovesTo(state), CompleteAssetUpload.class, new MovesTo(state)));
        row.putAll(more);
        return row;
    }

    private static final Map<VideoPostState, Map<Class<?>, Outcome>> SPEC = Map.of(
            CREATED, everywhere(CREATED, Map.of(RequestSourceUpload.class, new MovesTo(CREATED),
                    RecordSourcePart.class, new MovesTo(CREATED), CompleteSourceUpload.class, new MovesTo(UPLOADED))),
            UPLOADED, everywhere(UPLOADED, Map.of(FailSourceUpload.class, new MovesTo(FAILED_UPLOAD),
                    QueueTranscoding.class, new MovesTo(QUEUED), FailQueuing.class, new MovesTo(FAILED_QUEUING))),
            QUEUED, everywhere(QUEUED, Map.of(StartProcessing.class, new MovesTo(PROCESSING),
                    CancelProcessing.class, new MovesTo(FAILED_PROCESSING))),
            PROCESSING, everywhere(PROCESSING, Map.of(StartProcessing.class, new MovesTo(PROCESSING),
                    ReportProcessingProgress.class, new MovesTo(PROCESSING),
                    CompleteProcessing.class, new MovesTo(PROCESSED), FailProcessing.class,
                    new MovesTo(FAILED_PROCESSING), CancelProcessing.class, new MovesTo(FAILED_PROCESSING))),
            PROCESSED, everywhere(PROCESSED, Map.of()),
            FAILED_UPLOAD, everywhere(FAILED_UPLOAD, Map.of(RequestSourceUpload.class, new MovesTo(CREATED))),
            FAILED_QUEUING, everywhere(FAILED_QUEUING, Map.of(QueueTranscoding.class, new MovesTo(QUEUED),
                    RetryTranscoding.class, new MovesTo(FAILED_QUEUING))),
            FAILED_PROCESSING, everywhere(FAILED_PROCESSING, Map.of(StartProcessing.class,
                    new MovesTo(PROCESSING), RetryTranscoding.class, new MovesTo(FAILED_PROCESSING))));

    private static final Map<Class<?>, String> CODES = Map.ofEntries(
            Map.entry(CreateVideoPost.class, "VIDEO_POST_ALREADY_EXISTS"),
            Map.entry(RequestSourceUpload.class, "VIDEO_POST_STATE_NOT_CREATED_OR_FAILED_UPLOAD"),
            Map.entry(RecordSourcePart.class, "VIDEO_POST_STATE_NOT_CREATED"),
            Map.entry(CompleteSourceUpload.class, "VIDEO_POST_STATE_NOT_CREATED"),
            Map.entry(FailSourceUpload.class, "VIDEO_POST_STATE_NOT_UPLOADED"),
            Map.entry(QueueTranscoding.class, "VIDEO_POST_STATE_NOT_UPLOADED_OR_FAILED_QUEUING"),
            Map.entry(FailQueuing.class, "VIDEO_POST_STATE_NOT_UPLOADED"),
            Map.entry(StartProcessing.class, "VIDEO_POST_STATE_NOT_QUEUED_OR_PROCESSING_OR_FAILED_PROCESSING"),
            Map.entry(ReportProcessingProgress.class, "VIDEO_POST_STATE_NOT_PROCESSING"),
            Map.entry(CompleteProcessing.class, "VIDEO_POST_STATE_NOT_PROCESSING"),
            Map.entry(FailProcessing.class, "VIDEO_POST_STATE_NOT_PROCESSING"),
            Map.entry(CancelProcessing.class, "VIDEO_POST_STATE_NOT_QUEUED_OR_PROCESSING"),
            Map.entry(RetryTranscoding.class, "VIDEO_POST_STATE_NOT_FAILED_QUEUING_OR_FAILED_PROCESSING"));

    private static final Map<Class<?>, VideoPostCommand> SAMPLES = Map.ofEntries(
            Map.entry(CreateVideoPost.class, create(DETAILS)),
            Map.entry(InspectVideoPost.class, new InspectVideoPost(POST, APP, null)),
            Map.entry(UpdateVideoPost.class, new UpdateVideoPost(POST, APP, MEMBER,
                    new VideoPostDetails("New title", null, null, null, null, null), Set.of(VideoPostField.TITLE),
                    null, Set.of())),
            Map.entry(DeleteVideoPost.class, new DeleteVideoPost(POST, APP, null)),
            Map.entry(AllowMemberOnVideoPost.class, new AllowMemberOnVideoPost(POST, APP, 300, "bob")),
            Map.entry(DisallowMemberOnVideoPost.class, new DisallowMemberOnVideoPost(POST, APP, 300, "bob")),
            Map.entry(RequestSourceUpload.class, new RequestSourceUpload(POST, APP, null, "upload-2", SOURCE, 3)),
            // part 3 uploaded again with other bytes of the same size
            Map.entry(RecordSourcePart.class, new RecordSourcePart(POST, UPLOAD, 3, 100, "e3b")),
            Map.entry(CompleteSourceUpload.class, new CompleteSourceUpload(POST, APP, null, listed(1, 2, 3))),
            Map.entry(FailSourceUpload.class, new FailSourceUpload(POST, "not a video")),
            Map.entry(QueueTranscoding.class, new QueueTranscoding(POST, PROBE)),
            Map.entry(FailQueuing.class, new FailQueuing(POST, "job store down")),
            Map.entry(StartProcessing.class, new StartProcessing(POST, "worker-1", 2)),
            Map.entry(ReportProcessingProgress.class, new ReportProcessingProgress(POST, 42.5, 30.0, 12L)),
            Map.entry(CompleteProcessing.class, new CompleteProcessing(POST,
                    List.of(new Rendition(1920, 1080, 5_000_000)), OUTPUTS)),
            Map.entry(FailProcessing.class, new FailProcessing(POST, "ffmpeg exited with 1")),
            Map.entry(CancelProcessing.class, new CancelProcessing(POST, APP, null)),
            Map.entry(RetryTranscoding.class, new RetryTranscoding(POST, APP, null)),
            Map.entry(CreateArchivePost.class, archivePost()),
            Map.entry(RequestAssetUpload.class, new RequestAssetUpload(POST, APP, null, VideoPostAsset.THUMBNAIL,
                    "thumb-2", new SourceFile("t.png", 100, "image/png"))),
            // the thumbnail of the history PUT again with other bytes
            Map.entry(RecordAssetUpload.class, new RecordAssetUpload(POST, VideoPostAsset.THUMBNAIL, "thumb-1", 100,
                    "f00", 70)),
            Map.entry(CompleteAssetUpload.class, new CompleteAssetUpload(POST, APP, null, VideoPostAsset.THUMBNAIL,
                    "\"e7\"")));

    private static final VideoRoomRef ROOM = new VideoRoomRef(500, "ACTIVE", VideoRoomState.ARCHIVED,
            VideoRoomType.BROADCAST_RTMP, "Kept");
    private static final List<ProcessedOutput> VOD = List.of(
            new ProcessedOutput("CMAF_HLS", 0, "/vod/500/index.m3u8"),
            new ProcessedOutput("CMAF_MPEG_DASH", 0, "/vod/500/manifest.mpd"));
    private static final SourceFile RECORDING = new SourceFile("index.m3u8", 0, "application/vnd.apple.mpegurl");
    private static final VideoPostDetails ROOM_DETAILS = new VideoPostDetails("Kept", null, AccessLevel.RESTRICTED,
            null, null, List.of());

    private static CreateArchivePost archivePost() {
        return new CreateArchivePost(POST, APP, MEMBER, "alice", ROOM_DETAILS, CreatorType.APP, APP, ROOM,
                Set.of(300L), RECORDING, VOD);
    }

    private AggregateTestFixture<VideoPost> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VideoPost.class);
    }

    /**
     * The history that leads to each state through the edges of SPEC §2. In CREATED an upload of three parts is
     * under way with every part stored, and a thumbnail upload is stored but not completed.
     */
    private static List<Object> historyTo(VideoPostState state) {
        List<Object> events = new ArrayList<>(partlyUploaded());
        events.add(stored(3));
        events.addAll(List.of(new AssetUploadRequested(POST, CREATED, VideoPostAsset.THUMBNAIL, "thumb-1",
                        new SourceFile("t.png", 100, "image/png")),
                new AssetUploadStored(POST, CREATED, VideoPostAsset.THUMBNAIL, "thumb-1", 100, "e7", 60)));
        if (state == CREATED) {
            return events;
        }
        events.add(uploaded());
        switch (state) {
            case UPLOADED -> { }
            case FAILED_UPLOAD -> events.add(new SourceUploadFailed(POST, FAILED_UPLOAD, "not a video"));
            case FAILED_QUEUING -> events.add(new TranscodingQueuingFailed(POST, FAILED_QUEUING, "down"));
            case QUEUED -> events.add(queued());
            case PROCESSING -> events.addAll(List.of(queued(), started(1)));
            case PROCESSED -> events.addAll(List.of(queued(), started(1),
                    new VideoPostProcessed(POST, PROCESSED, List.of(), OUTPUTS)));
            case FAILED_PROCESSING -> events.addAll(List.of(queued(), started(1),
                    new ProcessingFailed(POST, FAILED_PROCESSING, "ffmpeg exited with 1")));
            default -> throw new IllegalArgumentException(state.name());
        }
        return events;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInEveryStateFollowsTheSpecTable() {
        List<Class<?>> commands = Arrays.asList(VideoPostCommand.class.getPermittedSubclasses());
        return Arrays.stream(VideoPostState.values()).flatMap(state -> commands.stream().map(command ->
                DynamicTest.dynamicTest(command.getSimpleName() + " in " + state, () -> {
                    assertThat(SPEC).as("expected row for " + state).containsKey(state);
                    assertThat(SAMPLES).as("sample of " + command.getSimpleName()).containsKey(command);
                    Outcome expected = SPEC.get(state).get(command);
                    var result = new AggregateTestFixture<>(VideoPost.class).given(historyTo(state))
                            .when(SAMPLES.get(command));
                    if (expected == null) {
                        assertThat(CODES).as("code of " + command.getSimpleName()).containsKey(command);
                        String current = command == CreateVideoPost.class ? "exists" : state.name();
                        result.expectNoEvents().expectException(rejection(CODES.get(command), current));
                    } else if (expected instanceof MovesTo moves) {
                        result.expectSuccessfulHandlerExecution()
                                .expectState(post -> assertThat(post.state()).isEqualTo(moves.state()));
                    } else {
                        result.expectSuccessfulHandlerExecution().expectNoEvents();
                    }
                })));
    }

    @Test
    void anArchivedRoomsPostIsLiveRecordedAndProcessedAtOnceWithTheRoomsAllowlist() {
        fixture.givenNoPriorActivity()
                .when(archivePost())
                .expectEvents(new ArchivePostCreated(POST, PROCESSED, APP, MEMBER, "alice",
                        VideoPostType.LIVE_RECORDED, ROOM_DETAILS, CreatorType.APP, APP, ROOM, Set.of(300L),
                        RECORDING, VOD))
                .expectState(post -> {
                    assertThat(post.state()).isEqualTo(PROCESSED);
                    assertThat(post.allowlist()).containsExactly(300L);
                });
    }

    @Test
    void anArchivePostIsNotMadeAgainAfterItWasDeleted() {
        fixture.given(new ArchivePostCreated(POST, PROCESSED, APP, MEMBER, "alice", VideoPostType.LIVE_RECORDED,
                        ROOM_DETAILS, CreatorType.APP, APP, ROOM, Set.of(300L), RECORDING, VOD),
                        new VideoPostDeleted(POST, PROCESSED, APP))
                .when(archivePost())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anArchivedRoomsPostCannotBeCancelledOrRetried() {
        fixture.given(new ArchivePostCreated(POST, PROCESSED, APP, MEMBER, "alice", VideoPostType.LIVE_RECORDED,
                        ROOM_DETAILS, CreatorType.APP, APP, ROOM, Set.of(300L), RECORDING, VOD))
                .when(new CancelProcessing(POST, APP, null))
                .expectNoEvents()
                .expectException(rejection("VIDEO_POST_STATE_NOT_QUEUED_OR_PROCESSING", "PROCESSED"));
    }

    @Test
    void aNewPostIsCreatedPublicByDefaultWithDistinctTags() {
        fixture.givenNoPriorActivity()
                .when(create(new VideoPostDetails("Clip", null, null, null, null, List.of("a", "b", "a"))))
                .expectEvents(new VideoPostCreated(POST, CREATED, APP, MEMBER, "alice", VideoPostType.PRE_RECORDED,
                        new VideoPostDetails("Clip", null, AccessLevel.PUBLIC, null, null, List.of("a", "b")),
                        CreatorType.APP, APP), chosen(PROFILES));
    }

    @Test
    void profilesChangeWhileTheSourceIsNotUploadedAndTheUploadCarriesThem() {
        ChosenProfiles withPreview = new ChosenProfiles(SMALL_VIDEO.chosen(), PREVIEW, null);
        fixture.given(historyTo(CREATED))
                .when(new UpdateVideoPost(POST, APP, null, VideoPostDetails.EMPTY, Set.of(), withPreview,
                        Set.of(TranscodingProfileType.VIDEO, TranscodingProfileType.PREVIEW,
                                TranscodingProfileType.THUMBNAIL)))
                .expectEvents(chosen(withPreview));
        fixture.given(historyTo(CREATED)).andGiven(chosen(withPreview))
                .when(new CompleteSourceUpload(POST, APP, null, listed(1, 2, 3)))
                .expectEvents(new SourceUploaded(POST, UPLOADED, UPLOAD, SOURCE, listed(1, 2, 3), withPreview));
    }

    @Test
    void onlyTheNamedProfileChanges() {
        fixture.given(historyTo(FAILED_UPLOAD))
                .when(new UpdateVideoPost(POST, APP, null, VideoPostDetails.EMPTY, Set.of(),
                        new ChosenProfiles(null, PREVIEW, null), Set.of(TranscodingProfileType.PREVIEW)))
                .expectEvents(new VideoPostProfilesChosen(POST, FAILED_UPLOAD, new ChosenProfiles(
                        DEFAULT_VIDEO.chosen(), PREVIEW, DEFAULT_THUMBNAIL.chosen())));
    }

    @TestFactory
    Stream<DynamicTest> profilesAreLockedOnceTheUploadCompleted() {
        return Stream.of(UPLOADED, QUEUED, PROCESSING, PROCESSED, FAILED_QUEUING, FAILED_PROCESSING).map(state ->
                DynamicTest.dynamicTest("in " + state, () -> new AggregateTestFixture<>(VideoPost.class)
                        .given(historyTo(state))
                        // the title would change too: nothing of a refused update is recorded
                        .when(new UpdateVideoPost(POST, APP, null, new VideoPostDetails("New", null, null, null,
                                null, null), Set.of(VideoPostField.TITLE), new ChosenProfiles(null, null, null),
                                Set.of(TranscodingProfileType.THUMBNAIL)))
                        .expectNoEvents()
                        .expectException(rejection("VIDEO_POST_STATE_NOT_CREATED_OR_FAILED_UPLOAD", state.name()))));
    }

    @Test
    void namingTheProfilesAPostHasIsNoChangeAfterTheUpload() {
        fixture.given(historyTo(PROCESSED))
                .when(new UpdateVideoPost(POST, APP, null, VideoPostDetails.EMPTY, Set.of(), PROFILES,
                        Set.of(TranscodingProfileType.VIDEO, TranscodingProfileType.THUMBNAIL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void tooManyTagsAreRefused() {
        List<String> tags = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
        fixture.givenNoPriorActivity()
                .when(create(new VideoPostDetails("Clip", null, null, null, null, tags)))
                .expectException(rejection("VIDEO_POST_TAG_COUNT_UPPER_LIMIT_EXCEEDED", "20"));
    }

    @Test
    void aPostOfAnotherAppIsNotFound() {
        fixture.given(historyTo(PROCESSED))
                .when(new InspectVideoPost(POST, APP + 1, null))
                .expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void anotherMembersPostIsNotFoundOnTheMemberApi() {
        fixture.given(historyTo(CREATED))
                .when(new UpdateVideoPost(POST, APP, MEMBER + 1, DETAILS, Set.of(VideoPostField.TITLE), null, Set.of()))
                .expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void aDeletedPostIsNotFound() {
        fixture.given(historyTo(PROCESSING)).andGiven(new VideoPostDeleted(POST, PROCESSING, APP))
                .when(new ReportProcessingProgress(POST, 50, 25, 5L))
                .expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void updateChangesOnlyTheListedFields() {
        fixture.given(created())
                .when(new UpdateVideoPost(POST, APP, null,
                        new VideoPostDetails("ignored", null, AccessLevel.RESTRICTED, null, null, List.of("x")),
                        Set.of(VideoPostField.ACCESS_LEVEL, VideoPostField.TAGS), null, Set.of()))
                .expectEvents(new VideoPostUpdated(POST, CREATED, new VideoPostDetails("Clip", "A clip",
                        AccessLevel.RESTRICTED, null, "music", List.of("x"))));
    }

    @Test
    void theAccessLevelCannotBeCleared() {
        fixture.given(created())
                .when(new UpdateVideoPost(POST, APP, null, VideoPostDetails.EMPTY, Set.of(VideoPostField.ACCESS_LEVEL),
                        null, Set.of()))
                .expectException(rejection("EMPTY_VIDEO_POST_ACCESS_LEVEL", "accessLevel"));
    }

    @Test
    void allowingAMemberTwiceRecordsItOnce() {
        fixture.given(created(), new MemberAllowedOnVideoPost(POST, CREATED, APP, 300, "bob"))
                .when(new AllowMemberOnVideoPost(POST, APP, 300, "bob"))
                .expectNoEvents()
                .expectState(post -> assertThat(post.allowlist()).containsExactly(300L));
    }

    @Test
    void completingWithAPartMissingIsRefusedAndTheUploadCanResume() {
        fixture.given(partlyUploaded())
                .when(new CompleteSourceUpload(POST, APP, null, listed(1, 2, 3)))
                .expectNoEvents()
                .expectException(rejection("VIDEO_POST_UPLOAD_PART_MISSING", "[3]"));
        fixture.given(partlyUploaded()).andGiven(stored(3))
                .when(new CompleteSourceUpload(POST, APP, null, listed(1, 2, 3)))
                .expectEvents(uploaded());
    }

    @Test
    void completingWithoutListingEveryPartIsRefused() {
        fixture.given(historyTo(CREATED))
                .when(new CompleteSourceUpload(POST, APP, null, listed(1, 3)))
                .expectException(rejection("VIDEO_POST_UPLOAD_PART_MISSING", "[2]"));
    }

    @Test
    void completingWithAnotherETagIsRefused() {
        fixture.given(historyTo(CREATED))
                .when(new CompleteSourceUpload(POST, APP, null, List.of(new UploadedPart(1, "e1"),
                        new UploadedPart(2, "other"), new UploadedPart(3, "\"e3\""))))
                .expectException(rejection("VIDEO_POST_UPLOAD_PART_ETAG_MISMATCH", "[2]"));
    }

    @Test
    void completingWithPartsThatDoNotAddUpIsRefused() {
        fixture.given(partlyUploaded())
                .andGiven(new SourcePartStored(POST, CREATED, UPLOAD, 3, 99, "e3"))
                .when(new CompleteSourceUpload(POST, APP, null, listed(1, 2, 3)))
                .expectException(rejection("VIDEO_POST_UPLOAD_SIZE_MISMATCH", "299"));
    }

    @Test
    void completingBeforeAskingForUrlsIsRefused() {
        fixture.given(created())
                .when(new CompleteSourceUpload(POST, APP, null, listed(1)))
                .expectException(rejection("VIDEO_POST_UPLOAD_NOT_REQUESTED", "requested"));
    }

    @Test
    void aPartStoredAgainReplacesTheEarlierOneAndTheSameBytesRecordNothing() {
        fixture.given(historyTo(CREATED))
                .when(new RecordSourcePart(POST, UPLOAD, 2, 100, "e2"))
                .expectNoEvents();
        fixture.given(historyTo(CREATED))
                .when(new RecordSourcePart(POST, UPLOAD, 2, 100, "e2b"))
                .expectEvents(new SourcePartStored(POST, CREATED, UPLOAD, 2, 100, "e2b"));
    }

    @Test
    void aPartOfAnEarlierUploadIsRefused() {
        fixture.given(historyTo(CREATED))
                .when(new RecordSourcePart(POST, "upload-0", 1, 100, "e1"))
                .expectException(rejection("VIDEO_POST_UPLOAD_NOT_CURRENT", "upload-0"));
    }

    @Test
    void aPartNumberBeyondTheRequestIsRefused() {
        fixture.given(historyTo(CREATED))
                .when(new RecordSourcePart(POST, UPLOAD, 4, 100, "e4"))
                .expectException(rejection("VIDEO_POST_UPLOAD_PART_NUMBER_OUT_OF_RANGE", "4"));
    }

    @Test
    void aNewUploadRequestForgetsTheStoredParts() {
        fixture.given(historyTo(CREATED))
                .andGiven(new SourceUploadRequested(POST, CREATED, "upload-2", SOURCE, 3))
                .when(new CompleteSourceUpload(POST, APP, null, listed(1, 2, 3)))
                .expectException(rejection("VIDEO_POST_UPLOAD_PART_MISSING", "[1, 2, 3]"));
    }

    @Test
    void aFailedUploadStartsOverWithNewUrls() {
        fixture.given(historyTo(FAILED_UPLOAD))
                .when(new RequestSourceUpload(POST, APP, null, "upload-2", SOURCE, 1))
                .expectEvents(new SourceUploadRequested(POST, CREATED, "upload-2", SOURCE, 1));
    }

    @Test
    void progressOutsideZeroToHundredIsRefused() {
        fixture.given(historyTo(PROCESSING))
                .when(new ReportProcessingProgress(POST, 101, 30, 0L))
                .expectException(rejection("INVALID_PROCESSING_PROGRESS", "percent"));
    }

    @Test
    void progressIsRecorded() {
        fixture.given(historyTo(PROCESSING))
                .when(new ReportProcessingProgress(POST, 42.5, 30.0, 12L))
                .expectEvents(new ProcessingProgressed(POST, PROCESSING, 42.5, 30.0, 12L));
    }

    @Test
    void cancellingFailsTheJobWithReasonCancelled() {
        fixture.given(historyTo(QUEUED))
                .when(new CancelProcessing(POST, APP, null))
                .expectEvents(new ProcessingFailed(POST, FAILED_PROCESSING, "CANCELLED"));
    }

    @Test
    void aWorkerRestartStartsAnotherAttempt() {
        fixture.given(historyTo(PROCESSING))
                .when(new StartProcessing(POST, "worker-2", 2))
                .expectEvents(new ProcessingStarted(POST, PROCESSING, "worker-2", 2));
    }

    @Test
    void aRetryIsRecordedAndACancelledJobRunsAgain() {
        fixture.given(historyTo(QUEUED)).andGiven(new ProcessingFailed(POST, FAILED_PROCESSING, "CANCELLED"))
                .when(new RetryTranscoding(POST, APP, null))
                .expectEvents(new TranscodingRetryRequested(POST, FAILED_PROCESSING, PROFILES));
        fixture.given(historyTo(FAILED_PROCESSING))
                .andGiven(new TranscodingRetryRequested(POST, FAILED_PROCESSING, PROFILES))
                .when(new StartProcessing(POST, "worker-1", 2))
                .expectEvents(new ProcessingStarted(POST, PROCESSING, "worker-1", 2));
    }

    @Test
    void aProcessedPostNeedsOutputs() {
        fixture.given(historyTo(PROCESSING))
                .when(new CompleteProcessing(POST, List.of(), List.of()))
                .expectException(rejection("EMPTY_PROCESSED_OUTPUTS", "outputs"));
    }

    private static CreateVideoPost create(VideoPostDetails details) {
        return new CreateVideoPost(POST, APP, MEMBER, "alice", VideoPostType.PRE_RECORDED, details, CreatorType.APP,
                APP, PROFILES);
    }

    private static VideoPostCreated created() {
        return new VideoPostCreated(POST, CREATED, APP, MEMBER, "alice", VideoPostType.PRE_RECORDED, DETAILS,
                CreatorType.APP, APP);
    }

    /** An upload of three parts with parts 1 and 2 stored. */
    private static List<Object> partlyUploaded() {
        return List.of(created(), chosen(PROFILES), requested(), stored(1), stored(2));
    }

    private static VideoPostProfilesChosen chosen(ChosenProfiles profiles) {
        return new VideoPostProfilesChosen(POST, CREATED, profiles);
    }

    private static SourceUploadRequested requested() {
        return new SourceUploadRequested(POST, CREATED, UPLOAD, SOURCE, 3);
    }

    private static SourcePartStored stored(int part) {
        return new SourcePartStored(POST, CREATED, UPLOAD, part, 100, "e" + part);
    }

    private static SourceUploaded uploaded() {
        return new SourceUploaded(POST, UPLOADED, UPLOAD, SOURCE, listed(1, 2, 3), PROFILES);
    }

    private static TranscodingQueued queued() {
        return new TranscodingQueued(POST, QUEUED, PROBE);
    }

    private static ProcessingStarted started(int attempt) {
        return new ProcessingStarted(POST, PROCESSING, "worker-1", attempt);
    }

    private static List<UploadedPart> listed(int... parts) {
        return Arrays.stream(parts).mapToObj(n -> new UploadedPart(n, "e" + n)).toList();
    }
}
