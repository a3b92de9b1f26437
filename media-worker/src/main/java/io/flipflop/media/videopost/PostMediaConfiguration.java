package io.flipflop.media.videopost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.flipflop.media.ingest.IngestConfiguration.WorkerId;
import io.flipflop.media.origin.LiveRooms;
import io.flipflop.media.stream.WorkerCommands;
import io.flipflop.media.usage.PlaybackMeter;
import io.flipflop.platform.access.StreamingTokenViewers;
import io.flipflop.platform.security.UploadUrlSigner;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The video post pieces of the media worker: part, thumbnail and preview uploads, the transcoding queue and worker,
 * playback.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostMediaSettings.class)
class PostMediaConfiguration {

    @Bean
    PostFiles postFiles(PostMediaSettings settings) {
        return new PostFiles(settings.postsRoot());
    }

    @Bean
    PostCommands postCommands(WorkerCommands commands) {
        return new PostCommands(commands);
    }

    @Bean
    PartUploads partUploads(PostFiles files, UploadUrlSigner signer, PostCommands commands) {
        return new PartUploads(files, signer, commands, Clock.systemUTC());
    }

    @Bean
    AssetUploads assetUploads(PostFiles files, UploadUrlSigner signer, PostCommands commands,
                              PostMediaSettings settings) {
        return new AssetUploads(files, signer, new AssetEncoder(settings.probeTimeout(), AssetEncoder.TIMEOUT,
                AssetEncoder.MAX_PIXELS), commands, Clock.systemUTC());
    }

    @Bean
    AssetPlacement assetPlacement(PostFiles files) {
        return new AssetPlacement(files);
    }

    @Bean
    PostPlaybackGate postPlaybackGate(StreamingTokenViewers viewers,
                                      com.mongodb.reactivestreams.client.MongoDatabase database, LiveRooms rooms) {
        return new PostPlaybackGate(viewers, database, rooms);
    }

    @Bean
    PostPlaybackUsage postPlaybackUsage(PlaybackMeter meter, PostFiles files) {
        return new PostPlaybackUsage(meter, files);
    }

    @Bean
    TranscodingJobs transcodingJobs(MongoDatabase database, ObjectMapper json) {
        return new TranscodingJobs(database, json, Clock.systemUTC());
    }

    @Bean
    Transcoder transcoder(PostFiles files, PostMediaSettings settings) {
        return new Transcoder(files, settings);
    }

    @Bean
    TranscodingWorker transcodingWorker(TranscodingJobs jobs, Transcoder transcoder, PostCommands commands,
                                        PostMediaSettings settings, WorkerId workerId) {
        return new TranscodingWorker(jobs, transcoder, commands, settings, workerId.value(), Clock.systemUTC());
    }

    @Bean
    PostMediaProcessing postMediaProcessing(PostFiles files, PostMediaSettings settings, TranscodingJobs jobs,
                                            TranscodingWorker worker, Transcoder transcoder, PostCommands commands) {
        return new PostMediaProcessing(files, new SourceProber(settings.probeTimeout()), jobs, worker, transcoder,
                commands);
    }

    /** One thread: a post's events are handled in order, and sources are assembled one at a time. */
    @Bean
    ConfigurerModule postMediaProcessor() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                PostMediaProcessing.PROCESSING_GROUP, axon -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing());
    }
}
