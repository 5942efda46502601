package org.qinglian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.db.EmbeddedDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The audit log as an attacker with the database's own rights would try it: every change
 * is found, because the MACs need a key that is not in the database and the checkpoints
 * are outside it.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditChainTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	AuditSettings settings;

	@Autowired
	PlatformTransactionManager transactions;

	Connection superuser;

	@BeforeEach
	void fiveEntries() throws Exception {
		for (int i = 1; i <= 5; i++) {
			audit.record("view_person", "person", "P" + i, "330683101201", "test " + i);
		}
		superuser = database.server().superuserConnection("qinglian");
	}

	@AfterEach
	void close() throws Exception {
		superuser.close();
	}

	private void asSuperuser(String... sql) throws Exception {
		try (Statement st = superuser.createStatement()) {
			st.execute("alter table plt_audit_log disable trigger plt_audit_log_no_update");
			for (String s : sql) {
				st.execute(s);
			}
			st.execute("alter table plt_audit_log enable trigger plt_audit_log_no_update");
		}
	}

	@Test
	void anIntactLogVerifies() {
		audit.checkpoint();
		AuditLog.Verification v = audit.verify();
		assertThat(v.intact()).as(v.reason()).isTrue();
		assertThat(v.entries()).isEqualTo(5);
		assertThat(v.checkpoints()).as("the first entry's and this one").isEqualTo(2);
	}

	@Test
	void theApplicationsRoleCannotChangeTheLog() {
		for (String sql : List.of("update plt_audit_log set detail = 'x' where seq = 3",
				"delete from plt_audit_log where seq = 5", "truncate plt_audit_log",
				"alter table plt_audit_log disable trigger plt_audit_log_no_update", "drop table plt_audit_log",
				"select plt_drop_keys('plt_audit_log')", "select plt_analyze('plt_user')")) {
			assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
				.rootCause()
				.hasMessageMatching("(?s).*(permission denied|must be owner|not a data table).*");
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void theOwnersFunctionsRunNothingTheApplicationsRoleSlipsThem() throws Exception {
		// as the application's role: a temporary table named like the owner's work table,
		// holding a statement that would empty the audit log, then the function that
		// reads it
		TransactionTemplate tx = new TransactionTemplate(transactions);
		try {
			tx.executeWithoutResult(status -> {
				jdbc.sql("create temp table plt_dropped_key (table_name text, ord int, ddl text)").update();
				jdbc.sql("grant all on plt_dropped_key to public").update();
				jdbc.sql("insert into plt_dropped_key values ('jur_person', 0, "
						+ "'alter table plt_audit_log disable trigger plt_audit_log_no_update')")
					.update();
				jdbc.sql("insert into plt_dropped_key values ('jur_person', 1, 'delete from plt_audit_log')").update();
				jdbc.sql("select plt_restore_keys('jur_person')").query((rs, i) -> 1).list();
			});
		}
		catch (RuntimeException ex) {
			// refused is as good as ignored
		}
		assertThat(jdbc.sql("select count(*) from plt_audit_log").query(Long.class).single()).isEqualTo(5);
		try (Statement st = superuser.createStatement();
				var rs = st.executeQuery("select tgenabled from pg_trigger where tgname = 'plt_audit_log_no_update'")) {
			rs.next();
			assertThat(rs.getString(1)).as("the trigger is still enabled").isEqualTo("O");
		}
		// every function that runs as the owner searches the caller's temporary schema
		// last
		List<String> configs = jdbc.sql("""
				select p.proname || ' ' || coalesce(array_to_string(p.proconfig, ','), '') from pg_proc p
				where p.prosecdef and p.pronamespace = 'public'::regnamespace""").query(String.class).list();
		assertThat(configs).hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy(c -> assertThat(c).contains("search_path=pg_catalog, pg_temp"));
		assertThatThrownBy(() -> jdbc
			.sql("create function public.format(text, text) returns text language sql as " + "'select 1::text'")
			.update()).as("nothing of the application's role in the schema")
			.rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void anEditedEntryIsNamed() throws Exception {
		asSuperuser("update plt_audit_log set detail = 'rewritten' where seq = 3");
		AuditLog.Verification v = audit.verify();
		assertThat(v.firstBroken()).isEqualTo(3);
		assertThat(v.reason()).contains("does not match its MAC");
	}

	@Test
	void nullAndTheEmptyStringAreDifferentEntries() throws Exception {
		audit.record("view_person", "person", "P6", null, null);
		assertThat(jdbc.sql("select detail is null from plt_audit_log where seq = 6").query(Boolean.class).single())
			.isTrue();
		asSuperuser("update plt_audit_log set detail = '' where seq = 6");
		assertThat(audit.verify().firstBroken()).isEqualTo(6);
	}

	@Test
	void aSwappedPairOfEntriesIsFound() throws Exception {
		asSuperuser("update plt_audit_log set seq = -2 where seq = 2", "update plt_audit_log set seq = 2 where seq = 3",
				"update plt_audit_log set seq = 3 where seq = -2");
		assertThat(audit.verify().firstBroken()).isEqualTo(2);
	}

	@Test
	void anEntryInsertedWithACopiedMacIsFound() throws Exception {
		asSuperuser("update plt_audit_log set seq = -seq - 1 where seq >= 4",
				"update plt_audit_log set seq = -seq where seq < 0",
				"insert into plt_audit_log select 4, at, actor, 'dismiss_finding', target_type, target_id, region_code,"
						+ " detail, remote_addr, mac from plt_audit_log where seq = 3");
		assertThat(audit.verify().firstBroken()).isEqualTo(4);
	}

	@Test
	void aDeletedEntryInTheMiddleIsNamed() throws Exception {
		asSuperuser("delete from plt_audit_log where seq = 3");
		AuditLog.Verification v = audit.verify();
		assertThat(v.firstBroken()).isEqualTo(3);
		assertThat(v.reason()).contains("entry 3 is missing");
	}

	@Test
	void aTruncatedTailIsFoundByTheCheckpoint() throws Exception {
		audit.checkpoint();
		asSuperuser("delete from plt_audit_log where seq >= 4");
		AuditLog.Verification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBroken()).isEqualTo(4);
		assertThat(v.reason()).contains("entries 4 to 5 are missing");
	}

	@Test
	void aRewrittenLogDoesNotReachTheCheckpoint() throws Exception {
		audit.checkpoint();
		// a log truncated and written again with as many entries: the MACs cannot be
		// made without the key, so the attacker copies old ones
		asSuperuser("update plt_audit_log set detail = 'other' , mac = (select mac from plt_audit_log where seq = 1)"
				+ " where seq = 5");
		assertThat(audit.verify().firstBroken()).isEqualTo(5);
	}

	@Test
	void aRemovedCheckpointFileIsFound() throws Exception {
		audit.checkpoint();
		Files.delete(settings.checkpointDir().resolve(AuditCheckpoints.FILE));
		// new entries and checkpoints do not start a new file that would hide the loss
		audit.record("view_person", "person", "P7", "330683101201", null);
		audit.checkpoint();
		assertThat(Files.exists(settings.checkpointDir().resolve(AuditCheckpoints.FILE))).isFalse();
		AuditLog.Verification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.reason()).contains("there is no checkpoint");
	}

	@Test
	void aForgedCheckpointIsRefused() throws Exception {
		audit.checkpoint();
		Path file = settings.checkpointDir().resolve(AuditCheckpoints.FILE);
		List<String> lines = Files.readAllLines(file);
		String last = lines.get(lines.size() - 1);
		assertThat(last).contains(" 5 ");
		Files.writeString(file, last.replaceFirst(" 5 ", " 9 ") + "\n");
		AuditLog.Verification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.reason()).contains("not authentic");
	}

	@Test
	void aCommandIsRecordedAsTheOperatingSystemAccountWhateverUserNameSays() {
		String before = System.getProperty("user.name");
		System.setProperty("user.name", "mallory");
		// as a command runs: no web request around it
		RequestContextHolder.resetRequestAttributes();
		try {
			audit.record("export", "bundle", "x", null, null);
		}
		finally {
			System.setProperty("user.name", before);
		}
		String actor = jdbc.sql("select actor from plt_audit_log order by seq desc limit 1")
			.query(String.class)
			.single();
		assertThat(actor).isEqualTo("os:" + ProcessHandle.current().info().user().orElseThrow());
	}

	@Test
	void theCanonicalEncodingTellsNullFromEmptyAndShiftedFields() {
		Instant at = Instant.parse("2026-11-30T07:00:00Z");
		byte[] withNull = AuditEncoding.entry(1, at, "a", "b", "c", null, "r", "d", null, null);
		byte[] withEmpty = AuditEncoding.entry(1, at, "a", "b", "c", "", "r", "d", null, null);
		byte[] shifted = AuditEncoding.entry(1, at, "a", "b", "cr", null, "", "d", null, null);
		assertThat(withNull).isNotEqualTo(withEmpty).isNotEqualTo(shifted);
		assertThat(withEmpty).isNotEqualTo(shifted);
	}

}
