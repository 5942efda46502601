package org.qinglian.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account and per address, forgotten a day after a key's last
 * failure. After {@code failuresBeforeLock} failures the key is locked for
 * {@code firstLock} (an address after {@code addressFailuresBeforeLock}); every further
 * run of failures doubles the lock, up to {@code longestLock}. A success clears the
 * account, not the address. The counts are kept in the database
 * ({@link JdbcSignInFailures}), so that every instance of the platform behind a load
 * balancer counts the same failures: spreading guesses over instances gains nothing.
 */
@Component
class SignInAttempts {

	/** How long a key's failures are remembered after the last. */
	static final Duration MEMORY = Duration.ofDays(1);

	record Failures(int count, int locks, Instant lockedUntil, Instant lastFailure) {
	}

	/** Where the failures are kept. */
	interface Store {

		Failures get(String key);

		/** Changes a key's failures atomically: {@code change} gets null for none. */
		Failures update(String key, UnaryOperator<Failures> change);

		void remove(String key);

	}

	private final Store store;

	private final SecuritySettings settings;

	private final Clock clock;

	@Autowired
	SignInAttempts(JdbcSignInFailures store, SecuritySettings settings, Clock clock) {
		this((Store) store, settings, clock);
	}

	SignInAttempts(Store store, SecuritySettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the account or the address is still locked; zero when it is not. */
	Duration locked(String username, String address) {
		Instant now = clock.instant();
		Instant until = Instant.MIN;
		for (String key : keys(username, address)) {
			Failures f = key == null ? null : store.get(key);
			if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(until)) {
				until = f.lockedUntil();
			}
		}
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	/** Counts a failure; returns the lock it caused, or zero. */
	Duration failed(String username, String address) {
		Duration caused = Duration.ZERO;
		Instant now = clock.instant();
		for (String key : keys(username, address)) {
			if (key == null) {
				continue;
			}
			int limit = key.startsWith("addr:") ? settings.addressFailuresBeforeLock() : settings.failuresBeforeLock();
			Duration[] lock = { Duration.ZERO };
			store.update(key, old -> {
				lock[0] = Duration.ZERO;
				Failures f = old == null || old.lastFailure().plus(MEMORY).isBefore(now) ? new Failures(1, 0, null, now)
						: new Failures(old.count() + 1, old.locks(), old.lockedUntil(), now);
				if (f.count() < limit) {
					return f;
				}
				long factor = 1L << Math.min(f.locks(), 20);
				Duration l = settings.firstLock().multipliedBy(factor);
				if (l.compareTo(settings.longestLock()) > 0) {
					l = settings.longestLock();
				}
				lock[0] = l;
				return new Failures(0, f.locks() + 1, now.plus(l), now);
			});
			if (lock[0].compareTo(caused) > 0) {
				caused = lock[0];
			}
		}
		return caused;
	}

	void succeeded(String username) {
		if (username != null) {
			store.remove("user:" + digest(username));
		}
	}

	/**
	 * The keys of an account and an address: hashed, so that a guessed name of any length
	 * is kept in a few bytes (and not as typed).
	 */
	private static String[] keys(String username, String address) {
		return new String[] { username == null ? null : "user:" + digest(username),
				address == null ? null : "addr:" + digest(address) };
	}

	private static String digest(String s) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(d, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
