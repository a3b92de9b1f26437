package io.flipflop.query.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.MemberView;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemberQueriesTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final AppRef APP_A = new AppRef(100, "ACTIVE", "Sporty");
    private static final AppRef APP_B = new AppRef(200, "ACTIVE", "Cooky");
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private final AtomicLong ids = new AtomicLong(1000);
    private MemberViewProjection projection;
    private MemberQueries queries;

    @BeforeEach
    void freshReadModel() {
        MongoDatabase database = databases.fresh();
        projection = new MemberViewProjection(database);
        queries = new MemberQueries(database, new AppQueries(database));
    }

    @Test
    void anAppNeverSeesAnotherAppsMembers() {
        register(APP_A, "alice", "Alice", 0);
        register(APP_A, "bob", "Bob", 1);
        register(APP_B, "carol", "Carol", 2);

        assertThat(appUserIds(list(APP_B, null, null, MemberSort.CREATED_AT_ASC, 0, 10))).containsExactly("carol");
        assertThat(list(APP_B, "alice", null, MemberSort.CREATED_AT_ASC, 0, 10).totalElements()).isZero();
        assertThat(list(APP_B, null, "Ali", MemberSort.CREATED_AT_ASC, 0, 10).totalElements()).isZero();
        assertThat(queries.find(APP_B, "alice").blockOptional()).isEmpty();
        assertThat(queries.find(APP_A, "carol").blockOptional()).isEmpty();
    }

    @Test
    void theSameAppUserIdInTwoAppsIsTwoMembers() {
        long inA = register(APP_A, "alice", "Alice of A", 0);
        long inB = register(APP_B, "alice", "Alice of B", 1);

        MemberView aliceOfA = queries.find(APP_A, "alice").block();
        MemberView aliceOfB = queries.find(APP_B, "alice").block();

        assertThat(inA).isNotEqualTo(inB);
        assertThat(aliceOfA.id()).isEqualTo(inA);
        assertThat(aliceOfA.appUserName()).isEqualTo("Alice of A");
        assertThat(aliceOfA.app()).isEqualTo(APP_A);
        assertThat(aliceOfB.id()).isEqualTo(inB);
        assertThat(aliceOfB.appUserName()).isEqualTo("Alice of B");
        assertThat(aliceOfB.app()).isEqualTo(APP_B);
        assertThat(queries.self(APP_A.id(), inA, "alice").block().id()).isEqualTo(inA);
        assertThat(queries.self(APP_A.id(), inB, "alice").blockOptional())
                .as("a member id of app B never opens app A's member").isEmpty();
    }

    @Test
    void pagesReportTheirPositionInTheWholeListing() {
        for (int i = 0; i < 25; i++) {
            register(APP_A, "user" + (char) ('a' + i), "User " + i, i);
        }

        PageResponse<MemberView> firstPage = list(APP_A, null, null, MemberSort.CREATED_AT_ASC, 0, 10);
        PageResponse<MemberView> lastPage = list(APP_A, null, null, MemberSort.CREATED_AT_ASC, 2, 10);
        PageResponse<MemberView> beyond = list(APP_A, null, null, MemberSort.CREATED_AT_ASC, 3, 10);

        assertThat(firstPage).extracting(PageResponse::totalElements, PageResponse::totalPages,
                        PageResponse::number, PageResponse::size, PageResponse::numberOfElements,
                        PageResponse::first, PageResponse::last, PageResponse::empty)
                .containsExactly(25L, 3, 0, 10, 10, true, false, false);
        assertThat(firstPage.pageable()).isEqualTo(new PageResponse.Pageable(0, 0, 10, true, false,
                new PageResponse.Sort(false, true, false)));
        assertThat(appUserIds(firstPage)).startsWith("usera", "userb").hasSize(10);
        assertThat(lastPage).extracting(PageResponse::number, PageResponse::numberOfElements, PageResponse::first,
                        PageResponse::last)
                .containsExactly(2, 5, false, true);
        assertThat(lastPage.pageable().offset()).isEqualTo(20);
        assertThat(appUserIds(lastPage)).containsExactly("useru", "userv", "userw", "userx", "usery");
        assertThat(beyond).extracting(PageResponse::numberOfElements, PageResponse::last, PageResponse::empty)
                .containsExactly(0, true, true);
    }

    @Test
    void sortByOrdersTheListing() {
        long carol = register(APP_A, "carol", "Carol", 0);
        register(APP_A, "alice", "Alice", 1);
        register(APP_A, "bob", "Bob", 2);
        projection.on(new MemberProfileUpdated(carol, APP_A.id(), new MemberProfile("Caroline", null, null, null,
                null)), 1, START.plusSeconds(60));

        assertThat(sortedBy(MemberSort.CREATED_AT_ASC)).containsExactly("carol", "alice", "bob");
        assertThat(sortedBy(MemberSort.CREATED_AT_DESC)).containsExactly("bob", "alice", "carol");
        assertThat(sortedBy(MemberSort.LAST_MODIFIED_AT_ASC)).containsExactly("alice", "bob", "carol");
        assertThat(sortedBy(MemberSort.LAST_MODIFIED_AT_DESC)).containsExactly("carol", "bob", "alice");
        assertThat(sortedBy(MemberSort.APP_USER_ID_ASC)).containsExactly("alice", "bob", "carol");
        assertThat(sortedBy(MemberSort.APP_USER_ID_DESC)).containsExactly("carol", "bob", "alice");
    }

    @Test
    void membersCreatedInTheSameMillisecondArePagedWithoutOverlap() {
        for (String appUserId : List.of("m1", "m2", "m3", "m4", "m5")) {
            register(APP_A, appUserId, appUserId, 0);
        }

        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pages.addAll(appUserIds(list(APP_A, null, null, MemberSort.CREATED_AT_DESC, page, 2)));
        }

        assertThat(pages).containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5");
    }

    @Test
    void appUserIdMatchesExactlyAndAppUserNameMatchesAnyPartInAnyCase() {
        register(APP_A, "alice", "Alice Liddell", 0);
        register(APP_A, "alicia", "Alicia Keys", 1);
        register(APP_A, "bob", "Bob (the builder)", 2);

        assertThat(appUserIds(list(APP_A, "alice", null, MemberSort.CREATED_AT_ASC, 0, 10)))
                .containsExactly("alice");
        assertThat(appUserIds(list(APP_A, null, "LI", MemberSort.CREATED_AT_ASC, 0, 10)))
                .containsExactly("alice", "alicia");
        assertThat(appUserIds(list(APP_A, null, "(the", MemberSort.CREATED_AT_ASC, 0, 10)))
                .as("the name is matched literally, not as a pattern").containsExactly("bob");
    }

    @Test
    void deletedMembersAreLeftOutOfTheListingAndItsCount() {
        register(APP_A, "alice", "Alice", 0);
        long bob = register(APP_A, "bob", "Bob", 1);
        projection.on(new MemberDeleted(bob, APP_A.id(), "bob"), 1, START.plusSeconds(60));

        PageResponse<MemberView> page = list(APP_A, null, null, MemberSort.CREATED_AT_ASC, 0, 10);

        assertThat(appUserIds(page)).containsExactly("alice");
        assertThat(page.totalElements()).isEqualTo(1);
    }

    private long register(AppRef app, String appUserId, String name, int secondsAfterStart) {
        long memberId = ids.incrementAndGet();
        projection.on(new MemberRegistered(memberId, app.id(), appUserId,
                new MemberProfile(name, null, null, null, null), false, null), 0, START.plusSeconds(secondsAfterStart));
        return memberId;
    }

    private PageResponse<MemberView> list(AppRef app, String appUserId, String appUserName, MemberSort sort,
                                          int page, int pageSize) {
        return queries.list(app, appUserId, appUserName, sort, Paging.of(page, pageSize)).block();
    }

    private List<String> sortedBy(MemberSort sort) {
        return appUserIds(list(APP_A, null, null, sort, 0, 10));
    }

    private static List<String> appUserIds(PageResponse<MemberView> page) {
        return page.content().stream().map(MemberView::appUserId).toList();
    }
}
