package org.qinglian.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The intake's settings.
 *
 * @param rateLimit reports a minute one address may submit through the public form and
 * API (0: no limit, for a load test); following a report by its receipt code is allowed
 * ten times as often
 * @param receiptIterations PBKDF2 iterations of a receipt code's stored hash
 * @param maxFileBytes the largest attachment accepted
 * @param maxFiles attachments a report or message may carry
 */
@ConfigurationProperties("qinglian.intake")
public record IntakeSettings(@DefaultValue("5") int rateLimit, @DefaultValue("2000") int receiptIterations,
		@DefaultValue("5242880") int maxFileBytes, @DefaultValue("5") int maxFiles) {

	public IntakeSettings {
		if (rateLimit < 0) {
			throw new IllegalArgumentException("qinglian.intake.rate-limit must be 0 (off) or more, not " + rateLimit);
		}
		if (receiptIterations < 1000) {
			throw new IllegalArgumentException(
					"qinglian.intake.receipt-iterations must be at least 1000, not " + receiptIterations);
		}
	}

}
