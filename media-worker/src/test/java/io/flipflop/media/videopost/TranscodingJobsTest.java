package io.flipflop.media.videopost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.flipflop.api.transcoding.ChosenProfiles;
import io.flipflop.api.transcoding.SystemTranscodingProfiles;
import io.flipflop.api.videopost.SourceProbe;
import io.flipflop.media.TestClock;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable job queue on the real embedded MongoDB-wire server, with a clock the test moves. */
class TranscodingJobsTest {

    private static final SourceProbe PROBE = new SourceProbe(10, 1920, 1080, true, "mov,mp4");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private EmbeddedMongoServer server;
    private MongoClient client;
    private TestClock clock;
    private TranscodingJobs jobs;

    @BeforeEach
    void setUp() {
        server = EmbeddedMongoServer.inMemory();
        client = MongoClients.create(server.connectionString());
        clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
        jobs = new TranscodingJobs(client.getDatabase("test"), new ObjectMapper(), clock);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    @Test
    void aPendingJobIsClaimedOnlyOnceReleased() {
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        assertThat(jobs.claim("w1", LEASE)).isEmpty();
        jobs.release(1);
        var job = jobs.claim("w1", LEASE).orElseThrow();
        assertThat(job.videoPostId()).isEqualTo(1);
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.probe()).isEqualTo(PROBE);
        assertThat(jobs.claim("w2", LEASE)).as("a running job is nobody else's").isEmpty();
    }

    @Test
    void aJobRunsWithTheProfilesItWasQueuedWith() {
        ChosenProfiles chosen = new ChosenProfiles(SystemTranscodingProfiles.SMALL_VIDEO.chosen(),
                SystemTranscodingProfiles.DEFAULT_PREVIEW.chosen(), null);
        jobs.enqueue(1, PROBE, chosen);
        jobs.release(1);
        assertThat(jobs.claim("w1", LEASE).orElseThrow().profiles()).isEqualTo(chosen);
    }

    @Test
    void aJobWhoseWorkerDiedIsClaimedAgainAsANewAttempt() {
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(1);
        jobs.claim("w1", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        var again = jobs.claim("w2", LEASE).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(jobs.renew(1, "w1", LEASE)).as("the first worker lost it").isFalse();
        assertThat(jobs.renew(1, "w2", LEASE)).isTrue();
    }

    @Test
    void aRenewedLeaseKeepsTheJob() {
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(1);
        jobs.claim("w1", LEASE).orElseThrow();
        clock.advance(LEASE.minusSeconds(5));
        assertThat(jobs.renew(1, "w1", LEASE)).isTrue();
        clock.advance(LEASE.minusSeconds(5));
        assertThat(jobs.claim("w2", LEASE)).isEmpty();
    }

    @Test
    void aCancelledJobIsNeitherClaimedNorRenewed() {
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(1);
        jobs.enqueue(2, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(2);
        jobs.claim("w1", LEASE).orElseThrow();
        jobs.cancel(1);
        jobs.cancel(2);
        assertThat(jobs.renew(1, "w1", LEASE)).isFalse();
        assertThat(jobs.claim("w1", LEASE)).isEmpty();
    }

    @Test
    void aCancelledOrFailedJobRequeuedIsClaimedAsANewAttempt() {
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(1);
        jobs.claim("w1", LEASE).orElseThrow();
        jobs.cancel(1);
        jobs.requeue(1);
        assertThat(jobs.claim("w2", LEASE).orElseThrow().attempt()).isEqualTo(2);
        jobs.finish(1, "w2", TranscodingJobs.Status.DONE);
        jobs.requeue(1);
        assertThat(jobs.claim("w2", LEASE)).as("a finished job stays finished").isEmpty();
    }

    @Test
    void queuingTwiceKeepsTheFirstJob() {
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(1);
        jobs.claim("w1", LEASE).orElseThrow();
        jobs.enqueue(1, new SourceProbe(5, 640, 360, false, "other"), ChosenProfiles.DEFAULTS);
        assertThat(jobs.renew(1, "w1", LEASE)).isTrue();
    }

    @Test
    void theOldestQueuedJobComesFirst() {
        jobs.enqueue(2, PROBE, ChosenProfiles.DEFAULTS);
        clock.advance(Duration.ofSeconds(1));
        jobs.enqueue(1, PROBE, ChosenProfiles.DEFAULTS);
        jobs.release(1);
        jobs.release(2);
        assertThat(jobs.claim("w1", LEASE).orElseThrow().videoPostId()).isEqualTo(2);
    }
}
