package org.qinglian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Locks: a short one first, then longer ones, each ending on time. */
class SignInAttemptsTests {

	static final class MovingClock extends Clock {

		Instant now = Instant.parse("2026-11-30T08:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	/** The failures in a map, as the database keeps them. */
	static final class MemoryStore implements SignInAttempts.Store {

		final Map<String, SignInAttempts.Failures> map = new HashMap<>();

		@Override
		public SignInAttempts.Failures get(String key) {
			return map.get(key);
		}

		@Override
		public SignInAttempts.Failures update(String key, UnaryOperator<SignInAttempts.Failures> change) {
			SignInAttempts.Failures now = change.apply(map.get(key));
			map.put(key, now);
			return now;
		}

		@Override
		public void remove(String key) {
			map.remove(key);
		}

	}

	@Test
	void aLockLastsAMinuteThenTwiceAsLongEachTimeUpToAnHour() {
		MovingClock clock = new MovingClock();
		SignInAttempts attempts = new SignInAttempts(new MemoryStore(),
				new SecuritySettings(Duration.ofHours(12), 5, 20, Duration.ofMinutes(1), Duration.ofHours(1)), clock);
		for (int i = 0; i < 4; i++) {
			assertThat(attempts.failed("zhang", "10.0.0.1")).isZero();
		}
		assertThat(attempts.failed("zhang", "10.0.0.1")).isEqualTo(Duration.ofMinutes(1));
		assertThat(attempts.locked("zhang", "10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
		assertThat(attempts.locked("li", "10.0.0.1")).as("the address is not locked yet").isZero();
		clock.now = clock.now.plusSeconds(61);
		assertThat(attempts.locked("zhang", "10.0.0.9")).as("the lock ends").isZero();
		for (int i = 0; i < 4; i++) {
			attempts.failed("zhang", "10.0.0.2");
		}
		assertThat(attempts.failed("zhang", "10.0.0.2")).as("the second lock is longer")
			.isEqualTo(Duration.ofMinutes(2));
		for (int run = 0; run < 10; run++) {
			clock.now = clock.now.plus(Duration.ofHours(2));
			for (int i = 0; i < 5; i++) {
				attempts.failed("zhang", "10.0.1." + run);
			}
		}
		assertThat(attempts.locked("zhang", null)).as("never longer than an hour").isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aSuccessClearsTheAccountButNotTheAddress() {
		MovingClock clock = new MovingClock();
		SignInAttempts attempts = new SignInAttempts(new MemoryStore(),
				new SecuritySettings(Duration.ofHours(12), 5, 3, Duration.ofMinutes(1), Duration.ofHours(1)), clock);
		attempts.failed("a", "10.0.0.5");
		attempts.failed("b", "10.0.0.5");
		attempts.succeeded("a");
		assertThat(attempts.failed("c", "10.0.0.5")).as("the address's third failure locks it")
			.isEqualTo(Duration.ofMinutes(1));
		assertThat(attempts.locked("a", null)).isZero();
	}

	@Test
	void failuresAreForgottenADayAfterTheLast() {
		MovingClock clock = new MovingClock();
		SignInAttempts attempts = new SignInAttempts(new MemoryStore(),
				new SecuritySettings(Duration.ofHours(12), 3, 20, Duration.ofMinutes(1), Duration.ofHours(1)), clock);
		attempts.failed("wang", null);
		attempts.failed("wang", null);
		clock.now = clock.now.plus(Duration.ofHours(25));
		assertThat(attempts.failed("wang", null)).as("the count began again").isZero();
		assertThat(attempts.failed("wang", null)).isZero();
		assertThat(attempts.failed("wang", null)).isEqualTo(Duration.ofMinutes(1));
	}

}
