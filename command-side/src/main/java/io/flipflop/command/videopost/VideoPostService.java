package io.flipflop.command.videopost;

import static io.flipflop.api.transcoding.TranscodingProfileType.PREVIEW;
import static io.flipflop.api.transcoding.TranscodingProfileType.THUMBNAIL;
import static io.flipflop.api.transcoding.TranscodingProfileType.VIDEO;

import io.flipflop.api.transcoding.ChosenProfile;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.videopost.AllowMemberOnVideoPost;
import io.flipflop.api.videopost.AssetUploadRequest;
import io.flipflop.api.videopost.CancelProcessing;
import io.flipflop.api.videopost.CompleteAssetUpload;
import io.flipflop.api.videopost.CompleteSourceUpload;
import io.flipflop.api.videopost.CreateVideoPost;
import io.flipflop.api.videopost.CreateVideoPostRequest;
import io.flipflop.api.videopost.DeleteVideoPost;
import io.flipflop.api.videopost.DisallowMemberOnVideoPost;
import io.flipflop.api.videopost.InspectVideoPost;
import io.flipflop.api.videopost.RequestAssetUpload;
import io.flipflop.api.videopost.RequestSourceUpload;
import io.flipflop.api.videopost.RetryTranscoding;
import io.flipflop.api.videopost.SourceFile;
import io.flipflop.api.videopost.UpdateVideoPost;
import io.flipflop.api.videopost.UploadUrl;
import io.flipflop.api.videopost.UploadUrlsRequest;
import io.flipflop.api.videopost.UploadedPart;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.VideoPostDetails;
import io.flipflop.api.videopost.VideoPostType;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.OriginCommands;
import io.flipflop.command.broadcast.Owners;
import io.flipflop.command.member.MemberDirectory;
import io.flipflop.command.transcoding.TranscodingProfileDirectory;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import io.flipflop.platform.security.UploadUrlSigner;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Post writes of the App API (reference §10), each scoped to the caller's app (the post checks that itself), and the
 * upload URLs: signed, expiring URLs to the media worker's own {@code PUT /vod/{videoPostId}/upload/{partNumber}}
 * and, for a thumbnail or preview, {@code PUT /vod/{videoPostId}/upload/{asset}} (see {@link UploadUrlSigner}).
 */
@Service
@EnableConfigurationProperties(UploadSettings.class)
public class VideoPostService {

    /** Where the media worker takes part uploads; {@code /vod/**} is routed to it (SPEC §7). */
    public static final String UPLOAD_PATH = "/vod/{videoPostId}/upload/{partNumber}";
    /** Where it takes a thumbnail or preview ({@code thumbnail}, {@code preview}). */
    public static final String ASSET_UPLOAD_PATH = "/vod/{videoPostId}/upload/{asset}";

    private final OriginCommands commands;
    private final MemberDirectory directory;
    private final Owners owners;
    private final IdGenerator ids;
    private final UploadUrlSigner signer;
    private final UploadSettings settings;
    private final TranscodingProfileDirectory profiles;
    private final Clock clock;

    @Autowired
    public VideoPostService(OriginCommands commands, MemberDirectory directory, Owners owners, IdGenerator ids,
                            UploadUrlSigner signer, UploadSettings settings, TranscodingProfileDirectory profiles) {
        this(commands, directory, owners, ids, signer, settings, profiles, Clock.systemUTC());
    }

