package io.flipflop.allinone;

import io.flipflop.media.ingest.RtmpServer;
import io.flipflop.platform.mongo.MongoEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who just typed the run command where everything is. Printed once the HTTP port is bound,
 * so the URLs are real (the port may be random in tests).
 */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final MongoEndpoint mongo;
    private final RtmpServer rtmp;
    private final String publicUrl;
    private final String ingestUrl;

    StartupBanner(MongoEndpoint mongo, RtmpServer rtmp, @Value("${flipflop.public-url:}") String publicUrl,
                  @Value("${flipflop.ingest.ingest-url:rtmp://localhost:1935/live}") String ingestUrl) {
        this.mongo = mongo;
        this.rtmp = rtmp;
        this.publicUrl = publicUrl;
        this.ingestUrl = ingestUrl;
    }

    @EventListener
    void printUrls(ApplicationReadyEvent ready) {
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        String api = publicUrl.isBlank() ? "http://localhost:" + port : publicUrl;
        String storage = mongo.embedded() ? "embedded MongoDB-wire server at " + mongo.uri() : "MongoDB (MONGODB_URI)";
        log.info("""

                ==================================================================
                 FlipFlop is running (all-in-one, {})
                   API:      {}/v2   (OpenAPI UI: {}/swagger-ui.html)
                   Console:  {}/console/   (web page; its API is under /console/v1)
                   RTMP:     {}/{streamKey}   (listening on port {}; playback at /live/{videoRoomId}/index.m3u8)
                ==================================================================""",
                storage, api, api, api, ingestUrl, rtmp.port());
    }
}
