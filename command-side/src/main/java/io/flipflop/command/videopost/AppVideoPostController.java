package io.flipflop.command.videopost;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.videopost.AssetUploadRequest;
import io.flipflop.api.videopost.CreateVideoPostRequest;
import io.flipflop.api.videopost.UploadUrl;
import io.flipflop.api.videopost.UploadUrlsRequest;
import io.flipflop.api.videopost.UploadedPart;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostView;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.patch.PatchBody;
import io.flipflop.command.transcoding.TranscodingProfileDirectory;
import io.flipflop.platform.security.ApiSecurityDocumentation;
import io.flipflop.platform.security.AuthenticatedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * FlipFlop App API video post writes (reference §10), called by the app server. A post of another app is not found
 * (404). Answers carry the post as it is after the write. Reads are the query side's.
 */
@RestController
@RequestMapping("/v2/apps/me/video-posts")
@Tag(name = "App API: video posts",
        description = "Create, update, delete posts; upload their source, thumbnail and preview; cancel "
                + "transcoding; edit allowlists")
@SecurityRequirement(name = ApiSecurityDocumentation.APP_BASIC)
public class AppVideoPostController {

    private final VideoPostService posts;
    private final Owners owners;
    private final TranscodingProfileDirectory profiles;

    public AppVideoPostController(VideoPostService posts, Owners owners, TranscodingProfileDirectory profiles) {
        this.posts = posts;
        this.owners = owners;
        this.profiles = profiles;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createVideoPost", summary = "Create a video post",
            description = "A CREATED post owned by the member appUserId, PUBLIC unless accessLevel says otherwise. "
                    + "category and tags are our additions. videoProfileId, previewProfileId, thumbnailProfileId name "
                    + "transcoding profiles (SYSTEM ones or the app's own, ACTIVE, of that type); omitted: the app's "
                    + "default of that type, else the default VIDEO profile (1), no preview, the default THUMBNAIL "
                    + "profile (3). 201 with the "
                    + "VideoPost. Errors: 400 TRANSCODING_PROFILE_TYPE_MISMATCH, "
                    + "EMPTY_VIDEO_POST_APP_USER_ID, CUSTOM_DATA_* limits, VIDEO_POST_CATEGORY_SIZE_UPPER_LIMIT_EXCEEDED, "
                    + "VIDEO_POST_TAG_COUNT_UPPER_LIMIT_EXCEEDED, INVALID_VIDEO_POST_TAG; 404 MEMBER_NOT_FOUND, "
                    + "TRANSCODING_PROFILE_NOT_FOUND (missing, deleted or another app's profile).")
    public Mono<VideoPostView> create(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @RequestBody(required = false) CreateVideoPostRequest request) {
        return posts.create(app.appId(), request == null ? CreateVideoPostRequest.EMPTY : request)
                .flatMap(post -> view(post, app));
    }

    @PatchMapping("/{videoPostId}")
    @Operation(operationId = "updateVideoPost", summary = "Update a video post",
            description = "Sets the fields present in the body (title, description, accessLevel, customData, "
                    + "category, tags); null clears a field, except accessLevel. Allowed in every state. "
                    + "videoProfileId, previewProfileId, thumbnailProfileId change the profiles (null: the app's "
                    + "default VIDEO profile, no preview, no thumbnail) while the post is CREATED or FAILED_UPLOAD; once the "
                    + "upload completed the job is queued with them. 200 with the VideoPost. Errors: 404 "
                    + "VIDEO_POST_NOT_FOUND, TRANSCODING_PROFILE_NOT_FOUND; 400 "
                    + "VIDEO_POST_STATE_NOT_CREATED_OR_FAILED_UPLOAD (a profile change after the upload), "
                    + "TRANSCODING_PROFILE_TYPE_MISMATCH, EMPTY_VIDEO_POST_ACCESS_LEVEL, INVALID_HTTP_MESSAGE_BODY and "
                    + "the create limits.")
    public Mono<VideoPostView> update(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @PathVariable long videoPostId, @RequestBody(required = false) JsonNode body) {
        return Mono.fromCallable(() -> VideoPostRequests.patch(body))
                .flatMap(patch -> posts.update(app.appId(), videoPostId, patch))
                .flatMap(post -> view(post, app));
    }

