package io.flipflop.media.usage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.media.cmaf.CmafSettings;
import io.flipflop.media.ingest.IngestConfiguration.WorkerId;
import io.flipflop.media.videopost.PostMediaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.axonframework.eventhandling.EventBus;
import org.bson.Document;
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

    /**
     * Stream keys' recordings, rooms' archives and posts' files (upload parts, source, outputs), their apps from
     * the query side's {@code stream_keys}, {@code video_rooms} and {@code video_posts} read models ({@code _id}
     * lookups); the volume id next to them.
     */
    @Bean
    StorageMeter storageMeter(CmafSettings cmaf, PostMediaSettings posts, MongoDatabase database,
                              WorkerId workerId) {
        List<StorageMeter.Root> roots = List.of(
                new StorageMeter.Root(cmaf.liveRoot(), appIdOf(database.getCollection("stream_keys"))),
                new StorageMeter.Root(cmaf.vodRoot(), appIdOf(database.getCollection("video_rooms"))),
                new StorageMeter.Root(posts.postsRoot(), appIdOf(database.getCollection("video_posts"))));
        return new StorageMeter(roots, cmaf.liveRoot().resolveSibling("volume-id"), Clock.systemUTC(),
                workerId.value());
    }

    private static LongFunction<OptionalLong> appIdOf(MongoCollection<Document> readModel) {
        return id -> Optional.ofNullable(readModel.find(eq("_id", id)).first())
                .map(document -> document.get("appId") instanceof Number appId ? OptionalLong.of(appId.longValue())
                        : OptionalLong.empty())
                .orElse(OptionalLong.empty());
    }

    @Bean
    UsageReporter usageReporter(ViewerSessions sessions, StorageMeter storage, EventBus eventBus,
                                UsageSettings settings) {
        return new UsageReporter(sessions, storage, eventBus, settings);
    }
}
