package io.flipflop.command.videopost;

import static io.flipflop.api.videopost.VideoPostAsset.PREVIEW;
import static io.flipflop.api.videopost.VideoPostAsset.THUMBNAIL;
import static io.flipflop.api.videopost.VideoPostState.CREATED;
import static io.flipflop.api.videopost.VideoPostState.PROCESSED;
import static io.flipflop.command.testsupport.Failures.notFound;
import static io.flipflop.command.testsupport.Failures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.videopost.AssetUploadRequested;
import io.flipflop.api.videopost.AssetUploadStored;
import io.flipflop.api.videopost.AssetUploaded;
import io.flipflop.api.videopost.CompleteAssetUpload;
import io.flipflop.api.videopost.FileView;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.RecordAssetUpload;
import io.flipflop.api.videopost.RequestAssetUpload;
import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostDeleted;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostProcessed;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Thumbnail and preview uploads of a post (reference §10.8): request, the worker's record, completion. */
class VideoPostAssetTest {

    private static final long POST = 910;
    private static final long APP = 7;
    private static final SourceFile PNG = new SourceFile("cover.png", 5000, "image/png");
    private static final SourceFile CLIP = new SourceFile("teaser.mov", 2_000_000, "video/quicktime");
    private static final UploadedAsset COVER = new UploadedAsset("/vod/910/images/thumbnail.jpg", "image/jpeg", 3000,
            "cover.png");