    @DeleteMapping("/{videoPostId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteVideoPost", summary = "Delete a video post",
            description = "In any state; a running job is stopped and the post's files are removed. 204. Errors: "
                    + "404 VIDEO_POST_NOT_FOUND.")
    public Mono<Void> delete(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                             @PathVariable long videoPostId) {
        return posts.delete(app.appId(), videoPostId);
    }

    @PostMapping("/{videoPostId}/src-file/request-upload-urls")
    @Operation(operationId = "requestVideoPostUploadUrls", summary = "Request source upload URLs",
            description = "Body {filename, size, contentType, multipartCount?}. Starts a new upload (parts of an "
                    + "earlier one no longer count) and answers an array of {partNumber, uploadUrl, uplaodUrl}: PUT "
                    + "part i (bytes i·⌊size/n⌋ on, the last part to the end) to its URL and keep the ETag it answers. "
                    + "URLs are signed and expire. Allowed in CREATED and FAILED_UPLOAD (which starts over). Errors: "
                    + "400 EMPTY_VIDEO_POST_FILENAME, INVALID_VIDEO_POST_FILE_SIZE, "
                    + "VIDEO_POST_FILE_SIZE_UPPER_LIMIT_EXCEEDED, UNSUPPORTED_VIDEO_POST_CONTENT_TYPE (not video/*), "
                    + "INVALID_VIDEO_POST_MULTIPART_COUNT, VIDEO_POST_STATE_NOT_CREATED_OR_FAILED_UPLOAD; 404 "
                    + "VIDEO_POST_NOT_FOUND.")
    public Mono<List<UploadUrl>> requestUploadUrls(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoPostId,
            @RequestBody(required = false) UploadUrlsRequest request, ServerHttpRequest http) {
        if (request == null) {
            return Mono.error(PatchBody.invalid("The body must name filename, size and contentType"));
        }
        return posts.requestUploadUrls(app.appId(), videoPostId, request, http.getURI());
    }

    @PostMapping("/{videoPostId}/src-file/complete-upload")
    @Operation(operationId = "completeVideoPostUploads", summary = "Complete the source upload",
            description = "Body: a JSON array [{partNumber, eTag}] naming every part once with the ETag its PUT "
                    + "answered. CREATED → UPLOADED; the media worker then checks the source with ffprobe (QUEUED, "
                    + "or FAILED_UPLOAD with processing.failureReason). A refusal leaves the post CREATED: upload "
                    + "what is missing and complete again. 200 with the VideoPost. Errors: 400 "
                    + "VIDEO_POST_UPLOAD_NOT_REQUESTED, VIDEO_POST_UPLOAD_PART_MISSING, "
                    + "VIDEO_POST_UPLOAD_PART_ETAG_MISMATCH, VIDEO_POST_UPLOAD_SIZE_MISMATCH, "
                    + "INVALID_VIDEO_POST_UPLOAD_PARTS, VIDEO_POST_STATE_NOT_CREATED; 404 VIDEO_POST_NOT_FOUND.")
    public Mono<VideoPostView> completeUpload(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoPostId,
            @RequestBody(required = false) List<UploadedPart> parts) {
        return posts.completeUpload(app.appId(), videoPostId, parts == null ? List.of() : parts)
                .flatMap(post -> view(post, app));
    }

