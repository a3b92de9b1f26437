package io.flipflop.query.videopost;

import static io.flipflop.query.readmodel.ReadModelWrites.instant;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.videopost.FileView;
import io.flipflop.api.videopost.ProcessedSummary;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.api.videopost.TranscodingProfileRefs;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostFiles;
import io.flipflop.api.videopost.VideoPostProcessing;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videopost.VideoPostView;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomStats;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The {@value #COLLECTION} read model: one document per post, keyed by its id. Shape: {@code {_id: videoPostId,
 * appId, memberId, appUserId, type, videoRoom{id, videoRoomState, type, title} (of a post made of a room's archive,
 * as the room was then), title, description, accessLevel, customData, category, tags, videoPostState,
 * allowlist, creatorType, creatorId, source{filename, size, contentType}, probe{durationSeconds, width, height,
 * hasAudio, formatName}, percent, fps, etaSeconds, attempt, failureReason, renditions[{width, height,
 * videoBitrate}], outputs[{format, size, url}], assets{THUMBNAIL, PREVIEW: {url, contentType, size,
 * originalFileName}} (uploaded ones), profiles{video, preview, thumbnail} (each {id, type, name, state} or null;
 * null as a whole for an archive's post), uploadedAt, uploadFailedAt, state, createdAt, lastModifiedAt,
 * version}}. {@code state} becomes DELETED when the post is deleted. The media worker's playback origin reads it
 * too (appId, memberId, accessLevel, allowlist, videoPostState, state).
 */
public final class VideoPostDocuments {

    public static final String COLLECTION = "video_posts";

    static final String APP_ID = "appId";
    static final String MEMBER_ID = "memberId";
    static final String APP_USER_ID = "appUserId";
    static final String TYPE = "type";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String ACCESS_LEVEL = "accessLevel";
    static final String CUSTOM_DATA = "customData";
    static final String CATEGORY = "category";
    static final String TAGS = "tags";
    static final String VIDEO_POST_STATE = "videoPostState";
    static final String ALLOWLIST = "allowlist";
    static final String CREATOR_TYPE = "creatorType";
    static final String CREATOR_ID = "creatorId";
    static final String VIDEO_ROOM = "videoRoom";
    static final String SOURCE = "source";
    static final String PROBE = "probe";
    static final String PERCENT = "percent";
    static final String FPS = "fps";
    static final String ETA_SECONDS = "etaSeconds";
    static final String ATTEMPT = "attempt";
    static final String FAILURE_REASON = "failureReason";
    static final String RENDITIONS = "renditions";
    static final String OUTPUTS = "outputs";
    static final String ASSETS = "assets";
    static final String PROFILES = "profiles";
    /** The fields of {@code profiles}, one per kind of output a post chooses a profile for. */
    static final List<String> PROFILE_SLOTS = List.of("video", "preview", "thumbnail");
    static final String UPLOADED_AT = "uploadedAt";
    static final String UPLOAD_FAILED_AT = "uploadFailedAt";
    static final String STATE = "state";
    static final String CREATED_AT = "createdAt";
    static final String LAST_MODIFIED_AT = "lastModifiedAt";

    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";
    private static final String THUMBNAIL_FORMAT = "JPEG";
    private static final String PREVIEW_FORMAT = "PREVIEW";
    private static final Set<String> PICTURES = Set.of(THUMBNAIL_FORMAT, PREVIEW_FORMAT);

    private VideoPostDocuments() {
    }

    static Set<Long> allowlist(Document post) {
        Set<Long> allowlist = new HashSet<>();
        post.getList(ALLOWLIST, Number.class, List.of()).forEach(id -> allowlist.add(id.longValue()));
        return allowlist;
    }

