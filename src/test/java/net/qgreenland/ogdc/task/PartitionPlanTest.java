package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cutting entries into partitions, and the cap on the number of partitions. */
class PartitionPlanTest {

    @ParameterizedTest(name = "{0} items, size {1}, at most {2}: size {3}, {4} partitions")
    @CsvSource({
        "5,        2,     10000, 2,     3",
        "3,        1000,  10000, 1000,  1",
        "1,        1,     1,     1,     1",
        "25,       1,     10,    3,     9",
        "10,       1,     10,    1,     10",
        "11,       1,     10,    2,     6",
        "10000000, 1,     10000, 1000,  10000",
        "10000001, 1000,  10000, 1001,  9991",
    })
    void theSizeIsRaisedOnlyWhenThereWouldBeTooManyPartitions(int items, int size, int max, int effective,
            int count) {
        PartitionPlan plan = PartitionPlan.of(items, size, max);

        assertThat(plan.size()).isEqualTo(effective);
        assertThat(plan.count()).isEqualTo(count).isLessThanOrEqualTo(max);
        assertThat(plan.raisedNote().isPresent()).isEqualTo(effective != size);
    }

    @Test
    void theNoteSaysWhyTheSizeWasRaised() {
        assertThat(PartitionPlan.of(25, 1, 10).raisedNote()).contains(
                "raising partition size from 1 to 3 so that 25 files make at most 10 partitions");
    }

    @Test
    void partitionsAreConsecutiveChunksWithAShortLastOne() {
        List<Integer> items = IntStream.range(0, 5).boxed().toList();
        PartitionPlan plan = PartitionPlan.of(5, 2, 10);

        assertThat(IntStream.range(0, plan.count()).mapToObj(id -> plan.partition(items, id)).toList())
                .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
    }
}
