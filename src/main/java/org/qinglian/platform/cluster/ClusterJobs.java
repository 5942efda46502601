package org.qinglian.platform.cluster;

import java.time.Duration;
import java.time.Instant;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.audit.AuditSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The platform's scheduled jobs, each run by one instance at a time ({@link Jobs}):
 * <ul>
 * <li>{@code audit-checkpoint}: the audit log's head written to the checkpoint file (on
 * storage the instances share), while it moves;</li>
 * <li>{@code event-retries}: event publications left incomplete (their listener failed,
 * or the instance that ran it stopped) resubmitted once they are
 * {@link ClusterSettings#eventRetryAfter()} old. This replaces the resubmission of
 * everything incomplete at every start, which on two instances would run again what the
 * other is running.</li>
 * </ul>
 */
@Component
class ClusterJobs implements SmartInitializingSingleton {

	static final String AUDIT_CHECKPOINT = "audit-checkpoint";

	static final String EVENT_RETRIES = "event-retries";

	private final Jobs jobs;

	private final ThreadPoolTaskScheduler scheduler;

	private final AuditLog audit;

	private final ObjectProvider<IncompleteEventPublications> incomplete;

	private final AuditSettings auditSettings;

	private final ClusterSettings settings;

	ClusterJobs(Jobs jobs, ThreadPoolTaskScheduler jobScheduler, AuditLog audit,
			ObjectProvider<IncompleteEventPublications> incomplete, AuditSettings auditSettings,
			ClusterSettings settings) {
		this.jobs = jobs;
		this.scheduler = jobScheduler;
		this.audit = audit;
		this.incomplete = incomplete;
		this.auditSettings = auditSettings;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		every(auditSettings.checkpointInterval(), AUDIT_CHECKPOINT, audit::checkpoint);
		every(settings.eventRetryEvery(), EVENT_RETRIES, () -> incomplete.ifAvailable(
				publications -> publications.resubmitIncompletePublicationsOlderThan(settings.eventRetryAfter())));
	}

	private void every(Duration period, String job, Runnable work) {
		// held at least a little less than the period: the next run, on whichever
		// instance, is not refused by this one's lock
		Duration atLeast = settings.lockAtLeast().compareTo(period) < 0 ? settings.lockAtLeast() : period.dividedBy(2);
		Duration atMost = period.multipliedBy(10).plus(Duration.ofMinutes(10));
		scheduler.scheduleWithFixedDelay(() -> jobs.run(job, atLeast, atMost, work), Instant.now().plus(period),
				period);
	}

}
