package org.qinglian.platform.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.qinglian.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scopes;
import org.qinglian.platform.crypto.Keysets;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log in {@code plt_audit_log}. Appends are serialised by a transaction-scoped
 * advisory lock so that each entry chains onto the one before it. The application's
 * database role may only insert into and read the table; each entry's MAC (Tink,
 * HMAC-SHA256, keyed outside the database) covers its {@linkplain AuditEncoding canonical
 * encoding} and the previous MAC; checkpoints of the head go to a file outside the
 * database at intervals (the platform's {@code audit-checkpoint} job, on one instance at
 * a time) and at shutdown.
 */
@Component
@Lazy(false)
@DependsOnDatabaseInitialization
class JdbcAuditLog implements AuditLog {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

	private static final long LOCK = 0x51_4C_41_55_44_49_54L;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Keysets keys;

	private final Scopes scopes;

	private final TransactionTemplate newTransaction;

	private final AuditCheckpoints checkpoints;

	private long checkpointed = -1;

	JdbcAuditLog(JdbcClient jdbc, Clock clock, Keysets keys, Scopes scopes, PlatformTransactionManager transactions,
			AuditSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
		this.scopes = scopes;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.checkpoints = new AuditCheckpoints(settings.checkpointDir());
		jdbc.sql(
				"insert into plt_installation (id) select gen_random_uuid() where not exists (select 1 from plt_installation)")
			.update();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String targetType, String targetId, String regionCode, String detail) {
		append(action, targetType, targetId, regionCode, detail);
	}

	@Override
	public void recordNow(String action, String targetType, String targetId, String regionCode, String detail) {
		newTransaction.executeWithoutResult(s -> append(action, targetType, targetId, regionCode, detail));
	}

	@Override
	public void recordAs(String actor, String action, String targetType, String targetId, String regionCode,
			String detail) {
		newTransaction.executeWithoutResult(s -> append(actor, action, targetType, targetId, regionCode, detail));
	}

	private void append(String action, String targetType, String targetId, String regionCode, String detail) {
		append(actor(), action, targetType, targetId, regionCode, detail);
	}

