package io.flipflop.platform.eventstore;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import com.mongodb.client.MongoClient;
import io.flipflop.platform.mongo.MongoSettings;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's event store and token store on MongoDB, declared by hand (the Mongo extension has no Spring Boot
 * autoconfiguration for Axon 4.12+).
 * <ul>
 *   <li>Aggregates opt into snapshots with {@code @Aggregate(snapshotTriggerDefinition = "snapshotTrigger")}, and
 *       into caching with {@code @Aggregate(cache = "aggregateCache", snapshotTriggerDefinition =
 *       "cachedSnapshotTrigger")}.</li>
 *   <li>Event handlers run in tracking processors by default; a side names a processor with
 *       {@code @ProcessingGroup("name")} and may tune it with {@code axon.eventhandling.processors.name.*}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreSettings.class)
public class EventStoreConfiguration {

    /** The name of the thread that creates aggregate snapshots. */
    public static final String SNAPSHOT_THREAD = "aggregate-snapshots";

    /** Declared with its own type so the audit can inject it for {@link MongoEventStorageEngine#verifyChain}. */
    @Bean
    public MongoEventStorageEngine eventStorageEngine(com.mongodb.client.MongoDatabase database,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration axon,
                                                 EventStoreSettings settings) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(database)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .batchSize(settings.batchSize())
                .gapTimeout(settings.gapTimeout())
                .maxIndexBlock(settings.maxIndexBlock())
                .indexLease(settings.indexLease())
                .caughtUpFetchInterval(settings.caughtUpFetchInterval())
                .build();
        engine.ensureIndexes();
        return engine;
    }

    /**
     * Axon's autoconfiguration would build the same store with a one-second fetch delay; readers on other nodes
     * (the split deployment) should see new events within a tenth of that. Readers in this JVM are woken at once.
     */
    @Bean
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine engine, org.axonframework.config.Configuration axon,
                                         EventStoreSettings settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(engine)
                .messageMonitor(axon.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(settings.fetchDelay().toMillis())
                .build();
    }

    @Bean
    public TokenStore tokenStore(MongoClient client, MongoSettings mongoSettings, Serializer serializer) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, mongoSettings.database()).build())
                .serializer(serializer)
                .build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }

    /**
     * Axon's snapshotter as its autoconfiguration declares it, but creating snapshots on a thread of its own instead
     * of the thread that committed the triggering command. A snapshot reads the aggregate's events since the last one
     * and writes the new one; on the committing thread every command of that aggregate waited for it (profiled: a
     * sixth of the time of one member's command lane, at the threshold of 100 events). One thread, let go after
     * 10 s idle, so a context needs no shutdown for it; Axon creates one snapshot of an aggregate at a time.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration axon,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        ThreadPoolExecutor snapshots = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, SNAPSHOT_THREAD);
                    thread.setDaemon(true);
                    return thread;
                });
        snapshots.allowCoreThreadTimeOut(true);
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshots)
                .build();
    }

    @Bean
    public SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, EventStoreSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotThreshold());
    }

    /**
     * For cached aggregates: a cached aggregate is loaded from the store only when it is not in the cache, so its
     * snapshots are read rarely. Each snapshot reads the events since the one before, the same events at any
     * threshold, but also costs a load of the one before, a write and their round trips; at 500 instead of 100 the
     * snapshots' share of all CPU in the platform benchmark fell from 2.6% to 1.9% (profiled, eleventh session).
     */
    @Bean
    public SnapshotTriggerDefinition cachedSnapshotTrigger(Snapshotter snapshotter, EventStoreSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.cachedSnapshotThreshold());
    }

    /**
     * A bounded LRU cache of loaded aggregates (Caffeine behind JCache, adapted by Axon). Not Axon's
     * {@code WeakReferenceCache}: its entries vanish at the next garbage collection, so under load nearly every
     * command on a not-so-hot aggregate reloaded it (measured: commands on 500 distinct members ran at a third of
     * the rate of commands on one member). Each context gets its own cache manager, closed with it, so test
     * contexts in one JVM never share entries.
     */
    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("flipflop-aggregates-" + UUID.randomUUID()), getClass().getClassLoader());
    }

    @Bean
    public Cache aggregateCache(CacheManager aggregateCacheManager, EventStoreSettings settings) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(settings.aggregateCacheSize()));
        // Axon caches live aggregate instances; copying them by value would need them serializable.
        configuration.setStoreByValue(false);
        return new JCacheAdapter(aggregateCacheManager.createCache("aggregates", configuration));
    }

    /**
     * Tracking processors, not pooled streaming ones: a pooled processor's coordinator needs an availability
     * callback from the event stream to wake up on new events, which {@link EmbeddedEventStore} does not offer,
     * so it polls every 500 ms (measured: read models 490 ms behind the command). A tracking processor blocks
     * in {@code hasNextAvailable}, which the store wakes at once when this JVM commits events. Replays move
     * {@code batchSize} events per transaction.
     * <p>
     * Every segment is a reader of its own that stores its token after each batch, even a batch with nothing for
     * its handlers, so each segment costs a token write per burst of events. New tokens therefore get
     * {@code processorSegments} segments (one by default: measured on two cores, a second segment per processor
     * cost command throughput and gained no projection lag). Two threads stay, so a token created with two
     * segments (before this default, or with the setting raised for a split deployment) is still processed
     * whole by one node: a thread processes one segment.
     */
    @Bean
    public ConfigurerModule trackingProcessorDefaults(EventStoreSettings settings) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(axon -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(2)
                        .andInitialSegmentsCount(settings.processorSegments())
                        .andBatchSize(settings.batchSize())));
    }
}
