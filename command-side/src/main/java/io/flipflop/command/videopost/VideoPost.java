package io.flipflop.command.videopost;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.videopost.AllowMemberOnVideoPost;
import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.AssetUploadRequested;
import io.flipflop.api.videopost.AssetUploadStored;
import io.flipflop.api.videopost.AssetUploaded;
import io.flipflop.api.videopost.CompleteAssetUpload;
import io.flipflop.api.videopost.RecordAssetUpload;
import io.flipflop.api.videopost.RequestAssetUpload;
import io.flipflop.api.videopost.UploadedAsset;
import io.flipflop.api.videopost.VideoPostAsset;
import io.flipflop.api.videopost.CancelProcessing;
import io.flipflop.api.videopost.CompleteProcessing;
import io.flipflop.api.videopost.CompleteSourceUpload;
import io.flipflop.api.videopost.CreateArchivePost;
import io.flipflop.api.videopost.CreateVideoPost;
import io.flipflop.api.videopost.DeleteVideoPost;
import io.flipflop.api.videopost.DisallowMemberOnVideoPost;
import io.flipflop.api.videopost.FailProcessing;
import io.flipflop.api.videopost.FailQueuing;
import io.flipflop.api.videopost.FailSourceUpload;
import io.flipflop.api.videopost.InspectVideoPost;
import io.flipflop.api.videopost.MemberAllowedOnVideoPost;
import io.flipflop.api.videopost.MemberDisallowedOnVideoPost;
import io.flipflop.api.videopost.ProcessedOutput;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.QueueTranscoding;
import io.flipflop.api.videopost.RecordSourcePart;
import io.flipflop.api.videopost.Rendition;
import io.flipflop.api.videopost.ReportProcessingProgress;
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
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A video post (SPEC §2). Every command goes through {@link VideoPostTransitions}; the handlers add what the table
 * cannot say: tenancy (a post of another app, or another member's on the member API, is not found), which upload
 * a stored part belongs to, whether the client's part list matches what was stored, and idempotency of the worker's
 * reports (a part stored again with the same bytes records nothing).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class VideoPost {

    static final String CANCELLED = "CANCELLED";

    @AggregateIdentifier
    private Long videoPostId;
    private boolean deleted;
    private long appId;
    private long memberId;
    private String appUserId;
    private VideoPostType type;
    private VideoPostDetails details;
    private CreatorType creatorType;
    private long creatorId;
    private VideoPostState state;
    private Set<Long> allowlist = new HashSet<>();
    private String uploadId;
    private SourceFile source;
    private int partCount;
    /** Parts of the current upload by number: size and eTag. */
    private Map<Integer, StoredPart> parts = new HashMap<>();
    private SourceProbe probe;
    private Double percent;
    private Double fps;
    private Long etaSeconds;
    private Integer attempt;
    private String failureReason;
    private List<Rendition> renditions = List.of();
    private List<ProcessedOutput> outputs = List.of();
    private Instant uploadedAt;
    private Instant uploadFailedAt;
    private Instant createdAt;
    private Instant lastModifiedAt;
    /** The room whose archive this post is (LIVE_RECORDED), as it was when the post was made; null otherwise. */
    private VideoRoomRef videoRoom;
    /** The latest thumbnail and preview upload of each kind, finished or not. */
    private Map<VideoPostAsset, PendingAsset> assetUploads = new HashMap<>();
    /** The uploaded thumbnail and preview that are shown. */
    private Map<VideoPostAsset, UploadedAsset> assets = new HashMap<>();
    /** The transcoding profiles, as chosen; null for a post made before profiles existed, or of an archive. */
    private ChosenProfiles profiles;

    record StoredPart(long size, String eTag) {
    }

    /** An asset upload: what was declared, what the worker stored (eTag null until then), whether it completed. */
    record PendingAsset(String uploadId, SourceFile file, String eTag, long encodedSize, boolean completed) {

        PendingAsset stored(String storedETag, long storedSize) {
            return new PendingAsset(uploadId, file, storedETag, storedSize, false);
        }

        PendingAsset complete() {
            return new PendingAsset(uploadId, file, eTag, encodedSize, true);
        }
    }

    protected VideoPost() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VideoPostSnapshot handle(CreateVideoPost command) {
        if (state != null) {
            throw new DomainRejection("VIDEO_POST_ALREADY_EXISTS", "Video post " + command.videoPostId()
                    + " already exists");
        }
        VideoPostDetails given = command.details() == null ? VideoPostDetails.EMPTY : command.details();
        VideoPostRules.checkDetails(given);
        VideoPostDetails complete = new VideoPostDetails(given.title(), given.description(),
                given.accessLevel() == null ? AccessLevel.PUBLIC : given.accessLevel(), given.customData(),
                given.category(), VideoPostRules.distinctTags(given.tags()));
        apply(new VideoPostCreated(command.videoPostId(), VideoPostState.CREATED, command.appId(), command.memberId(),
                command.appUserId(), command.type(), complete, command.creatorType(), command.creatorId()));
        apply(new VideoPostProfilesChosen(command.videoPostId(), VideoPostState.CREATED, command.profiles()));
        return snapshot();
    }

    /**
     * The post of an archived room, PROCESSED at once: its outputs are the room's VOD, nothing is encoded. The id
     * was recorded by the room, so a post that exists already is this one, made by an earlier delivery of the
     * archive: it is left as it is (also when deleted since).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VideoPostSnapshot handle(CreateArchivePost command) {
        if (state != null) {
            return snapshot();
        }
        VideoPostRules.checkDetails(command.details());
        if (command.outputs() == null || command.outputs().isEmpty()) {
            throw new DomainRejection("EMPTY_PROCESSED_OUTPUTS", "A processed post needs its outputs");
        }
        apply(new ArchivePostCreated(command.videoPostId(), VideoPostState.PROCESSED, command.appId(),
                command.memberId(), command.appUserId(), VideoPostType.LIVE_RECORDED, command.details(),
                command.creatorType(), command.creatorId(), command.videoRoom(),
                command.allowlist() == null ? Set.of() : Set.copyOf(command.allowlist()),
                command.source(), List.copyOf(command.outputs())));
        return snapshot();
    }

    @CommandHandler
    public VideoPostSnapshot handle(InspectVideoPost command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        advance(InspectVideoPost.class);
        return snapshot();
    }

    /**
     * Records a change only when a detail or a profile really changes. Everything is checked before anything is
     * recorded: a refused profile change leaves the details as they were, too.
     */
    @CommandHandler
    public VideoPostSnapshot handle(UpdateVideoPost command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoPostState next = advance(UpdateVideoPost.class);
        VideoPostDetails values = command.values() == null ? VideoPostDetails.EMPTY : command.values();
        VideoPostDetails changed = details;
        for (VideoPostField field : command.fields() == null ? Set.<VideoPostField>of() : command.fields()) {
            changed = with(changed, field, values);
        }
        if (changed.accessLevel() == null) {
            throw new DomainRejection("EMPTY_VIDEO_POST_ACCESS_LEVEL", "accessLevel cannot be cleared");
        }
        ChosenProfiles chosen = profiles;
        for (TranscodingProfileType type : command.profileFields() == null ? Set.<TranscodingProfileType>of()
                : command.profileFields()) {
            chosen = with(chosen, type, command.profiles());
        }
        boolean profilesChange = !Objects.equals(chosen, profiles);
        if (profilesChange) {
            VideoPostTransitions.requireProfilesChangeable(state);
        }
        if (!changed.equals(details)) {
            VideoPostRules.checkDetails(changed);
            apply(new VideoPostUpdated(videoPostId, next, changed));
        }
        if (profilesChange) {
            apply(new VideoPostProfilesChosen(videoPostId, next, chosen));
        }
        return snapshot();
    }

    @CommandHandler
    public void handle(DeleteVideoPost command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        apply(new VideoPostDeleted(videoPostId, advance(DeleteVideoPost.class), appId));
    }

    @CommandHandler
    public void handle(AllowMemberOnVideoPost command) {
        requireVisibleTo(command.appId(), null);
        VideoPostState next = advance(AllowMemberOnVideoPost.class);
        if (!allowlist.contains(command.memberId())) {
            apply(new MemberAllowedOnVideoPost(videoPostId, next, appId, command.memberId(), command.appUserId()));
        }
    }

    @CommandHandler
    public void handle(DisallowMemberOnVideoPost command) {
        requireVisibleTo(command.appId(), null);
        VideoPostState next = advance(DisallowMemberOnVideoPost.class);
        if (allowlist.contains(command.memberId())) {
            apply(new MemberDisallowedOnVideoPost(videoPostId, next, appId, command.memberId(),
                    command.appUserId()));
        }
    }

    @CommandHandler
    public VideoPostSnapshot handle(RequestSourceUpload command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoPostState next = advance(RequestSourceUpload.class);
        apply(new SourceUploadRequested(videoPostId, next, command.uploadId(), command.source(),
                command.partCount()));
        return snapshot();
    }

    @CommandHandler
    public void handle(RecordSourcePart command) {
        requireExisting();
        VideoPostState next = advance(RecordSourcePart.class);
        if (!command.uploadId().equals(uploadId)) {
            throw new DomainRejection("VIDEO_POST_UPLOAD_NOT_CURRENT",
                    "Upload " + command.uploadId() + " was replaced by a newer request for upload URLs");
        }
        if (command.partNumber() < 1 || command.partNumber() > partCount) {
            throw new DomainRejection("VIDEO_POST_UPLOAD_PART_NUMBER_OUT_OF_RANGE",
                    "Part " + command.partNumber() + " is not between 1 and " + partCount);
        }
        StoredPart stored = new StoredPart(command.size(), command.eTag());
        if (!stored.equals(parts.get(command.partNumber()))) {
            apply(new SourcePartStored(videoPostId, next, uploadId, command.partNumber(), command.size(),
                    command.eTag()));
        }
    }

    /**
     * Every part 1..partCount must be stored and named once with the eTag its PUT answered, and the parts must add
     * up to the declared size. A refusal leaves the post CREATED: the client uploads what is missing and completes
     * again (uploads resume per part).
     */
    @CommandHandler
    public VideoPostSnapshot handle(CompleteSourceUpload command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoPostState next = advance(CompleteSourceUpload.class);
        if (uploadId == null) {
            throw new DomainRejection("VIDEO_POST_UPLOAD_NOT_REQUESTED", "No upload URLs were requested");
        }
        List<UploadedPart> listed = command.parts() == null ? List.of() : command.parts();
        Map<Integer, String> named = new HashMap<>();
        for (UploadedPart part : listed) {
            if (part == null || named.put(part.partNumber(), unquoted(part.eTag())) != null) {
                throw new DomainRejection("INVALID_VIDEO_POST_UPLOAD_PARTS", "A part is empty or named twice");
            }
        }
        Set<Integer> missing = new TreeSet<>();
        IntStream.rangeClosed(1, partCount).filter(n -> !parts.containsKey(n) || !named.containsKey(n))
                .forEach(missing::add);
        named.keySet().stream().filter(n -> n < 1 || n > partCount).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new DomainRejection("VIDEO_POST_UPLOAD_PART_MISSING", "Parts " + missing + " of " + partCount
                    + " are not uploaded or not listed");
        }
        Set<Integer> mismatched = new TreeSet<>();
        named.forEach((n, eTag) -> {
            if (!unquoted(parts.get(n).eTag()).equals(eTag)) {
                mismatched.add(n);
            }
        });
        if (!mismatched.isEmpty()) {
            throw new DomainRejection("VIDEO_POST_UPLOAD_PART_ETAG_MISMATCH", "Parts " + mismatched
                    + " were stored with other eTags; upload them again");
        }
        long total = parts.values().stream().mapToLong(StoredPart::size).sum();
        if (total != source.size()) {
            throw new DomainRejection("VIDEO_POST_UPLOAD_SIZE_MISMATCH", "The parts hold " + total
                    + " bytes; the declared size is " + source.size());
        }
        List<UploadedPart> stored = IntStream.rangeClosed(1, partCount)
                .mapToObj(n -> new UploadedPart(n, parts.get(n).eTag())).toList();
        apply(new SourceUploaded(videoPostId, next, uploadId, source, stored, profiles));
        return snapshot();
    }

    @CommandHandler
    public void handle(FailSourceUpload command) {
        requireExisting();
        apply(new SourceUploadFailed(videoPostId, advance(FailSourceUpload.class), reason(command.reason())));
    }

    @CommandHandler
    public void handle(QueueTranscoding command) {
        requireExisting();
        apply(new TranscodingQueued(videoPostId, advance(QueueTranscoding.class), command.probe()));
    }

    @CommandHandler
    public void handle(FailQueuing command) {
        requireExisting();
        apply(new TranscodingQueuingFailed(videoPostId, advance(FailQueuing.class), reason(command.reason())));
    }

    @CommandHandler
    public void handle(StartProcessing command) {
        requireExisting();
        apply(new ProcessingStarted(videoPostId, advance(StartProcessing.class), command.workerId(),
                command.attempt()));
    }

    @CommandHandler
    public void handle(ReportProcessingProgress command) {
        requireExisting();
        VideoPostState next = advance(ReportProcessingProgress.class);
        if (command.percent() < 0 || command.percent() > 100) {
            throw new DomainRejection("INVALID_PROCESSING_PROGRESS", "percent must be between 0 and 100");
        }
        apply(new ProcessingProgressed(videoPostId, next, command.percent(), command.fps(), command.etaSeconds()));
    }

    @CommandHandler
    public void handle(CompleteProcessing command) {
        requireExisting();
        VideoPostState next = advance(CompleteProcessing.class);
        if (command.outputs() == null || command.outputs().isEmpty()) {
            throw new DomainRejection("EMPTY_PROCESSED_OUTPUTS", "A processed post needs its outputs");
        }
        apply(new VideoPostProcessed(videoPostId, next, List.copyOf(command.renditions()),
                List.copyOf(command.outputs())));
    }

    @CommandHandler
    public void handle(FailProcessing command) {
        requireExisting();
        apply(new ProcessingFailed(videoPostId, advance(FailProcessing.class), reason(command.reason())));
    }

    @CommandHandler
    public VideoPostSnapshot handle(CancelProcessing command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        apply(new ProcessingFailed(videoPostId, advance(CancelProcessing.class), CANCELLED));
        return snapshot();
    }

    @CommandHandler
    public VideoPostSnapshot handle(RetryTranscoding command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        apply(new TranscodingRetryRequested(videoPostId, advance(RetryTranscoding.class), profiles));
        return snapshot();
    }

    /**
     * A thumbnail or preview upload (ours, reference §10.8), allowed in every state: the picture of a post is
     * independent of its transcoding. A new request replaces an unfinished one; what is shown stays until one
     * completes.
     */
    @CommandHandler
    public VideoPostSnapshot handle(RequestAssetUpload command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoPostState next = advance(RequestAssetUpload.class);
        VideoPostAssetRules.checkFile(command.asset(), command.file());
        apply(new AssetUploadRequested(videoPostId, next, command.asset(), command.uploadId(), command.file()));
        return snapshot();
    }

    /** The worker checked and re-encoded the bytes; the same report again records nothing. */
    @CommandHandler
    public void handle(RecordAssetUpload command) {
        requireExisting();
        VideoPostState next = advance(RecordAssetUpload.class);
        VideoPostAsset asset = command.asset();
        PendingAsset upload = assetUploads.get(asset);
        if (upload == null || !upload.uploadId().equals(command.uploadId())) {
            throw new DomainRejection(VideoPostAssetRules.code(asset, "UPLOAD_NOT_CURRENT"), "Upload "
                    + command.uploadId() + " is not the " + VideoPostAssetRules.name(asset) + " upload asked for last");
        }
        if (command.size() != upload.file().size()) {
            throw new DomainRejection(VideoPostAssetRules.code(asset, "UPLOAD_SIZE_MISMATCH"), "The upload holds "
                    + command.size() + " bytes; the declared size is " + upload.file().size());
        }
        if (!command.eTag().equals(upload.eTag()) || command.encodedSize() != upload.encodedSize()) {
            apply(new AssetUploadStored(videoPostId, next, asset, upload.uploadId(), command.size(), command.eTag(),
                    command.encodedSize()));
        }
    }

    /**
     * The stored upload becomes the post's thumbnail or preview. Completing an upload that completed already (a
     * client's retry) records nothing.
     */
    @CommandHandler
    public VideoPostSnapshot handle(CompleteAssetUpload command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoPostState next = advance(CompleteAssetUpload.class);
        VideoPostAsset asset = command.asset();
        String name = VideoPostAssetRules.name(asset);
        PendingAsset upload = assetUploads.get(asset);
        if (upload == null) {
            throw new DomainRejection(VideoPostAssetRules.code(asset, "UPLOAD_NOT_REQUESTED"),
                    "No " + name + " upload URL was requested");
        }
        if (upload.eTag() == null) {
            throw new DomainRejection(VideoPostAssetRules.code(asset, "NOT_UPLOADED"), "The " + name
                    + " was not uploaded, or its upload was refused; PUT it to its URL first");
        }
        if (!unquoted(upload.eTag()).equals(unquoted(command.eTag()))) {
            throw new DomainRejection(VideoPostAssetRules.code(asset, "UPLOAD_ETAG_MISMATCH"), "The " + name
                    + " was stored with another eTag than " + command.eTag() + "; upload it again");
        }
        if (!upload.completed()) {
            apply(new AssetUploaded(videoPostId, next, asset, upload.uploadId(), new UploadedAsset(
                    asset.url(videoPostId), asset.contentType(), upload.encodedSize(), upload.file().filename())));
        }
        return snapshot();
    }

    @EventSourcingHandler
    void on(VideoPostCreated event, @Timestamp Instant at) {
        begin(event.videoPostId(), event.appId(), event.memberId(), event.appUserId(), event.type(), event.details(),
                event.creatorType(), event.creatorId(), event.state(), at);
    }

    @EventSourcingHandler
    void on(ArchivePostCreated event, @Timestamp Instant at) {
        begin(event.videoPostId(), event.appId(), event.memberId(), event.appUserId(), event.type(), event.details(),
                event.creatorType(), event.creatorId(), event.state(), at);
        videoRoom = event.videoRoom();
        allowlist = new HashSet<>(event.allowlist());
        source = event.source();
        outputs = event.outputs();
        percent = 100.0;
        etaSeconds = 0L;
        uploadedAt = at;
    }

    private void begin(long id, long app, long member, String appUser, VideoPostType postType,
                       VideoPostDetails postDetails, CreatorType creator, long creatorIdentity, VideoPostState first,
                       Instant at) {
        videoPostId = id;
        appId = app;
        memberId = member;
        appUserId = appUser;
        type = postType;
        details = postDetails;
        creatorType = creator;
        creatorId = creatorIdentity;
        state = first;
        createdAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoPostProfilesChosen event, @Timestamp Instant at) {
        profiles = event.profiles();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(TranscodingRetryRequested event, @Timestamp Instant at) {
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoPostUpdated event, @Timestamp Instant at) {
        details = event.details();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoPostDeleted event, @Timestamp Instant at) {
        deleted = true;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(MemberAllowedOnVideoPost event, @Timestamp Instant at) {
        allowlist.add(event.memberId());
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(MemberDisallowedOnVideoPost event, @Timestamp Instant at) {
        allowlist.remove(event.memberId());
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(SourceUploadRequested event, @Timestamp Instant at) {
        state = event.state();
        uploadId = event.uploadId();
        source = event.source();
        partCount = event.partCount();
        parts = new HashMap<>();
        failureReason = null;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(SourcePartStored event, @Timestamp Instant at) {
        parts.put(event.partNumber(), new StoredPart(event.size(), event.eTag()));
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(SourceUploaded event, @Timestamp Instant at) {
        state = event.state();
        uploadedAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(SourceUploadFailed event, @Timestamp Instant at) {
        state = event.state();
        failureReason = event.reason();
        uploadFailedAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(TranscodingQueued event, @Timestamp Instant at) {
        state = event.state();
        probe = event.probe();
        failureReason = null;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(TranscodingQueuingFailed event, @Timestamp Instant at) {
        state = event.state();
        failureReason = event.reason();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(ProcessingStarted event, @Timestamp Instant at) {
        state = event.state();
        attempt = event.attempt();
        percent = 0.0;
        fps = null;
        etaSeconds = null;
        failureReason = null;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(ProcessingProgressed event, @Timestamp Instant at) {
        percent = event.percent();
        fps = event.fps();
        etaSeconds = event.etaSeconds();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoPostProcessed event, @Timestamp Instant at) {
        state = event.state();
        renditions = event.renditions();
        outputs = event.outputs();
        percent = 100.0;
        etaSeconds = 0L;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(ProcessingFailed event, @Timestamp Instant at) {
        state = event.state();
        failureReason = event.reason();
        etaSeconds = null;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(AssetUploadRequested event, @Timestamp Instant at) {
        assetUploads.put(event.asset(), new PendingAsset(event.uploadId(), event.file(), null, 0, false));
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(AssetUploadStored event, @Timestamp Instant at) {
        assetUploads.computeIfPresent(event.asset(), (asset, upload) -> upload.stored(event.eTag(),
                event.encodedSize()));
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(AssetUploaded event, @Timestamp Instant at) {
        assetUploads.computeIfPresent(event.asset(), (asset, upload) -> upload.complete());
        assets.put(event.asset(), event.file());
        lastModifiedAt = at;
    }

    private VideoPostState advance(Class<? extends VideoPostCommand> command) {
        return VideoPostTransitions.next(state, command);
    }

    private void requireExisting() {
        if (deleted) {
            throw videoPostNotFound();
        }
    }

    /** Another app's post, or on the member API another member's, answers exactly as a post that does not exist. */
    private void requireVisibleTo(long callerAppId, Long callerMemberId) {
        requireExisting();
        if (callerAppId != appId || (callerMemberId != null && callerMemberId != memberId)) {
            throw videoPostNotFound();
        }
    }

    static ApiException videoPostNotFound() {
        return ApiException.notFound("VIDEO_POST_NOT_FOUND", "No such video post");
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "UNKNOWN" : reason;
    }

    /** S3-style clients send the eTag with or without its quotes. */
    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    private static VideoPostDetails with(VideoPostDetails d, VideoPostField field, VideoPostDetails v) {
        return switch (field) {
            case TITLE -> new VideoPostDetails(v.title(), d.description(), d.accessLevel(), d.customData(),
                    d.category(), d.tags());
            case DESCRIPTION -> new VideoPostDetails(d.title(), v.description(), d.accessLevel(), d.customData(),
                    d.category(), d.tags());
            case ACCESS_LEVEL -> new VideoPostDetails(d.title(), d.description(), v.accessLevel(), d.customData(),
                    d.category(), d.tags());
            case CUSTOM_DATA -> new VideoPostDetails(d.title(), d.description(), d.accessLevel(), v.customData(),
                    d.category(), d.tags());
            case CATEGORY -> new VideoPostDetails(d.title(), d.description(), d.accessLevel(), d.customData(),
                    v.category(), d.tags());
            case TAGS -> new VideoPostDetails(d.title(), d.description(), d.accessLevel(), d.customData(),
                    d.category(), VideoPostRules.distinctTags(v.tags()));
        };
    }

    /** {@code chosen} with the profile of {@code type} taken from {@code values}. */
    private static ChosenProfiles with(ChosenProfiles chosen, TranscodingProfileType type, ChosenProfiles values) {
        ChosenProfiles from = chosen == null ? ChosenProfiles.DEFAULTS : chosen;
        return switch (type) {
            case VIDEO -> new ChosenProfiles(values.video(), from.preview(), from.thumbnail());
            case PREVIEW -> new ChosenProfiles(from.video(), values.preview(), from.thumbnail());
            case THUMBNAIL -> new ChosenProfiles(from.video(), from.preview(), values.thumbnail());
            case BROADCAST_RTMP -> from;
        };
    }

    VideoPostState state() {
        return state;
    }

    Set<Long> allowlist() {
        return Set.copyOf(allowlist);
    }

    Map<VideoPostAsset, UploadedAsset> assets() {
        return Map.copyOf(assets);
    }

    private VideoPostSnapshot snapshot() {
        return new VideoPostSnapshot(videoPostId, appId, memberId, appUserId, type, details, creatorType, creatorId,
                state, allowlist.size(), uploadId, source, partCount, probe, percent, fps, etaSeconds, attempt,
                failureReason, renditions, outputs, uploadedAt, uploadFailedAt, createdAt, lastModifiedAt, videoRoom,
                Map.copyOf(assets), profiles);
    }
}
