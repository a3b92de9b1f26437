package io.flipflop.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Sorts;
import io.flipflop.query.member.MemberSort;
import io.flipflop.query.streamkey.StreamKeySort;
import io.flipflop.query.videoroom.VideoRoomSort;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SortByTest {

    private enum Example implements SortBy {
        CREATED_AT_ASC,
        LAST_MODIFIED_AT_DESC,
        APP_USER_ID_ASC,
        UNORDERED
    }

    @Test
    void aValueNamesItsFieldAndDirection() {
        assertThat(Example.CREATED_AT_ASC.field()).isEqualTo("createdAt");
        assertThat(Example.CREATED_AT_ASC.ascending()).isTrue();
        assertThat(Example.LAST_MODIFIED_AT_DESC.field()).isEqualTo("lastModifiedAt");
        assertThat(Example.LAST_MODIFIED_AT_DESC.ascending()).isFalse();
        assertThat(Example.APP_USER_ID_ASC.field()).isEqualTo("appUserId");
    }

    @Test
    void tiesAreBrokenById() {
        assertThat(Example.CREATED_AT_ASC.toBson().toBsonDocument())
                .isEqualTo(Sorts.ascending("createdAt", "_id").toBsonDocument());
        assertThat(Example.LAST_MODIFIED_AT_DESC.toBson().toBsonDocument())
                .isEqualTo(Sorts.descending("lastModifiedAt", "_id").toBsonDocument());
    }

    @Test
    void aValueWithoutDirectionIsAMistake() {
        assertThatThrownBy(Example.UNORDERED::ascending).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyListingSortsByFieldsItsDocumentsHave() {
        assertThat(Stream.<SortBy[]>of(MemberSort.values(), StreamKeySort.values(), VideoRoomSort.values())
                .flatMap(Arrays::stream).map(SortBy::field).distinct())
                .containsExactlyInAnyOrder("createdAt", "lastModifiedAt", "appUserId");
    }
}
