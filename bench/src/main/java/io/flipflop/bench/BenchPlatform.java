package io.flipflop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.flipflop.allinone.FlipFlopAllInOne;
import io.flipflop.platform.Platform;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in this JVM on the embedded server with the H2 file backend (as the run command uses it),
 * one console user and one app, and the App API calls the benchmarks share.
 */
final class BenchPlatform implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final List<BeanPostProcessor> observers = new ArrayList<>();
    private ConfigurableApplicationContext app;
    private String api;
    private String basic;
    private long appId;

    private BenchPlatform(Path dataDir) {
        Platform.noPhoningHome();
        this.server = EmbeddedMongoServer.onDisk(dataDir);
        this.client = MongoClients.create(server.connectionString());
    }

    /** The server and a driver on it, for a baseline measured before the platform starts; see {@link #start}. */
    static BenchPlatform onDisk(Path dataDir) {
        return new BenchPlatform(dataDir);
    }

    MongoClient client() {
        return client;
    }

    /** Lets a benchmark watch or wrap the platform's beans; before {@link #start}. */
    BenchPlatform observe(BeanPostProcessor observer) {
        observers.add(observer);
        return this;
    }

    /** Starts the platform (arguments as on the command line: they outrank application.yml) and creates the app. */
    BenchPlatform start(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--flipflop.mongodb.uri=" + server.connectionString(),
                "--logging.level.root=WARN"));
        all.addAll(List.of(arguments));
        app = new SpringApplicationBuilder(FlipFlopAllInOne.class)
                .initializers(context -> observers.forEach(context.getBeanFactory()::addBeanPostProcessor))
                .run(all.toArray(String[]::new));
        api = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        JsonNode session = post("/console/v1/signup", null,
                "{\"email\":\"bench@example.com\",\"password\":\"benchmark password\"}");
        JsonNode created = post("/console/v1/apps", "Bearer " + session.get("sessionToken").asText(),
                "{\"name\":\"Benchmark\"}");
        JsonNode credentials = created.get("credentials");
        appId = credentials.get("appId").asLong();
        basic = "Basic " + Base64.getEncoder().encodeToString((credentials.get("apiKey").asText() + ":"
                + credentials.get("apiSecret").asText()).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    ConfigurableApplicationContext app() {
        return app;
    }

    String api() {
        return api;
    }

    String basic() {
        return basic;
    }

    long appId() {
        return appId;
    }

    /** An App API POST with the app's credentials. */
    JsonNode post(String path, String body) throws Exception {
        return post(path, basic, body);
    }

    JsonNode post(String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", basic)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A read model answer, once the projection has caught up with the write before it. */
    JsonNode awaitJson(String path) throws Exception {
        while (true) {
            HttpResponse<String> response = send("GET", path, null);
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        Stream.<AutoCloseable>of(app, client, server).forEach(part -> {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