    /** As the command side answers a post (reference §13.4); a file's id is the post's. */
    static VideoPostView toView(Document post, AppRef app, MemberRef member) {
        long id = post.getLong("_id");
        Document source = post.get(SOURCE, Document.class);
        FileView src = source == null ? null : FileView.active(id, "VIDEO_POST_SRC",
                source.getString("contentType"), source.getLong("size"), source.getString("filename"), null);
        List<Document> outputs = post.getList(OUTPUTS, Document.class, List.of());
        Document assets = post.get(ASSETS, new Document());
        FileView thumbnail = shown(id, VideoPostAsset.THUMBNAIL, assets,
                file(id, outputs, THUMBNAIL_FORMAT, "VIDEO_POST_THUMBNAIL", "image/jpeg"));
        FileView preview = shown(id, VideoPostAsset.PREVIEW, assets,
                file(id, outputs, PREVIEW_FORMAT, "VIDEO_POST_PREVIEW", "video/mp4"));
        List<ProcessedSummary> summaries = outputs.stream()
                .filter(o -> !PICTURES.contains(o.getString("format")))
                .map(o -> new ProcessedSummary(o.getString("format"), o.getLong("size"), o.getString("url"), null,
                        List.of(), List.of()))
                .toList();
        Document probe = post.get(PROBE, Document.class);
        List<Rendition> renditions = post.getList(RENDITIONS, Document.class, List.of()).stream()
                .map(r -> new Rendition(r.getInteger("width"), r.getInteger("height"), r.getLong("videoBitrate")))
                .toList();
        return new VideoPostView(id, ACTIVE, VideoPostState.valueOf(post.getString(VIDEO_POST_STATE)),
                VideoPostType.valueOf(post.getString(TYPE)), AccessLevel.valueOf(post.getString(ACCESS_LEVEL)), app,
                member, CreatorType.valueOf(post.getString(CREATOR_TYPE)), post.getLong(CREATOR_ID),
                videoRoom(post.get(VIDEO_ROOM, Document.class)),
                post.getString(TITLE), post.getString(DESCRIPTION), strings(post.get(CUSTOM_DATA, Document.class)),
                post.getString(CATEGORY), post.getList(TAGS, String.class), new VideoRoomStats(allowlist(post).size()),
                profiles(post.get(PROFILES, Document.class)),
                new VideoPostFiles(src, List.of(), summaries, preview, thumbnail),
                new VideoPostProcessing(post.getDouble(PERCENT), post.getDouble(FPS), post.getLong(ETA_SECONDS),
                        post.getInteger(ATTEMPT), post.getString(FAILURE_REASON), probe == null ? null
                        : new SourceProbe(probe.getDouble("durationSeconds"), probe.getInteger("width"),
                                probe.getInteger("height"), probe.getBoolean("hasAudio"),
                                probe.getString("formatName")), renditions),
                instant(post, UPLOADED_AT), instant(post, UPLOAD_FAILED_AT), instant(post, CREATED_AT),
                instant(post, LAST_MODIFIED_AT));
    }

    /** An uploaded thumbnail or preview is shown in place of the generated one (docs/API.md). */
    private static FileView shown(long id, VideoPostAsset kind, Document assets, FileView generated) {
        Document asset = assets.get(kind.name(), Document.class);
        return asset == null ? generated : FileView.active(id, "VIDEO_POST_" + kind.name(),
                asset.getString("contentType"), asset.getLong("size"), asset.getString("originalFileName"),
                asset.getString("url"));
    }

    private static FileView file(long id, List<Document> outputs, String format, String type, String contentType) {
        return outputs.stream().filter(o -> format.equals(o.getString("format"))).findFirst()
                .map(o -> FileView.active(id, type, contentType, o.getLong("size"), null, o.getString("url")))
                .orElse(null);
    }

    /** {@code {video, preview, thumbnail}}, each {@code {id, state, type, name}} or null; none for an archive's post. */
    private static TranscodingProfileRefs profiles(Document profiles) {
        if (profiles == null) {
            return new TranscodingProfileRefs(null, null, null);
        }
        List<TranscodingProfileRefs.Ref> refs = PROFILE_SLOTS.stream().map(slot -> {
            Document ref = profiles.get(slot, Document.class);
            return ref == null ? null : new TranscodingProfileRefs.Ref(ref.getLong("id"), ref.getString("state"),
                    TranscodingProfileType.valueOf(ref.getString("type")), ref.getString("name"));
        }).toList();
        return new TranscodingProfileRefs(refs.get(0), refs.get(1), refs.get(2));
    }

    private static VideoRoomRef videoRoom(Document room) {
        return room == null ? null : new VideoRoomRef(room.getLong("id"), ACTIVE,
                VideoRoomState.valueOf(room.getString("videoRoomState")), VideoRoomType.valueOf(room.getString("type")),
                room.getString("title"));
    }

    private static Map<String, String> strings(Document document) {
        if (document == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        document.forEach((key, value) -> map.put(key, value == null ? null : value.toString()));
        return map;
    }
}
