package org.qinglian.platform.cluster;

import java.time.Duration;
import java.time.Instant;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.audit.AuditSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The platform's scheduled jobs, each run by one instance at a time ({@link Jobs}):
 * <ul>
 * <li>{@code audit-checkpoint}: the audit log's head written to the checkpoint file (on
 * storage the instances share), while it moves;</li>
 * <li>{@code event-retries}: event publications that failed resubmitted, the first time
 * {@link ClusterSettings#eventRetryAfter()} after their publication, then after twice as
 * long each time (up to 64 times as long); and publications still published or in
 * processing {@link ClusterSettings#eventStuckAfter()} after they were published or last
 * resubmitted (their instance stopped while they waited or ran). This replaces the
 * resubmission of everything incomplete at every start, which on two instances would run
 * again what the other is running.</li>
 * </ul>
 * The jobs have a thread of their own, not a bean: a scheduler in the context would take
 * the place of the executor that runs the modules' event listeners.
 */
@Component
@Lazy(false)
class ClusterJobs implements SmartInitializingSingleton, DisposableBean {

	static final String AUDIT_CHECKPOINT = "audit-checkpoint";

	static final String EVENT_RETRIES = "event-retries";

	private final Jobs jobs;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final AuditLog audit;

	private final ObjectProvider<IncompleteEventPublications> incomplete;

	private final AuditSettings auditSettings;

	private final ClusterSettings settings;

	ClusterJobs(Jobs jobs, AuditLog audit, ObjectProvider<IncompleteEventPublications> incomplete,
			AuditSettings auditSettings, ClusterSettings settings) {
		this.jobs = jobs;
		this.scheduler.setPoolSize(1);
		this.scheduler.setThreadNamePrefix("jobs-");
		this.scheduler.setDaemon(true);
		this.scheduler.setWaitForTasksToCompleteOnShutdown(false);
		this.audit = audit;
		this.incomplete = incomplete;
		this.auditSettings = auditSettings;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		scheduler.initialize();
		every(auditSettings.checkpointInterval(), AUDIT_CHECKPOINT, audit::checkpoint);
		every(settings.eventRetryEvery(), EVENT_RETRIES, () -> incomplete
			.ifAvailable(publications -> publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
				.withFilter(p -> due(p, settings.eventRetryAfter(), settings.eventStuckAfter(), Instant.now())))));
	}

	/**
	 * Whether a publication is to be resubmitted now: failed, and not retried lately; or
	 * published or in processing for longer than any listener takes (its instance
	 * stopped).
	 */
	static boolean due(EventPublication publication, Duration after, Duration stuckAfter, Instant now) {
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		if (publication.getStatus() == EventPublication.Status.COMPLETED) {
			return false;
		}
		if (publication.getStatus() != EventPublication.Status.FAILED) {
			return !last.plus(stuckAfter).isAfter(now);
		}
		Duration wait = after.multipliedBy(1L << Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 6));
		return !last.plus(wait).isAfter(now);
	}

	@Override
	public void destroy() {
		scheduler.shutdown();
	}

	private void every(Duration period, String job, Runnable work) {
		// held at least a little less than the period: the next run, on whichever
		// instance, is not refused by this one's lock
		Duration atLeast = settings.lockAtLeast().compareTo(period) < 0 ? settings.lockAtLeast() : period.dividedBy(2);
		// held at most a little longer than the period, should this instance die while it
		// runs
		Duration atMost = period.plus(Duration.ofMinutes(5));
		scheduler.scheduleWithFixedDelay(() -> jobs.run(job, atLeast, atMost, work), Instant.now().plus(period),
				period);
	}

}
