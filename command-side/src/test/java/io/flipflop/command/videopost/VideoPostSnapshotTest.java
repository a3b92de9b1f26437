package io.flipflop.command.videopost;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.videopost.AssetUploadRequested;
import io.flipflop.api.videopost.AssetUploadStored;
import io.flipflop.api.videopost.AssetUploaded;
import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** A post's snapshot, written by Axon's Jackson serializer, keeps its thumbnail and preview uploads. */
class VideoPostSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build())
            .build();

    @Test
    void uploadedAndPendingPicturesSurviveTheTripThroughASnapshot() {
        Instant at = Instant.parse("2026-11-28T10:00:00Z");
        UploadedAsset cover = new UploadedAsset("/vod/5/images/thumbnail.jpg", "image/jpeg", 300, "cover.png");
        VideoPost post = new VideoPost();
        post.on(new VideoPostCreated(5, VideoPostState.CREATED, 7, 100, "alice", VideoPostType.PRE_RECORDED,
                new VideoPostDetails("t", null, AccessLevel.PUBLIC, null, null, List.of()), CreatorType.APP, 7), at);
        post.on(new AssetUploadRequested(5, VideoPostState.CREATED, VideoPostAsset.THUMBNAIL, "t-1",
                new SourceFile("cover.png", 500, "image/png")), at);
        post.on(new AssetUploadStored(5, VideoPostState.CREATED, VideoPostAsset.THUMBNAIL, "t-1", 500, "e1", 300),
                at);
        post.on(new AssetUploaded(5, VideoPostState.CREATED, VideoPostAsset.THUMBNAIL, "t-1", cover), at);
        post.on(new AssetUploadRequested(5, VideoPostState.CREATED, VideoPostAsset.PREVIEW, "p-1",
                new SourceFile("teaser.mp4", 9000, "video/mp4")), at);

        SerializedObject<String> snapshot = serializer.serialize(post, String.class);
        VideoPost restored = serializer.deserialize(snapshot);

        assertThat(restored.assets()).containsExactlyEntriesOf(Map.of(VideoPostAsset.THUMBNAIL, cover));
        assertThat(snapshot.getData()).contains("\"teaser.mp4\"", "\"completed\":true");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }
}
