package io.flipflop.query.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static io.flipflop.query.readmodel.ReadModelWrites.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.flipflop.query.testsupport.TestDatabases;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * The stored value is changed behind the lookup's back here, which real read models never do, only to show when the
 * lookup reads it and when it answers from memory.
 */
class UnchangingLookupTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private MongoCollection<Document> stored;
    private UnchangingLookup<String> lookup;

    @BeforeEach
    void freshCollection() {
        stored = databases.fresh().getCollection("mappings");
        lookup = new UnchangingLookup<>(id -> Mono.from(stored.find(eq("_id", id)).first())
                .map(found -> found.getString("value")));
    }

    @Test
    void aFoundValueIsRememberedAndNotReadAgain() {
        store(1, "first");
        assertThat(lookup.get(1)).contains("first");

        store(1, "changed behind its back");

        assertThat(lookup.get(1)).contains("first");
    }

    @Test
    void aMissingValueIsNotRememberedSoItIsFoundOnceStored() {
        assertThat(lookup.get(2)).isEmpty();

        store(2, "stored later");

        assertThat(lookup.get(2)).contains("stored later");
    }

    @Test
    void aRememberedValueIsAnsweredWithoutReading() {
        lookup.remember(3, "just written");

        assertThat(lookup.get(3)).contains("just written");
    }

    @Test
    void forgetAllMakesTheNextLookupRead() {
        store(4, "before the reset");
        lookup.get(4);
        store(4, "after the reset");

        lookup.forgetAll();

        assertThat(lookup.get(4)).contains("after the reset");
    }

    private void store(long id, String value) {
        await(stored.updateOne(eq("_id", id), set("value", value), new UpdateOptions().upsert(true)));
    }
}
