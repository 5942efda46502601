package org.qinglian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The auditor's page, and the checkpoints that keep the log honest between verifications.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "qinglian.test.database=auditor", "qinglian.audit.checkpoint-interval=1s" })
class AuditorPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	UserAccounts users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	SampleCounty county;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		if (!users.exists("county_auditor")) {
			county.loaded()
				.withUser("county_auditor", Role.AUDITOR, SampleCounty.COUNTY)
				.withUser("town_auditor", Role.AUDITOR, SampleCounty.GANLIN);
			audit.record("view_person", "person", "P_IN_101", "330683101201", null);
			audit.record("view_person", "person", "P_IN_102", "330683102201", null);
			audit.record("dismiss_finding", "risk_finding", "F_IN_101", "330683101201", "no case");
		}
	}

	String page(String who, String query) throws Exception {
		return mvc.perform(get("/audit" + query).with(user(userDetails.loadUserByUsername(who))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theAuditorFiltersTheLogAndSeesTheVerdict() throws Exception {
		String all = page("county_auditor", "");
		assertThat(all).contains("审计日志完整").contains("P_IN_101").contains("P_IN_102").contains("F_IN_101");
		String viewed = page("county_auditor", "?action=view_person");
		assertThat(viewed).contains("P_IN_101").contains("P_IN_102").doesNotContain("F_IN_101");
		String target = page("county_auditor", "?target=P_IN_102");
		assertThat(target).contains("P_IN_102").doesNotContain("P_IN_101");
		assertThat(page("county_auditor", "?from=2000-01-01&to=2000-01-02")).doesNotContain("P_IN_10");
	}

	@Test
	void anAuditorOfATownshipReadsTheTownshipsEntriesOnly() throws Exception {
		String township = page("town_auditor", "");
		assertThat(township).contains("P_IN_101").contains("F_IN_101").doesNotContain("P_IN_102");
	}

	@Test
	void theHeadIsCheckpointedWhileTheLogMoves() throws Exception {
		audit.record("view_person", "person", "P_LATER", "330683101201", null);
		long head = jdbc.sql("select max(seq) from plt_audit_log").query(Long.class).single();
		long deadline = System.nanoTime() + 10_000_000_000L;
		long checkpointed = -1;
		while (System.nanoTime() < deadline && checkpointed < head) {
			List<String> lines = Files.exists(audit.checkpointFile()) ? Files.readAllLines(audit.checkpointFile())
					: List.of();
			if (!lines.isEmpty()) {
				checkpointed = Long.parseLong(lines.get(lines.size() - 1).split(" ")[2]);
			}
			Thread.sleep(200);
		}
		assertThat(checkpointed).as("a checkpoint of the head within seconds").isGreaterThanOrEqualTo(head);
		assertThat(audit.verify().intact()).isTrue();
	}

}
