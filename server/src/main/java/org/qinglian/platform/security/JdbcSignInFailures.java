package org.qinglian.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.UnaryOperator;

import org.qinglian.platform.security.SignInAttempts.Failures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failed sign-ins in {@code plt_sign_in_failure}, one row a key, changed under the
 * row's lock in a transaction of its own (a failed sign-in rolls nothing else back, and
 * is not rolled back with anything). Keys not failed for a day are deleted as new
 * failures come.
 */
@Component
class JdbcSignInFailures implements SignInAttempts.Store {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	JdbcSignInFailures(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public Failures get(String key) {
		return jdbc.sql("select count, locks, locked_until, last_failure from plt_sign_in_failure where key = ?")
			.param(key)
			.query((rs, i) -> failures(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3), rs.getTimestamp(4)))
			.optional()
			.orElse(null);
	}

	@Override
	public Failures update(String key, UnaryOperator<Failures> change) {
		return tx.execute(status -> {
			jdbc.sql("insert into plt_sign_in_failure (key, count, locks, last_failure) values (?, 0, 0, ?) "
					+ "on conflict (key) do nothing")
				.params(key, Timestamp.from(clock.instant()))
				.update();
			Failures old = jdbc.sql(
					"select count, locks, locked_until, last_failure from plt_sign_in_failure where key = ? for update")
				.param(key)
				.query((rs, i) -> rs.getInt(1) == 0 && rs.getInt(2) == 0 && rs.getTimestamp(3) == null ? null
						: failures(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3), rs.getTimestamp(4)))
				.optional()
				.orElse(null);
			Failures now = change.apply(old);
			jdbc.sql("update plt_sign_in_failure set count = ?, locks = ?, locked_until = ?, last_failure = ? "
					+ "where key = ?")
				.params(now.count(), now.locks(), now.lockedUntil() == null ? null : Timestamp.from(now.lockedUntil()),
						Timestamp.from(now.lastFailure()), key)
				.update();
			jdbc.sql("delete from plt_sign_in_failure where last_failure < ?")
				.param(Timestamp.from(clock.instant().minus(SignInAttempts.MEMORY)))
				.update();
			return now;
		});
	}

	@Override
	public void remove(String key) {
		jdbc.sql("delete from plt_sign_in_failure where key = ?").param(key).update();
	}

	private static Failures failures(int count, int locks, Timestamp lockedUntil, Timestamp lastFailure) {
		return new Failures(count, locks, lockedUntil == null ? null : lockedUntil.toInstant(),
				lastFailure.toInstant());
	}

}