	private void append(String actor, String action, String targetType, String targetId, String regionCode,
			String detail) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, i) -> 1).list();
		var last = jdbc.sql("select seq, mac from plt_audit_log order by seq desc limit 1")
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional();
		long seq = last.map(h -> h.seq() + 1).orElse(1L);
		String previous = last.map(Head::mac).orElse(null);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String remote = remoteAddress();
		String mac = mac(AuditEncoding.entry(seq, at, actor, action, targetType, targetId, regionCode, detail, remote,
				previous));
		if (seq == 1 && TransactionSynchronizationManager.isSynchronizationActive()) {
			// the first checkpoint as soon as there is a head, so that a log is never
			// without one
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checkpointQuietly();
				}
			});
		}
		jdbc.sql("""
				insert into plt_audit_log (seq, at, actor, action, target_type, target_id, region_code, detail,
				                           remote_addr, mac)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, action, targetType, targetId, regionCode,
					detail, remote, mac)
			.update();
	}

	private record Head(long seq, String mac) {
	}

	private String mac(byte[] encoded) {
		try {
			return Base64.getEncoder().encodeToString(keys.audit().computeMac(encoded));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Which installation this database is (a restore brings its own). */
	private String installation() {
		return jdbc.sql("select id::text from plt_installation").query(String.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public Verification verify() {
		String installation = installation();
		List<AuditCheckpoints.Checkpoint> marks = checkpoints.read(keys.audit());
		Map<Long, String> macAt = new HashMap<>();
		for (AuditCheckpoints.Checkpoint c : marks) {
			if (c.authentic()) {
				macAt.put(c.seq(), null);
			}
		}
		long[] count = { 0 };
		String[] previous = { null };
		Verification[] broken = { null };
		jdbc.sql("select * from plt_audit_log order by seq").query((ResultSet rs) -> {
			if (broken[0] != null) {
				return;
			}
			long seq = rs.getLong("seq");
			long expected = count[0] + 1;
			if (seq != expected) {
				broken[0] = new Verification(count[0], 0, expected,
						"entry " + expected + " is missing: the log goes from entry " + count[0] + " to entry " + seq);
				return;
			}
			count[0]++;
			String mac = rs.getString("mac");
			byte[] encoded = AuditEncoding.entry(seq, rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
					rs.getString("target_id"), rs.getString("region_code"), rs.getString("detail"),
					rs.getString("remote_addr"), previous[0]);
			try {
				keys.audit().verifyMac(Base64.getDecoder().decode(mac), encoded);
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				broken[0] = new Verification(count[0], 0, seq,
						"its content, or its place in the chain, does not match its MAC");
				return;
			}
			if (macAt.containsKey(seq)) {
				macAt.put(seq, mac);
			}
			previous[0] = mac;
		});
		if (broken[0] != null) {
			return broken[0];
		}
		long entries = count[0];
		if (entries > 0 && marks.isEmpty()) {
			return new Verification(entries, 0, entries + 1, "there is no checkpoint in " + checkpoints.file()
					+ ": the newest entries cannot be checked (was the file removed?)");
		}
		for (AuditCheckpoints.Checkpoint c : marks) {
			String where = "checkpoint line " + c.line() + " of " + checkpoints.file();
			if (!c.authentic()) {
				return new Verification(entries, marks.size(), entries + 1,
						where + " is not authentic (damaged, or written without the audit key)");
			}
			if (!c.installation().equals(installation)) {
				return new Verification(entries, marks.size(), entries + 1,
						where + " belongs to another installation (" + c.installation() + ")");
			}
			if (c.seq() > entries) {
				return new Verification(entries, marks.size(), entries + 1,
						"the log ends at entry " + entries + ", but the checkpoint of " + c.at() + " counted " + c.seq()
								+ " entries: entries " + (entries + 1) + " to " + c.seq() + " are missing");
			}
			if (!c.headMac().equals(macAt.get(c.seq()))) {
				return new Verification(entries, marks.size(), c.seq(),
						"the entry differs from the checkpoint of " + c.at());
			}
		}
		return new Verification(entries, marks.size(), null, null);
	}

	@Override
	public synchronized void checkpoint() {
		var head = jdbc.sql("select seq, mac from plt_audit_log order by seq desc limit 1")
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional();
		if (head.isEmpty() || head.get().seq() == checkpointed) {
			return;
		}
		boolean began = jdbc.sql("select exists (select 1 from plt_setting where key = 'audit_checkpoints_began')")
			.query(Boolean.class)
			.single();
		if (began && !Files.exists(checkpoints.file())) {
			// a file that held checkpoints is gone: starting a new one would hide what it
			// proved
			log.error("The audit checkpoints {} are gone: no new checkpoint is written until they are restored; "
					+ "'audit verify' reports the log as broken", checkpoints.file());
			return;
		}
		checkpoints.append(keys.audit(), installation(), head.get().seq(), head.get().mac(), clock.instant());
		if (!began) {
			jdbc.sql(
					"insert into plt_setting (key, value) values ('audit_checkpoints_began', ?) on conflict do nothing")
				.param(Long.toString(head.get().seq()))
				.update();
		}
		checkpointed = head.get().seq();
	}

	@Override
	public Path checkpointFile() {
		return checkpoints.file();
	}

	private void checkpointQuietly() {
		try {
			checkpoint();
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the audit checkpoint: {}", ex.getMessage());
		}
	}

	@PreDestroy
	void close() {
		checkpointQuietly();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entry> search(Filter filter) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_AUDIT);
		StringBuilder sql = new StringBuilder("""
				select seq, at, actor, action, target_type, target_id, region_code, detail, remote_addr
				from plt_audit_log where true""");
		List<Object> params = new ArrayList<>();
		if (!scope.regionCode().endsWith("000000")) {
			// below the county, the entries of the user's subtree only (no sign-ins,
			// imports or
			// users of the county)
			sql.append(" and region_code like ?");
			params.add(scope.pattern());
		}
		if (filter.actor() != null) {
			sql.append(" and actor = ?");
			params.add(filter.actor());
		}
		if (filter.action() != null) {
			sql.append(" and action = ?");
			params.add(filter.action());
		}
		if (filter.target() != null) {
			sql.append(" and (target_id = ? or target_type = ?)");
			params.add(filter.target());
			params.add(filter.target());
		}
		if (filter.from() != null) {
			sql.append(" and at >= ?");
			params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			sql.append(" and at < ?");
			params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
		}
		sql.append(" order by seq desc limit ?");
		params.add(Math.max(1, Math.min(filter.limit(), 1000)));
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, i) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9)))
			.list();
	}

	private static String actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
			return auth.getName();
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			return "anonymous";
		}
		return "os:" + OperatingSystemAccount.name();
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
