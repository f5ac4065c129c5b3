package dev.clickstream.listener.changelog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartitionStateTest {

	@Test
	void refusesToCountTheSameOffsetsTwice() {
		PartitionState state = PartitionState.empty(1).plus(Map.of("purchase", 1L), 5);

		assertThatIllegalArgumentException().isThrownBy(() -> state.plus(Map.of("purchase", 1L), 5))
			.withMessageContaining("partition 1 is counted up to offset 5");
	}

	@Test
	void isImmutable() {
		PartitionState before = PartitionState.empty(0).plus(Map.of("purchase", 1L), 1);
		before.plus(Map.of("purchase", 1L), 2);

		assertThat(before.counts()).isEqualTo(Map.of("purchase", 1L));
	}

}