    private static final String ASSET_REQUEST = " Body {filename, size, contentType}. Starts a new one-part upload "
            + "(an unfinished earlier one no longer counts) and answers one {partNumber: 1, uploadUrl, uplaodUrl}: "
            + "PUT the whole file to it and keep the ETag it answers. The URL is signed and expires. Allowed in every "
            + "state. The PUT answers 400 INVALID_VIDEO_POST_{ASSET}_FILE when the bytes are not what they claim; the "
            + "media worker re-encodes what it accepts. Errors: 400 EMPTY_VIDEO_POST_FILENAME, "
            + "INVALID_VIDEO_POST_FILE_SIZE, VIDEO_POST_{ASSET}_SIZE_UPPER_LIMIT_EXCEEDED, "
            + "UNSUPPORTED_VIDEO_POST_{ASSET}_CONTENT_TYPE, INVALID_HTTP_MESSAGE_BODY; 404 VIDEO_POST_NOT_FOUND.";
    private static final String ASSET_COMPLETE = " Body {eTag} (or the src-file form [{partNumber: 1, eTag}]). "
            + "The upload becomes the post's file.thumbnail or file.preview, in place of an earlier upload and of "
            + "the generated one, also after a later transcode; completing again records nothing. 200 with the VideoPost. Errors: "
            + "400 VIDEO_POST_{ASSET}_UPLOAD_NOT_REQUESTED, VIDEO_POST_{ASSET}_NOT_UPLOADED (never PUT, or the PUT was "
            + "refused), VIDEO_POST_{ASSET}_UPLOAD_ETAG_MISMATCH, INVALID_HTTP_MESSAGE_BODY; 404 VIDEO_POST_NOT_FOUND.";

    @PostMapping("/{videoPostId}/thumbnail/request-upload-url")
    @Operation(operationId = "requestVideoPostThumbnailUploadUrl", summary = "Request a thumbnail upload URL",
            description = "Reference §10.8 (paths ours). image/jpeg, image/png or image/webp, at most 10 MB; "
                    + "re-encoded to JPEG (at most 3840 pixels a side)." + ASSET_REQUEST
                    + " {ASSET} is THUMBNAIL in the codes.")
    public Mono<UploadUrl> requestThumbnailUploadUrl(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoPostId,
            @RequestBody(required = false) AssetUploadRequest request, ServerHttpRequest http) {
        return requestAssetUploadUrl(app, videoPostId, VideoPostAsset.THUMBNAIL, request, http);
    }

    @PostMapping("/{videoPostId}/thumbnail/complete-upload")
    @Operation(operationId = "completeVideoPostThumbnailUpload", summary = "Complete the thumbnail upload",
            description = "Reference §10.8 (paths ours)." + ASSET_COMPLETE + " {ASSET} is THUMBNAIL in the codes.")
    public Mono<VideoPostView> completeThumbnailUpload(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoPostId,
            @RequestBody(required = false) JsonNode body) {
        return completeAssetUpload(app, videoPostId, VideoPostAsset.THUMBNAIL, body);
    }

    @PostMapping("/{videoPostId}/preview/request-upload-url")
    @Operation(operationId = "requestVideoPostPreviewUploadUrl", summary = "Request a preview upload URL",
            description = "Reference §10.8 (paths ours). video/*, at most 100 MB; re-encoded to H.264 MP4 without "
                    + "audio, its first 30 s, at most 1280×720." + ASSET_REQUEST + " {ASSET} is PREVIEW in the codes.")
    public Mono<UploadUrl> requestPreviewUploadUrl(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoPostId,
            @RequestBody(required = false) AssetUploadRequest request, ServerHttpRequest http) {
        return requestAssetUploadUrl(app, videoPostId, VideoPostAsset.PREVIEW, request, http);
    }

    @PostMapping("/{videoPostId}/preview/complete-upload")
    @Operation(operationId = "completeVideoPostPreviewUpload", summary = "Complete the preview upload",
            description = "Reference §10.8 (paths ours)." + ASSET_COMPLETE + " {ASSET} is PREVIEW in the codes.")
    public Mono<VideoPostView> completePreviewUpload(
            @Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app, @PathVariable long videoPostId,
            @RequestBody(required = false) JsonNode body) {
        return completeAssetUpload(app, videoPostId, VideoPostAsset.PREVIEW, body);
    }