    private AggregateTestFixture<VideoPost> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VideoPost.class);
    }

    @Test
    void askingForAThumbnailUrlRecordsTheDeclaredFile() {
        fixture.given(created())
                .when(new RequestAssetUpload(POST, APP, null, THUMBNAIL, "t-1", PNG))
                .expectEvents(new AssetUploadRequested(POST, CREATED, THUMBNAIL, "t-1", PNG));
    }

    @Test
    void aPreviewMayBeAnyVideoTypeAndIsAllowedInAnyStateButDeleted() {
        fixture.given(created(), processed(List.of()))
                .when(new RequestAssetUpload(POST, APP, null, PREVIEW, "p-1", CLIP))
                .expectEvents(new AssetUploadRequested(POST, PROCESSED, PREVIEW, "p-1", CLIP));
        fixture.given(created(), new VideoPostDeleted(POST, CREATED, APP))
                .when(new RequestAssetUpload(POST, APP, null, PREVIEW, "p-1", CLIP))
                .expectNoEvents().expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void anotherAppsPostIsNotFoundForEveryAssetCommand() {
        fixture.given(created()).when(new RequestAssetUpload(POST, 8, null, THUMBNAIL, "t-1", PNG))
                .expectNoEvents().expectException(notFound("VIDEO_POST_NOT_FOUND"));
        fixture.given(created(), requested(), stored("e1"))
                .when(new CompleteAssetUpload(POST, 8, null, THUMBNAIL, "e1"))
                .expectNoEvents().expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void aBadDeclarationIsRefusedWithItsCode() {
        refused(THUMBNAIL, new SourceFile(" ", 10, "image/png"), "EMPTY_VIDEO_POST_FILENAME", "filename");
        refused(THUMBNAIL, new SourceFile("a.png", 0, "image/png"), "INVALID_VIDEO_POST_FILE_SIZE", "positive");
        refused(THUMBNAIL, new SourceFile("a.png", (10L << 20) + 1, "image/png"),
                "VIDEO_POST_THUMBNAIL_SIZE_UPPER_LIMIT_EXCEEDED", "10485760");
        refused(PREVIEW, new SourceFile("a.mp4", (100L << 20) + 1, "video/mp4"),
                "VIDEO_POST_PREVIEW_SIZE_UPPER_LIMIT_EXCEEDED", "104857600");
        refused(THUMBNAIL, new SourceFile("a.gif", 10, "image/gif"), "UNSUPPORTED_VIDEO_POST_THUMBNAIL_CONTENT_TYPE",
                "image/gif");
        refused(THUMBNAIL, new SourceFile("a.png", 10, null), "UNSUPPORTED_VIDEO_POST_THUMBNAIL_CONTENT_TYPE",
                "null");
        refused(PREVIEW, new SourceFile("a.png", 10, "image/png"), "UNSUPPORTED_VIDEO_POST_PREVIEW_CONTENT_TYPE",
                "image/png");
    }

    private void refused(VideoPostAsset asset, SourceFile file, String code, String inMessage) {
        fixture.given(created()).when(new RequestAssetUpload(POST, APP, null, asset, "x-1", file))
                .expectNoEvents().expectException(rejection(code, inMessage));
    }

    @Test
    void theWorkersRecordIsKeptOnceAndOnlyForTheCurrentUpload() {
        fixture.given(created(), requested())
                .when(new RecordAssetUpload(POST, THUMBNAIL, "t-1", 5000, "e1", 3000))
                .expectEvents(stored("e1"));
        fixture.given(created(), requested(), stored("e1"))
                .when(new RecordAssetUpload(POST, THUMBNAIL, "t-1", 5000, "e1", 3000))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(created(), requested(), new AssetUploadRequested(POST, CREATED, THUMBNAIL, "t-2", PNG))
                .when(new RecordAssetUpload(POST, THUMBNAIL, "t-1", 5000, "e1", 3000))
                .expectNoEvents().expectException(rejection("VIDEO_POST_THUMBNAIL_UPLOAD_NOT_CURRENT", "t-1"));
        fixture.given(created(), requested())
                .when(new RecordAssetUpload(POST, PREVIEW, "t-1", 5000, "e1", 3000))
                .expectNoEvents().expectException(rejection("VIDEO_POST_PREVIEW_UPLOAD_NOT_CURRENT", "preview"));
    }

    @Test
    void aRecordOfAnotherSizeThanDeclaredOrOfADeletedPostIsRefused() {
        fixture.given(created(), requested())
                .when(new RecordAssetUpload(POST, THUMBNAIL, "t-1", 4999, "e1", 3000))
                .expectNoEvents().expectException(rejection("VIDEO_POST_THUMBNAIL_UPLOAD_SIZE_MISMATCH", "5000"));
        fixture.given(created(), requested(), new VideoPostDeleted(POST, CREATED, APP))
                .when(new RecordAssetUpload(POST, THUMBNAIL, "t-1", 5000, "e1", 3000))
                .expectNoEvents().expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void completingMakesTheUploadThePostsThumbnail() {
        fixture.given(created(), requested(), stored("e1"))
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "\"e1\""))
                .expectEvents(new AssetUploaded(POST, CREATED, THUMBNAIL, "t-1", COVER))
                .expectResultMessagePayloadMatching(thumbnailIs("cover.png", 3000));
        fixture.given(created(), requested(), stored("e1"), new AssetUploaded(POST, CREATED, THUMBNAIL, "t-1", COVER))
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void completingWhatWasNotRequestedStoredOrWithAnotherETagIsRefused() {
        fixture.given(created())
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e1"))
                .expectNoEvents().expectException(rejection("VIDEO_POST_THUMBNAIL_UPLOAD_NOT_REQUESTED", "thumbnail"));
        fixture.given(created(), requested())
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e1"))
                .expectNoEvents().expectException(rejection("VIDEO_POST_THUMBNAIL_NOT_UPLOADED", "refused"));
        fixture.given(created(), requested(), stored("e1"))
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e2"))
                .expectNoEvents().expectException(rejection("VIDEO_POST_THUMBNAIL_UPLOAD_ETAG_MISMATCH", "e2"));
        fixture.given(created(), requested(), stored("e1"))
                .when(new CompleteAssetUpload(POST, APP, null, PREVIEW, "e1"))
                .expectNoEvents().expectException(rejection("VIDEO_POST_PREVIEW_UPLOAD_NOT_REQUESTED", "preview"));
        fixture.given(created(), requested(), stored("e1"), new VideoPostDeleted(POST, CREATED, APP))
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e1"))
                .expectNoEvents().expectException(notFound("VIDEO_POST_NOT_FOUND"));
    }

    @Test
    void aNewUploadKeepsTheShownThumbnailUntilItCompletes() {
        fixture.given(created(), requested(), stored("e1"), new AssetUploaded(POST, CREATED, THUMBNAIL, "t-1", COVER),
                        new AssetUploadRequested(POST, CREATED, THUMBNAIL, "t-2", PNG))
                .when(new RecordAssetUpload(POST, THUMBNAIL, "t-2", 5000, "e2", 2000))
                .expectEvents(new AssetUploadStored(POST, CREATED, THUMBNAIL, "t-2", 5000, "e2", 2000))
                .expectState(post -> assertThat(post.assets()).containsEntry(THUMBNAIL, COVER));
        fixture.given(created(), requested(), stored("e1"), new AssetUploaded(POST, CREATED, THUMBNAIL, "t-1", COVER),
                        new AssetUploadRequested(POST, CREATED, THUMBNAIL, "t-2", PNG))
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e1"))
                .expectNoEvents().expectException(rejection("VIDEO_POST_THUMBNAIL_NOT_UPLOADED", "thumbnail"));
    }

    @Test
    void anUploadedThumbnailIsShownInsteadOfTheOneTranscodingMakesLater() {
        fixture.given(created(), requested(), stored("e1"), new AssetUploaded(POST, CREATED, THUMBNAIL, "t-1", COVER),
                        processed(List.of(new ProcessedOutput("JPEG", 999, "/vod/910/images/thumbnail.jpg"))))
                .when(new CompleteAssetUpload(POST, APP, null, THUMBNAIL, "e1"))
                .expectSuccessfulHandlerExecution().expectNoEvents()
                .expectResultMessagePayloadMatching(thumbnailIs("cover.png", 3000));
    }

    private static CustomMatcher<Object> thumbnailIs(String originalFileName, long size) {
        return new CustomMatcher<>("a post whose thumbnail is " + originalFileName) {
            @Override
            public boolean matches(Object item) {
                FileView thumbnail = VideoPostViews.view((VideoPostSnapshot) item, new AppRef(APP, "ACTIVE", "app"),
                        null, profileId -> "ACTIVE").file().thumbnail();
                return thumbnail != null && originalFileName.equals(thumbnail.originalFileName())
                        && thumbnail.size() == size && "image/jpeg".equals(thumbnail.contentType())
                        && "/vod/910/images/thumbnail.jpg".equals(thumbnail.url());
            }
        };
    }

    private static VideoPostCreated created() {
        return new VideoPostCreated(POST, CREATED, APP, 100, "alice", VideoPostType.PRE_RECORDED,
                new VideoPostDetails("Clip", null, AccessLevel.PUBLIC, null, null, List.of()), CreatorType.APP, APP);
    }

    private static VideoPostProcessed processed(List<ProcessedOutput> outputs) {
        return new VideoPostProcessed(POST, PROCESSED, List.of(), outputs);
    }

    private static AssetUploadRequested requested() {
        return new AssetUploadRequested(POST, CREATED, THUMBNAIL, "t-1", PNG);
    }

    private static AssetUploadStored stored(String eTag) {
        return new AssetUploadStored(POST, CREATED, THUMBNAIL, "t-1", 5000, eTag, 3000);
    }
}
