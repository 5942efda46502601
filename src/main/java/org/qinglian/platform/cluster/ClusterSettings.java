package org.qinglian.platform.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of the platform on one database share their scheduled work.
 *
 * @param eventRetryEvery how often incomplete event publications are looked for
 * @param eventRetryAfter how old an incomplete publication must be before it is
 * resubmitted (its listener failed, or its instance stopped while it ran)
 * @param lockAtLeast how long a job's lock is held at least, so that another instance
 * whose clock is a little behind does not run the same job again at once
 */
@ConfigurationProperties("qinglian.jobs")
public record ClusterSettings(@DefaultValue("5m") Duration eventRetryEvery,
		@DefaultValue("10m") Duration eventRetryAfter, @DefaultValue("30s") Duration lockAtLeast) {

}
