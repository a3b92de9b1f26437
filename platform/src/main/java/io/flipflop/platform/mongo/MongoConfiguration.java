package io.flipflop.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Both MongoDB drivers over one connection string: the synchronous one for the event store and token store
 * (Axon's storage API is blocking and runs off the event loop), the reactive one for read models and HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoSettings.class)
public class MongoConfiguration {

    /** The embedded server when no URI is configured, else nothing to start. */
    @Bean(destroyMethod = "close")
    public MongoEndpoint mongoEndpoint(MongoSettings settings) {
        if (!settings.embedded()) {
            return new MongoEndpoint(settings.uri(), null);
        }
        EmbeddedMongoServer server = settings.inMemory()
                ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.onDisk(settings.dataDir());
        return new MongoEndpoint(server.connectionString(), server);
    }

    @Bean
    public MongoClientSettings mongoClientSettings(MongoEndpoint endpoint) {
        return MongoClientSettings.builder().applyConnectionString(new ConnectionString(endpoint.uri())).build();
    }

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(MongoClientSettings clientSettings) {
        return MongoClients.create(clientSettings);
    }

    @Bean(destroyMethod = "close")
    public com.mongodb.reactivestreams.client.MongoClient reactiveMongoClient(MongoClientSettings clientSettings) {
        return com.mongodb.reactivestreams.client.MongoClients.create(clientSettings);
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }

    @Bean
    public com.mongodb.reactivestreams.client.MongoDatabase reactiveMongoDatabase(
            com.mongodb.reactivestreams.client.MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }
}