    VideoPostService(OriginCommands commands, MemberDirectory directory, Owners owners, IdGenerator ids,
                     UploadUrlSigner signer, UploadSettings settings, TranscodingProfileDirectory profiles,
                     Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.owners = owners;
        this.ids = ids;
        this.signer = signer;
        this.settings = settings;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * The owner is the app's member {@code request.appUserId()}; a profile not named is the app's default of its
     * type, or the system's (the default ladder and thumbnail, no preview: {@link ChosenProfiles#DEFAULTS}).
     */
    public Mono<VideoPostSnapshot> create(long appId, CreateVideoPostRequest request) {
        return Mono.fromCallable(() -> {
                    if (request.appUserId() == null || request.appUserId().isEmpty()) {
                        throw ApiException.badRequest("EMPTY_VIDEO_POST_APP_USER_ID", "appUserId is required");
                    }
                    ChosenProfiles chosen = new ChosenProfiles(
                            profileOrDefault(appId, VIDEO, request.videoProfileId()),
                            profileOrDefault(appId, PREVIEW, request.previewProfileId()),
                            profileOrDefault(appId, THUMBNAIL, request.thumbnailProfileId()));
                    VideoPostDetails details = new VideoPostDetails(request.title(), request.description(),
                            request.accessLevel(), request.customData(), request.category(), request.tags());
                    VideoPostRules.checkDetails(details);
                    long memberId = member(appId, request.appUserId()).memberId();
                    return new CreateVideoPost(ids.nextId(), appId, memberId, request.appUserId(),
                            VideoPostType.PRE_RECORDED, details, CreatorType.APP, appId, chosen);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> commands.send(command, Origin.app(appId)));
    }

    /** A profile id set to null means no preview or thumbnail, and the app's default ladder for the video. */
    public Mono<VideoPostSnapshot> update(long appId, long videoPostId, VideoPostRequests.Patch patch) {
        Map<TranscodingProfileType, Long> ids = patch.profileIds();
        return Mono.fromCallable(() -> new ChosenProfiles(
                        profileOrDefault(appId, VIDEO, ids.get(VIDEO)),
                        profile(appId, PREVIEW, ids.get(PREVIEW), null),
                        profile(appId, THUMBNAIL, ids.get(THUMBNAIL), null)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(chosen -> send(new UpdateVideoPost(videoPostId, appId, null, patch.values(), patch.fields(),
                        chosen, ids.keySet()), appId));
    }

    /** Blocking. The profile {@code id} names, checked for the app and the type; the app's default when null. */
    private ChosenProfile profileOrDefault(long appId, TranscodingProfileType type, Long id) {
        return id == null ? profiles.defaultOf(appId, type) : profile(appId, type, id, null);
    }

    /** Blocking. The profile {@code id} names, checked for the app and the type; {@code none} when null. */
    private ChosenProfile profile(long appId, TranscodingProfileType type, Long id, ChosenProfile none) {
        return id == null ? none : profiles.usable(appId, id, type, type.name().toLowerCase(Locale.ROOT) + "ProfileId");
    }

    public Mono<Void> delete(long appId, long videoPostId) {
        return this.<Object>send(new DeleteVideoPost(videoPostId, appId, null), appId).then();
    }

    public Mono<VideoPostSnapshot> cancel(long appId, long videoPostId) {
        return send(new CancelProcessing(videoPostId, appId, null), appId);
    }

    public Mono<VideoPostSnapshot> retry(long appId, long videoPostId) {
        return send(new RetryTranscoding(videoPostId, appId, null), appId);
    }

    public Mono<VideoPostSnapshot> completeUpload(long appId, long videoPostId, List<UploadedPart> parts) {
        return send(new CompleteSourceUpload(videoPostId, appId, null, parts), appId);
    }

    /**
     * Starts a new upload (forgetting the parts of an earlier one) and answers one signed URL per part. {@code base}
     * is the URL the client reached us at: the part URLs point at the same host.
     */
    public Mono<List<UploadUrl>> requestUploadUrls(long appId, long videoPostId, UploadUrlsRequest request,
                                                   URI base) {
        return Mono.fromCallable(() -> checkedSource(request))
                .flatMap(source -> {
                    int partCount = partCount(request.multipartCount(), source.size());
                    String uploadId = UUID.randomUUID().toString();
                    return this.<VideoPostSnapshot>send(new RequestSourceUpload(videoPostId, appId, null, uploadId,
                                    source, partCount), appId)
                            .map(post -> urls(videoPostId, uploadId, source.size(), partCount, base));
                });
    }

    /**
     * Starts a new thumbnail or preview upload and answers its one signed URL; the post checks the declared file.
     * {@code base} as for {@link #requestUploadUrls}.
     */
    public Mono<UploadUrl> requestAssetUploadUrl(long appId, long videoPostId, VideoPostAsset asset,
                                                 AssetUploadRequest request, URI base) {
        SourceFile file = new SourceFile(request.filename(), request.size() == null ? 0 : request.size(),
                request.contentType());
        String uploadId = UUID.randomUUID().toString();
        return this.<VideoPostSnapshot>send(new RequestAssetUpload(videoPostId, appId, null, asset, uploadId, file),
                appId).map(post -> {
                    Instant expires = clock.instant().plus(settings.urlTtl());
                    String name = asset.pathName();
                    String url = signedUrl(base, ASSET_UPLOAD_PATH, uploadId, file.size(), expires, signer.signature(
                            new UploadUrlSigner.AssetGrant(videoPostId, name, uploadId, file.size(), expires)),
                            videoPostId, name);
                    return new UploadUrl(1, url, url);
                });
    }

    public Mono<VideoPostSnapshot> completeAssetUpload(long appId, long videoPostId, VideoPostAsset asset,
                                                       String eTag) {
        return send(new CompleteAssetUpload(videoPostId, appId, null, asset, eTag), appId);
    }

    /** App API: puts the app's member on the post's allowlist (idempotent); the post answers first, as for rooms. */
    public Mono<Void> allow(long appId, long videoPostId, String appUserId) {
        return allowlist(appId, videoPostId, appUserId,
                member -> new AllowMemberOnVideoPost(videoPostId, appId, member.memberId(), appUserId));
    }

    public Mono<Void> disallow(long appId, long videoPostId, String appUserId) {
        return allowlist(appId, videoPostId, appUserId,
                member -> new DisallowMemberOnVideoPost(videoPostId, appId, member.memberId(), appUserId));
    }

    private Mono<Void> allowlist(long appId, long videoPostId, String appUserId,
                                 Function<MemberDirectory.Entry, Object> command) {
        return Mono.fromCallable(() -> directory.find(appId, appUserId)
                        .filter(found -> owners.member(found.memberId()).isPresent()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(member -> member.isPresent()
                        ? this.<Object>send(command.apply(member.get()), appId).then()
                        : this.<Object>send(new InspectVideoPost(videoPostId, appId, null), appId)
                                .then(Mono.error(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No such member"))));
    }

    private SourceFile checkedSource(UploadUrlsRequest request) {
        if (request.filename() == null || request.filename().isBlank()) {
            throw ApiException.badRequest("EMPTY_VIDEO_POST_FILENAME", "filename is required");
        }
        if (request.size() == null || request.size() <= 0) {
            throw ApiException.badRequest("INVALID_VIDEO_POST_FILE_SIZE", "size must be a positive number of bytes");
        }
        if (request.size() > settings.maxSourceSize().toBytes()) {
            throw ApiException.badRequest("VIDEO_POST_FILE_SIZE_UPPER_LIMIT_EXCEEDED",
                    "size may be at most " + settings.maxSourceSize().toBytes() + " bytes");
        }
        if (request.contentType() == null || !request.contentType().toLowerCase().startsWith("video/")) {
            throw ApiException.badRequest("UNSUPPORTED_VIDEO_POST_CONTENT_TYPE",
                    "contentType must be a video/* type, was " + request.contentType());
        }
        return new SourceFile(request.filename(), request.size(), request.contentType());
    }

    private int partCount(Integer multipartCount, long size) {
        int count = multipartCount == null ? 1 : multipartCount;
        if (count < 1 || count > settings.maxParts() || count > size) {
            throw ApiException.badRequest("INVALID_VIDEO_POST_MULTIPART_COUNT", "multipartCount must be between 1 and "
                    + Math.min(settings.maxParts(), size));
        }
        return count;
    }

    private List<UploadUrl> urls(long videoPostId, String uploadId, long size, int partCount, URI base) {
        Instant expires = clock.instant().plus(settings.urlTtl());
        return IntStream.rangeClosed(1, partCount).mapToObj(part -> {
            UploadUrlSigner.PartGrant grant = new UploadUrlSigner.PartGrant(videoPostId, uploadId, part, size,
                    expires);
            String url = signedUrl(base, UPLOAD_PATH, uploadId, size, expires, signer.signature(grant), videoPostId,
                    part);
            return new UploadUrl(part, url, url);
        }).toList();
    }

    private static String signedUrl(URI base, String path, String uploadId, long size, Instant expires,
                                    String signature, Object... pathValues) {
        return UriComponentsBuilder.fromUri(base).replacePath(path).replaceQuery(null)
                .queryParam("uploadId", uploadId).queryParam("size", size)
                .queryParam("expires", expires.getEpochSecond()).queryParam("signature", signature)
                .buildAndExpand(pathValues).toUriString();
    }

    private MemberDirectory.Entry member(long appId, String appUserId) {
        return directory.find(appId, appUserId)
                .filter(found -> owners.member(found.memberId()).isPresent())
                .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No such member"));
    }

    private <R> Mono<R> send(Object command, long appId) {
        return commands.<R>send(command, Origin.app(appId)).onErrorMap(AggregateNotFoundException.class,
                e -> VideoPost.videoPostNotFound());
    }
}
