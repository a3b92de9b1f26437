package io.flipflop.media.usage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.ingest.IngestConfiguration.WorkerId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventBus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Usage metering of the media worker: viewer sessions at the origin, stored bytes, and their reporter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsageSettings.class)
class UsageConfiguration {

    @Bean
    ViewerSessions viewerSessions(UsageSettings settings, CmafSettings cmaf, WorkerId workerId) {
        Duration timeout = settings.sessionTimeout() != null ? settings.sessionTimeout()
                : Duration.ofSeconds(2L * cmaf.targetDurationSeconds());
        return new ViewerSessions(Clock.systemUTC(), timeout, settings.reportInterval(), workerId.value());
    }

    @Bean
    PlaybackMeter playbackMeter(ViewerSessions sessions) {
        return new PlaybackMeter(sessions);
    }

    /** A stream key's app from the query side's {@code stream_keys} read model ({@code _id} lookup). */
    @Bean
    StorageMeter storageMeter(CmafSettings cmaf, MongoDatabase database, WorkerId workerId) {
        var keys = database.getCollection("stream_keys");
        return new StorageMeter(cmaf.liveRoot(), streamKeyId -> Optional
                .ofNullable(keys.find(eq("_id", streamKeyId)).first())
                .map(key -> key.get("appId") instanceof Number appId ? OptionalLong.of(appId.longValue())
                        : OptionalLong.empty())
                .orElse(OptionalLong.empty()), Clock.systemUTC(), workerId.value());
    }

    @Bean
    UsageReporter usageReporter(ViewerSessions sessions, StorageMeter storage, EventBus eventBus,
                                UsageSettings settings) {
        return new UsageReporter(sessions, storage, eventBus, settings);
    }
}
