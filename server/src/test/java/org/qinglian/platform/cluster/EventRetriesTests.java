package org.qinglian.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.EventPublication;

/**
 * Which publications the event-retries job resubmits: failed ones, after a wait that
 * doubles with each attempt; ones stuck published or in processing for longer than any
 * listener runs; never completed ones nor ones still being worked on.
 */
class EventRetriesTests {

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	static final Duration AFTER = Duration.ofMinutes(10);

	static final Duration STUCK = Duration.ofHours(2);

	record Publication(EventPublication.Status status, Instant published, Instant lastResubmitted,
			int attempts) implements EventPublication {

		@Override
		public UUID getIdentifier() {
			return UUID.randomUUID();
		}

		@Override
		public Object getEvent() {
			return "event";
		}

		@Override
		public Instant getPublicationDate() {
			return published;
		}

		@Override
		public Optional<Instant> getCompletionDate() {
			return Optional.empty();
		}

		@Override
		public Status getStatus() {
			return status;
		}

		@Override
		public Instant getLastResubmissionDate() {
			return lastResubmitted;
		}

		@Override
		public int getCompletionAttempts() {
			return attempts;
		}

	}

	static boolean due(EventPublication.Status status, Duration age, Duration sinceRetry, int attempts) {
		return ClusterJobs.due(
				new Publication(status, NOW.minus(age), sinceRetry == null ? null : NOW.minus(sinceRetry), attempts),
				AFTER, STUCK, NOW);
	}

	@Test
	void aFailedPublicationIsRetriedAfterAWaitThatDoublesWithEachAttempt() {
		assertThat(due(EventPublication.Status.FAILED, Duration.ofMinutes(9), null, 1)).isFalse();
		assertThat(due(EventPublication.Status.FAILED, Duration.ofMinutes(10), null, 1)).isTrue();
		assertThat(due(EventPublication.Status.FAILED, Duration.ofHours(5), Duration.ofMinutes(15), 2)).isFalse();
		assertThat(due(EventPublication.Status.FAILED, Duration.ofHours(5), Duration.ofMinutes(20), 2)).isTrue();
		assertThat(due(EventPublication.Status.FAILED, Duration.ofDays(5), Duration.ofMinutes(639), 30))
			.as("the wait stops growing at 64 times")
			.isFalse();
		assertThat(due(EventPublication.Status.FAILED, Duration.ofDays(5), Duration.ofMinutes(640), 30)).isTrue();
	}

	@Test
	void aPublicationStillPublishedOrInProcessingIsRetriedOnlyWhenStuck() {
		for (EventPublication.Status s : new EventPublication.Status[] { EventPublication.Status.PUBLISHED,
				EventPublication.Status.PROCESSING, EventPublication.Status.RESUBMITTED }) {
			assertThat(due(s, Duration.ofMinutes(119), null, 0)).as("%s, running", s).isFalse();
			assertThat(due(s, Duration.ofHours(2), null, 0)).as("%s, stuck", s).isTrue();
			assertThat(due(s, Duration.ofHours(5), Duration.ofMinutes(30), 1)).as("%s, resubmitted lately", s)
				.isFalse();
		}
		assertThat(due(EventPublication.Status.COMPLETED, Duration.ofDays(9), null, 1)).isFalse();
	}

}
