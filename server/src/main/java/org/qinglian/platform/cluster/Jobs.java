package org.qinglian.platform.cluster;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one instance at a time (ShedLock's lock in the database) and
 * records each run in {@code plt_job_run}: an instance that finds the job locked by
 * another skips it.
 */
@Component
class Jobs {

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	/** This instance, as the runs name it: process id and host. */
	static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

	private final LockingTaskExecutor locks;

	private final JdbcClient jdbc;

	private final Clock clock;

	Jobs(LockingTaskExecutor locks, JdbcClient jdbc, Clock clock) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs the job here unless another instance holds its lock.
	 * @param atMost how long the lock is held should this instance die while it runs
	 * @return whether it ran here
	 */
	boolean run(String job, Duration atLeast, Duration atMost, Runnable work) {
		try {
			TaskResult<Boolean> result = locks.executeWithLock(() -> {
				long run = jdbc
					.sql("insert into plt_job_run (job, instance, started_at) values (?, ?, ?) returning run_id")
					.params(job, INSTANCE, Timestamp.from(clock.instant()))
					.query(Long.class)
					.single();
				String outcome = "done";
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					outcome = "failed: " + ex.getMessage();
					log.warn("The job {} failed: {}", job, ex.getMessage(), ex);
				}
				jdbc.sql("update plt_job_run set finished_at = ?, outcome = ? where run_id = ?")
					.params(Timestamp.from(clock.instant()), outcome, run)
					.update();
				return true;
			}, new LockConfiguration(Instant.now(), job, atMost.compareTo(atLeast) < 0 ? atLeast : atMost, atLeast));
			return result.wasExecuted();
		}
		catch (Throwable ex) {
			log.warn("The job {} could not run: {}", job, ex.getMessage());
			return false;
		}
	}

}