    private Mono<UploadUrl> requestAssetUploadUrl(AuthenticatedApp app, long videoPostId, VideoPostAsset asset,
                                                  AssetUploadRequest request, ServerHttpRequest http) {
        if (request == null) {
            return Mono.error(PatchBody.invalid("The body must name filename, size and contentType"));
        }
        return posts.requestAssetUploadUrl(app.appId(), videoPostId, asset, request, http.getURI());
    }

    private Mono<VideoPostView> completeAssetUpload(AuthenticatedApp app, long videoPostId, VideoPostAsset asset,
                                                    JsonNode body) {
        return Mono.fromCallable(() -> VideoPostRequests.assetETag(body))
                .flatMap(eTag -> posts.completeAssetUpload(app.appId(), videoPostId, asset, eTag))
                .flatMap(post -> view(post, app));
    }

    @PostMapping("/{videoPostId}/transcoding/cancel")
    @Operation(operationId = "cancelVideoPostTranscoding", summary = "Cancel transcoding (our addition)",
            description = "QUEUED or PROCESSING → FAILED_PROCESSING with failureReason CANCELLED; a running ffmpeg "
                    + "is killed and its output removed. 200 with the VideoPost. Errors: 400 "
                    + "VIDEO_POST_STATE_NOT_QUEUED_OR_PROCESSING; 404 VIDEO_POST_NOT_FOUND.")
    public Mono<VideoPostView> cancel(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                      @PathVariable long videoPostId) {
        return posts.cancel(app.appId(), videoPostId).flatMap(post -> view(post, app));
    }

    @PostMapping("/{videoPostId}/transcoding/retry")
    @Operation(operationId = "retryVideoPostTranscoding", summary = "Retry transcoding (our addition)",
            description = "FAILED_QUEUING: the job is queued again (→ QUEUED). FAILED_PROCESSING (also after a "
                    + "cancel): a worker takes the job again (→ PROCESSING, a new attempt). 200 with the VideoPost, "
                    + "still in the failed state; the move follows. Errors: 400 "
                    + "VIDEO_POST_STATE_NOT_FAILED_QUEUING_OR_FAILED_PROCESSING; 404 VIDEO_POST_NOT_FOUND.")
    public Mono<VideoPostView> retry(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                                     @PathVariable long videoPostId) {
        return posts.retry(app.appId(), videoPostId).flatMap(post -> view(post, app));
    }

    @PutMapping("/{videoPostId}/allowlist/{appUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "allowMemberOnVideoPost", summary = "Put a member on the post's allowlist",
            description = "The allowlist decides who views a RESTRICTED post, as for rooms. 204, also when the "
                    + "member already was on it. Errors: 404 VIDEO_POST_NOT_FOUND, MEMBER_NOT_FOUND.")
    public Mono<Void> allow(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                            @PathVariable long videoPostId, @PathVariable String appUserId) {
        return posts.allow(app.appId(), videoPostId, appUserId);
    }

    @DeleteMapping("/{videoPostId}/allowlist/{appUserId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "disallowMemberOnVideoPost", summary = "Take a member off the post's allowlist",
            description = "204, also when the member was not on it. Errors: 404 VIDEO_POST_NOT_FOUND, "
                    + "MEMBER_NOT_FOUND.")
    public Mono<Void> disallow(@Parameter(hidden = true) @AuthenticationPrincipal AuthenticatedApp app,
                               @PathVariable long videoPostId, @PathVariable String appUserId) {
        return posts.disallow(app.appId(), videoPostId, appUserId);
    }

    private Mono<VideoPostView> view(VideoPostSnapshot post, AuthenticatedApp app) {
        return Mono.fromCallable(() -> VideoPostViews.view(post, app.appRef(),
                        owners.member(post.memberId()).orElse(null), profiles::state))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
