package io.flipflop.command.user;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.platform.error.ApiException;
import java.util.Optional;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The set of console emails, {@code user_directory}: {@code {_id: lower-cased email, userId, passwordHash}}.
 * Uniqueness of an email spans all users, which no single aggregate can check, so the sign-up claims the email
 * here with an insert (unique {@code _id}) before the {@code UserAccount} exists; login reads it by {@code _id}.
 * Blocking (sync driver).
 */
@Component
public class UserDirectory {

    static final String COLLECTION = "user_directory";
    private static final String USER_ID = "userId";
    private static final String PASSWORD_HASH = "passwordHash";

    public record Entry(String email, long userId, String passwordHash) {
    }

    private final MongoCollection<Document> entries;

    public UserDirectory(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
    }

    /** Claims {@code entry.email()} for {@code entry.userId()}; 409 when another user has it. */
    public void claim(Entry entry) {
        try {
            entries.insertOne(new Document("_id", entry.email())
                    .append(USER_ID, entry.userId())
                    .append(PASSWORD_HASH, entry.passwordHash()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ApiException(HttpStatus.CONFLICT, "EMAIL_ALREADY_REGISTERED",
                        "This email already has a console account");
            }
            throw e;
        }
    }

    public Optional<Entry> find(String email) {
        return Optional.ofNullable(entries.find(eq("_id", email)).first())
                .map(doc -> new Entry(doc.getString("_id"), doc.getLong(USER_ID), doc.getString(PASSWORD_HASH)));
    }

    /** Gives the email back after a sign-up that failed, unless someone else holds it by now. */
    public void release(Entry entry) {
        entries.deleteOne(and(eq("_id", entry.email()), eq(USER_ID, entry.userId())));
    }
}
