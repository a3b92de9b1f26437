package io.flipflop.command.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.command.testsupport.AxonOnMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemberDirectoryTest {

    @RegisterExtension
    static final AxonOnMongo fixture = new AxonOnMongo();

    private MemberDirectory directory;

    @BeforeEach
    void setUp() {
        directory = new MemberDirectory(fixture.freshDatabase());
    }

    @Test
    void theFirstClaimWinsAndLaterOnesGetItsIds() {
        var first = directory.claim(7, "alice1", () -> new MemberDirectory.Entry(100, 101L));
        var second = directory.claim(7, "alice1", () -> new MemberDirectory.Entry(200, 201L));
        assertThat(first).isEqualTo(new MemberDirectory.Entry(100, 101L));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void concurrentFirstLoginsAllEndAtOneMember() throws Exception {
        int logins = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger nextId = new AtomicInteger(100);
        ExecutorService threads = Executors.newFixedThreadPool(logins);
        try {
            List<Future<MemberDirectory.Entry>> claims = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                Callable<MemberDirectory.Entry> claim = () -> {
                    start.await();
                    int id = nextId.getAndAdd(2);
                    return directory.claim(7, "alice1", () -> new MemberDirectory.Entry(id, id + 1L));
                };
                claims.add(threads.submit(claim));
            }
            start.countDown();
            for (Future<MemberDirectory.Entry> claim : claims) {
                assertThat(claim.get()).isEqualTo(directory.find(7, "alice1").orElseThrow());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void appUserIdsAreKeptPerApp() {
        directory.claim(7, "alice1", () -> new MemberDirectory.Entry(100, 101L));
        assertThat(directory.find(8, "alice1")).isEmpty();
    }

    @Test
    void aGuestEntryHasNoStreamKey() {
        directory.claim(7, "guest100", () -> new MemberDirectory.Entry(100, null));
        assertThat(directory.find(7, "guest100")).hasValueSatisfying(entry -> assertThat(entry.guest()).isTrue());
    }

    @Test
    void aReleaseFreesTheAppUserIdOnlyForTheMemberThatHeldIt() {
        directory.claim(7, "alice1", () -> new MemberDirectory.Entry(100, 101L));

        directory.release(7, "alice1", 999);
        assertThat(directory.find(7, "alice1")).isPresent();

        directory.release(7, "alice1", 100);
        assertThat(directory.find(7, "alice1")).isEmpty();
    }
}
