package io.flipflop.query;

import io.flipflop.platform.Platform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Runs the query-side alone, against the MongoDB given by {@code MONGODB_URI} (the split deployment). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySide.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        Platform.noPhoningHome();
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
