package org.qinglian.platform.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of the platform on one database share their scheduled work.
 *
 * @param eventRetryEvery how often incomplete event publications are looked for
 * @param eventRetryAfter how long after its publication a failed publication is first
 * resubmitted (then twice as long after each attempt)
 * @param eventStuckAfter how long a publication may stay published or in processing
 * before it is taken for lost with its instance and resubmitted: longer than any listener
 * runs
 * @param lockAtLeast how long a job's lock is held at least, so that another instance
 * whose clock is a little behind does not run the same job again at once
 */
@ConfigurationProperties("qinglian.jobs")
public record ClusterSettings(@DefaultValue("5m") Duration eventRetryEvery,
		@DefaultValue("10m") Duration eventRetryAfter, @DefaultValue("2h") Duration eventStuckAfter,
		@DefaultValue("30s") Duration lockAtLeast) {

}
