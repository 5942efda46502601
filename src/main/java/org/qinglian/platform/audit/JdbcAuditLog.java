package org.qinglian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.qinglian.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log in {@code plt_audit_log}. Appends are serialised by a transaction-scoped
 * advisory lock so that each entry chains onto the one before it; the table refuses
 * updates and deletes by trigger.
 */
@Component
class JdbcAuditLog implements AuditLog {

	static final String GENESIS = "0".repeat(64);

	private static final long LOCK = 0x51_4C_41_55_44_49_54L;

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String targetType, String targetId, String regionCode, String detail) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, i) -> 1).list();
		var last = jdbc.sql("select seq, hash from plt_audit_log order by seq desc limit 1")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
		long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
		String prev = last.map(r -> (String) r[1]).orElse(GENESIS);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String actor = actor();
		String remote = remoteAddress();
		String hash = hash(seq, at, actor, action, targetType, targetId, regionCode, detail, remote, prev);
		jdbc.sql("""
				insert into plt_audit_log (seq, at, actor, action, target_type, target_id, region_code, detail,
				                           remote_addr, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, targetType, targetId, regionCode,
					detail, remote, prev, hash)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public Verification verify() {
		long[] count = { 0 };
		String[] prev = { GENESIS };
		Verification[] broken = { null };
		jdbc.sql("select * from plt_audit_log order by seq").query((ResultSet rs) -> {
			if (broken[0] != null) {
				return;
			}
			count[0]++;
			long seq = rs.getLong("seq");
			String expected = hash(rs, seq, prev[0]);
			if (!rs.getString("prev_hash").equals(prev[0])) {
				broken[0] = new Verification(count[0], seq, "its link to the previous entry is broken");
			}
			else if (!expected.equals(rs.getString("hash"))) {
				broken[0] = new Verification(count[0], seq, "its content does not match its hash");
			}
			prev[0] = rs.getString("hash");
		});
		return broken[0] != null ? broken[0] : new Verification(count[0], null, null);
	}

	private static String hash(ResultSet rs, long seq, String prev) throws SQLException {
		return hash(seq, rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
				rs.getString("region_code"), rs.getString("detail"), rs.getString("remote_addr"), prev);
	}

	static String hash(long seq, Instant at, String actor, String action, String targetType, String targetId,
			String regionCode, String detail, String remote, String prev) {
		StringBuilder sb = new StringBuilder();
		for (Object part : new Object[] { seq, at, actor, action, targetType, targetId, regionCode, detail, remote,
				prev }) {
			String s = part == null ? "" : part.toString();
			sb.append(s.length()).append(':').append(s).append('|');
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
			return auth.getName();
		}
		return "cli:" + System.getProperty("user.name", "unknown");
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
