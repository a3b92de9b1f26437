package io.flipflop.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flipflop.api.paging.PageResponse;
import io.flipflop.platform.error.ApiException;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void missingPageAndPageSizeReadAsTheFirstPageOfTen() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, 10));
    }

    @Test
    void outOfRangeValuesAreClampedLikeSpringData() {
        assertThat(Paging.of(-3, 0)).isEqualTo(new Paging(0, 10));
        assertThat(Paging.of(2, 1000)).isEqualTo(new Paging(2, 100));
    }

    @Test
    void anEmptyListingIsOneFirstAndLastPageWithNothingOnIt() {
        PageResponse<String> page = Paging.of(0, 10).toResponse(List.of(), 0);

        assertThat(page).extracting(PageResponse::totalPages, PageResponse::totalElements, PageResponse::first,
                        PageResponse::last, PageResponse::empty)
                .containsExactly(0, 0L, true, true, true);
    }

    @Test
    void aFullLastPageIsTheLast() {
        PageResponse<String> page = Paging.of(1, 2).toResponse(List.of("c", "d"), 4);

        assertThat(page).extracting(PageResponse::totalPages, PageResponse::number, PageResponse::first,
                        PageResponse::last)
                .containsExactly(2, 1, false, true);
    }

    @Test
    void sortByDefaultsWhenAbsentAndNamesAValue() {
        assertThat(Paging.sortBy(null, DayOfWeek.class, DayOfWeek.MONDAY)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(Paging.sortBy("FRIDAY", DayOfWeek.class, DayOfWeek.MONDAY)).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void anUnknownSortByIsRefusedWithInvalidSortBy() {
        assertThatThrownBy(() -> Paging.sortBy("friday", DayOfWeek.class, DayOfWeek.MONDAY))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(400);
                    assertThat(refused.errorCode()).isEqualTo("INVALID_SORT_BY");
                });
    }
}
