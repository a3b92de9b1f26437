package io.flipflop.media.videopost;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.videopost.SourceProbe;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The durable transcoding queue: one document per post in {@value #COLLECTION}, {@code {_id: videoPostId, status,
 * attempt, workerId, leaseUntil, queuedAt, probe{...}, profiles}} ({@code profiles} the chosen profiles as JSON), status PENDING (until the post is QUEUED) → QUEUED →
 * RUNNING → DONE, FAILED or CANCELLED. A
 * worker claims the oldest QUEUED job, or a RUNNING one whose lease lapsed (its worker died or restarted), with one
 * atomic find-and-modify, so two workers never run the same job; it renews the lease while ffmpeg runs. The queue
 * survives restarts because it is in MongoDB, not in memory.
 */
class TranscodingJobs {

    static final String COLLECTION = "transcoding_jobs";

    enum Status { PENDING, QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** {@code profiles}: the settings the post chose, copied into the job, so a profile deleted since changes nothing. */
    record Job(long videoPostId, int attempt, SourceProbe probe, ChosenProfiles profiles) {
    }

    private final MongoCollection<Document> jobs;
    private final ObjectMapper json;
    private final Clock clock;

    TranscodingJobs(MongoDatabase database, ObjectMapper json, Clock clock) {
        this.jobs = database.getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
    }

    /** Stores the post's job, PENDING; a job already stored for it (an event seen twice) stays as it is. */
    void enqueue(long videoPostId, SourceProbe probe, ChosenProfiles profiles) {
        Document probeDocument = new Document("durationSeconds", probe.durationSeconds()).append("width", probe.width())
                .append("height", probe.height()).append("hasAudio", probe.hasAudio())
                .append("formatName", probe.formatName());
        try {
            jobs.insertOne(new Document("_id", videoPostId).append("status", Status.PENDING.name())
                    .append("attempt", 0).append("workerId", null).append("leaseUntil", null)
                    .append("queuedAt", Date.from(clock.instant())).append("probe", probeDocument)
                    .append("profiles", json.writeValueAsString(profiles)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Makes a PENDING job claimable. */
    void release(long videoPostId) {
        jobs.updateOne(and(eq("_id", videoPostId), eq("status", Status.PENDING.name())),
                Updates.set("status", Status.QUEUED.name()));
    }

    /** The next job for {@code workerId}, claimed for {@code lease}; empty when none waits. */
    Optional<Job> claim(String workerId, Duration lease) {
        Instant now = clock.instant();
        Document claimed = jobs.findOneAndUpdate(
                or(eq("status", Status.QUEUED.name()),
                        and(eq("status", Status.RUNNING.name()), lt("leaseUntil", Date.from(now)))),
                Updates.combine(Updates.set("status", Status.RUNNING.name()), Updates.set("workerId", workerId),
                        Updates.set("leaseUntil", Date.from(now.plus(lease))), Updates.inc("attempt", 1)),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("queuedAt")).returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return Optional.empty();
        }
        Document p = claimed.get("probe", Document.class);
        return Optional.of(new Job(claimed.getLong("_id"), claimed.getInteger("attempt"),
                new SourceProbe(p.getDouble("durationSeconds"), p.getInteger("width"), p.getInteger("height"),
                        p.getBoolean("hasAudio"), p.getString("formatName")), profiles(claimed)));
    }

    /** Extends the claim; false when the job is no longer this worker's (cancelled, deleted, taken over). */
    boolean renew(long videoPostId, String workerId, Duration lease) {
        return jobs.updateOne(and(eq("_id", videoPostId), eq("status", Status.RUNNING.name()),
                        eq("workerId", workerId)),
                Updates.set("leaseUntil", Date.from(clock.instant().plus(lease)))).getMatchedCount() == 1;
    }

    void finish(long videoPostId, String workerId, Status status) {
        jobs.updateOne(and(eq("_id", videoPostId), eq("workerId", workerId), eq("status", Status.RUNNING.name())),
                Updates.set("status", status.name()));
    }

    /** Stops a queued or running job from (re)starting; the worker running it sees its lease renewal fail. */
    void cancel(long videoPostId) {
        jobs.updateOne(and(eq("_id", videoPostId), in("status", Status.PENDING.name(), Status.QUEUED.name(),
                        Status.RUNNING.name())),
                Updates.set("status", Status.CANCELLED.name()));
    }

    /** A failed or cancelled job is claimable again, behind the jobs queued before now. */
    void requeue(long videoPostId) {
        jobs.updateOne(and(eq("_id", videoPostId), in("status", Status.FAILED.name(), Status.CANCELLED.name())),
                Updates.combine(Updates.set("status", Status.QUEUED.name()),
                        Updates.set("queuedAt", Date.from(clock.instant()))));
    }

    /** A job queued before profiles existed has none: it runs with what every post got then. */
    private ChosenProfiles profiles(Document job) {
        String stored = job.getString("profiles");
        if (stored == null) {
            return ChosenProfiles.DEFAULTS;
        }
        try {
            return json.readValue(stored, ChosenProfiles.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void forget(long videoPostId) {
        jobs.deleteOne(eq("_id", videoPostId));
    }
}
