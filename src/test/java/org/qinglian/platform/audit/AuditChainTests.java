package org.qinglian.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.platform.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "qinglian.test.database=audit")
class AuditChainTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theChainHoldsAndATamperedEntryIsNamed() {
		for (int i = 0; i < 5; i++) {
			audit.record("view_person", "person", "P" + i, "330683101201", "test " + i);
		}
		assertThat(audit.verify().intact()).isTrue();

		assertThatThrownBy(() -> jdbc.sql("update plt_audit_log set detail = 'x' where seq = 3").update())
			.hasMessageContaining("append-only");

		long third = jdbc.sql("select min(seq) + 2 from plt_audit_log").query(Long.class).single();
		jdbc.sql("alter table plt_audit_log disable trigger plt_audit_log_no_update").update();
		jdbc.sql("update plt_audit_log set detail = 'rewritten' where seq = ?").param(third).update();
		jdbc.sql("alter table plt_audit_log enable trigger plt_audit_log_no_update").update();

		AuditLog.Verification v = audit.verify();
		assertThat(v.intact()).isFalse();
		assertThat(v.firstBroken()).isEqualTo(third);
		assertThat(v.reason()).contains("does not match its hash");
	}

}
