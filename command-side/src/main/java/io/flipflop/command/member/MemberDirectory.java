package io.flipflop.command.member;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which member an app's {@code appUserId} is, {@code member_directory}:
 * {@code {_id: appId + ":" + appUserId, memberId, streamKeyId}} ({@code streamKeyId} null for a guest).
 * An {@code appUserId} is unique per app, which no single aggregate can check, so the first login claims it
 * here with an insert (unique {@code _id}) before the member exists; of two concurrent first logins one insert
 * wins and the other uses the winner's ids, so both end up at the same member. Keyed by app, so an app can
 * only ever reach its own members. Blocking (sync driver).
 */
@Component
public class MemberDirectory {

    static final String COLLECTION = "member_directory";
    private static final String MEMBER_ID = "memberId";
    private static final String STREAM_KEY_ID = "streamKeyId";
    private static final int CLAIM_ATTEMPTS = 3;

    /** The ids of a member and of its stream key (null for a guest). */
    public record Entry(long memberId, Long streamKeyId) {

        public boolean guest() {
            return streamKeyId == null;
        }
    }

    private final MongoCollection<Document> entries;

    public MemberDirectory(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
    }

    public Optional<Entry> find(long appId, String appUserId) {
        return Optional.ofNullable(entries.find(eq("_id", key(appId, appUserId))).first())
                .map(doc -> new Entry(doc.getLong(MEMBER_ID), doc.getLong(STREAM_KEY_ID)));
    }

    /**
     * The entry of {@code appUserId}: the existing one, else {@code newEntry} once this call's insert wins.
     * {@code newEntry} is asked at most once, and only when there is no entry yet.
     */
    public Entry claim(long appId, String appUserId, Supplier<Entry> newEntry) {
        Entry candidate = null;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<Entry> holder = find(appId, appUserId);
            if (holder.isPresent()) {
                return holder.get();
            }
            if (candidate == null) {
                candidate = newEntry.get();
            }
            if (insertIfAbsent(key(appId, appUserId), candidate)) {
                return candidate;
            }
        }
        // only when the entry is released again and again between our insert and our read
        throw new IllegalStateException("Could not claim an appUserId of app " + appId);
    }

    /** Frees {@code appUserId} for a new member, unless it already names another one than {@code memberId}. */
    public void release(long appId, String appUserId, long memberId) {
        entries.deleteOne(and(eq("_id", key(appId, appUserId)), eq(MEMBER_ID, memberId)));
    }

    private boolean insertIfAbsent(String key, Entry entry) {
        try {
            entries.insertOne(new Document("_id", key)
                    .append(MEMBER_ID, entry.memberId())
                    .append(STREAM_KEY_ID, entry.streamKeyId()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static String key(long appId, String appUserId) {
        return appId + ":" + appUserId;
    }
}
