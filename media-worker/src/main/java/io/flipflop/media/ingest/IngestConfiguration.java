package io.flipflop.media.ingest;

import io.flipflop.media.flv.FlvSinkFactory;
import io.flipflop.media.flv.FlvStreams;
import io.flipflop.media.stream.MediaSinkFactory;
import io.flipflop.media.stream.WorkerCommands;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the RTMP ingest.
 * <ul>
 *   <li>{@code flipflop.media.worker-id}: this worker's id in StartIngest and the audit. Default: a random id per
 *       process, so a restarted worker never claims its predecessor's ingests. Set it in the split deployment:
 *       the revocation processor's token is stored under it.</li>
 *   <li>{@code flipflop.ingest.lease}: the ingest lease (default 15 s), the same property the command side
 *       reads, renewed every third of it.</li>
 *   <li>{@link IngestCommands} through Axon unless another implementation is declared (the split deployment's
 *       HTTP client).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RtmpSettings.class)
public class IngestConfiguration {

    @Bean
    public WorkerId workerId(@Value("${flipflop.media.worker-id:}") String configured) {
        return new WorkerId(configured.isBlank() ? "worker-" + UUID.randomUUID().toString().substring(0, 8)
                : configured);
    }

    /** This worker's commands, ingest and archive, through Axon. */
    @Bean
    public WorkerCommands workerCommands(CommandGateway gateway, WorkerId workerId) {
        return new WorkerCommands(gateway, workerId.value());
    }

    @Bean
    @ConditionalOnMissingBean(IngestCommands.class)
    public IngestCommands ingestCommands(WorkerCommands commands) {
        return new AxonIngestCommands(commands);
    }

    /**
     * Until a packager is declared, a publish is admitted and then dropped: its sink cannot open. HTTP-FLV, where
     * its streams are declared, is added beside the packager.
     */
    @Bean
    public Ingests ingests(StreamKeyLookup lookup, IngestCommands commands, ObjectProvider<MediaSinkFactory> sinks,
                           ObjectProvider<FlvStreams> httpFlv, WorkerId workerId,
                           @Value("${flipflop.ingest.lease:15s}") Duration lease, RtmpSettings settings) {
        MediaSinkFactory factory = sinks.getIfAvailable(() -> (stream, listener) -> {
            throw new IllegalStateException("No packager (MediaSinkFactory) is configured");
        });
        FlvStreams flv = httpFlv.getIfAvailable();
        return new Ingests(lookup, commands, flv == null ? factory : new FlvSinkFactory(factory, flv),
                workerId.value(), lease, settings);
    }

    @Bean
    @ConditionalOnProperty(name = "flipflop.rtmp.enabled", matchIfMissing = true)
    public RtmpServer rtmpServer(RtmpSettings settings, Ingests ingests, ObjectProvider<RtmpPlayback> playback) {
        return new RtmpServer(settings, ingests, playback.getIfAvailable());
    }

    @Bean
    public IngestRevocation ingestRevocation(Ingests ingests) {
        return new IngestRevocation(ingests);
    }

    /** A processor per worker: each must see every revocation, so they cannot share one token's segments. */
    @Bean
    public ConfigurerModule ingestRevocationProcessor(WorkerId workerId) {
        String processor = IngestRevocation.PROCESSING_GROUP + "@" + workerId.value();
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(IngestRevocation.PROCESSING_GROUP, processor)
                .registerTrackingEventProcessorConfiguration(processor, axon -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andInitialTrackingToken(source -> source.createHeadToken()));
    }

    /** This media worker's id, as the stream key records which worker holds its ingest. */
    public record WorkerId(String value) {
    }
}
