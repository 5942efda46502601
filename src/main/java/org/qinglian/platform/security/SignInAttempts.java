package org.qinglian.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account and per address (Caffeine caches that forget a key a day
 * after its last failure). After {@code failuresBeforeLock} failures the key is locked
 * for {@code firstLock} (an address after {@code addressFailuresBeforeLock}); every
 * further run of failures doubles the lock, up to {@code longestLock}. A success clears
 * the account, not the address.
 */
@Component
class SignInAttempts {

	private record Failures(int count, int locks, Instant lockedUntil) {
	}

	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofDays(1))
		.maximumSize(100_000)
		.build();

	private final SecuritySettings settings;

	private final Clock clock;

	SignInAttempts(SecuritySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the account or the address is still locked; zero when it is not. */
	Duration locked(String username, String address) {
		Instant now = clock.instant();
		Instant until = Instant.MIN;
		for (String key : keys(username, address)) {
			Failures f = key == null ? null : failures.getIfPresent(key);
			if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(until)) {
				until = f.lockedUntil();
			}
		}
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	/** Counts a failure; returns the lock it caused, or zero. */
	Duration failed(String username, String address) {
		Duration caused = Duration.ZERO;
		for (String key : keys(username, address)) {
			if (key == null) {
				continue;
			}
			Failures f = failures.asMap()
				.merge(key, new Failures(1, 0, null),
						(old, one) -> new Failures(old.count() + 1, old.locks(), old.lockedUntil()));
			int limit = key.startsWith("addr:") ? settings.addressFailuresBeforeLock() : settings.failuresBeforeLock();
			if (f.count() >= limit) {
				long factor = 1L << Math.min(f.locks(), 20);
				Duration lock = settings.firstLock().multipliedBy(factor);
				if (lock.compareTo(settings.longestLock()) > 0) {
					lock = settings.longestLock();
				}
				failures.put(key, new Failures(0, f.locks() + 1, clock.instant().plus(lock)));
				if (lock.compareTo(caused) > 0) {
					caused = lock;
				}
			}
		}
		return caused;
	}

	void succeeded(String username) {
		if (username != null) {
			failures.invalidate("user:" + username);
		}
	}

	private static String[] keys(String username, String address) {
		return new String[] { username == null ? null : "user:" + username,
				address == null ? null : "addr:" + address };
	}

}
