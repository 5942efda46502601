package org.qinglian.intake.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;

import org.qinglian.intake.IntakeSettings;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public intake's rate limit per address: {@code qinglian.intake.rate-limit} reports
 * a minute, ten times that many follow-ups by receipt code (0: off). Addresses are held
 * in memory only, for the minute they count in, and are written nowhere.
 */
@Component
class RateLimit {

	private final int perMinute;

	private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(200_000)
		.build();

	RateLimit(IntakeSettings settings) {
		this.perMinute = settings.rateLimit();
	}

	/** Counts a report from the request's address; refuses it over the limit (429). */
	void report(HttpServletRequest request) {
		take("r:" + request.getRemoteAddr(), perMinute);
	}

	/** Counts a follow-up by receipt code (reading, a message, a rating). */
	void follow(HttpServletRequest request) {
		take("f:" + request.getRemoteAddr(), perMinute * 10);
	}

	private void take(String key, int limit) {
		if (perMinute == 0) {
			return;
		}
		if (counts.get(key, k -> new AtomicInteger()).incrementAndGet() > limit) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests from this address: try again in a minute");
		}
	}

}
