package io.dddpersistence.outbox;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@Test
	void withoutJitterTheDelayGrowsExponentiallyUpToTheCap() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0);
		assertThat(backoff.delayMillis(1)).isEqualTo(1000);
		assertThat(backoff.delayMillis(2)).isEqualTo(2000);
		assertThat(backoff.delayMillis(4)).isEqualTo(8000);
		assertThat(backoff.delayMillis(5)).isEqualTo(10_000);
		assertThat(backoff.delayMillis(60)).isEqualTo(10_000);
	}

	@Test
	void jitterDrawsEachDelayBelowTheExponentialOneByAtMostItsFraction() {
		Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.5);
		for (int i = 0; i < 1000; i++) {
			assertThat(backoff.delayMillis(3)).isBetween(2000L, 4000L);
		}
	}

}
