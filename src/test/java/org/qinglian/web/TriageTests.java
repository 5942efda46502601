package org.qinglian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleData;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Township staff triage the findings of their villages: dismiss with a reason, or turn
 * into a clue.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "qinglian.test.database=triage")
class TriageTests {

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

	/**
	 * Signed in as the account (pages take no HTTP Basic; the password is the fixture's).
	 */
	org.springframework.test.web.servlet.request.RequestPostProcessor signedIn(String username, String password) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(userDetails.loadUserByUsername(username));
	}

	static final String PASSWORD = "triage-test-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Exchange exchange;

	@Autowired
	RiskLibrary risk;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void county() {
		if (jdbc.sql("select count(*) from plt_user").query(Long.class).single() == 0) {
			exchange.importBundle(SampleData.devSample(), Exchange.Progress.NONE);
			risk.scan(RiskLibrary.ScanProgress.NONE);
			users.create(new NewUser("changle", "长乐", PASSWORD, Role.TOWNSHIP_STAFF, "330683102000"));
			users.create(new NewUser("ganlin", "甘霖", PASSWORD, Role.TOWNSHIP_STAFF, "330683101000"));
		}
	}

	String openFinding(String prefix) {
		return jdbc.sql("select min(finding_id) from risk_finding where status = 'open' and region_code like ?")
			.param(prefix + "%")
			.query(String.class)
			.single();
	}

	@Test
	void aFindingIsDismissedOnlyWithAReasonAndTheStepIsAudited() throws Exception {
		String id = openFinding("330683102");
		mvc.perform(post("/staff/findings/" + id + "/dismiss").param("reason", " ")
			.with(csrf())
			.with(signedIn("changle", PASSWORD)));
		assertThat(status(id)).isEqualTo("open");
		mvc.perform(post("/staff/findings/" + id + "/dismiss").param("reason", "核实为正常发放：已补录发票")
			.with(csrf())
			.with(signedIn("changle", PASSWORD)));
		assertThat(status(id)).isEqualTo("dismissed");
		assertThat(jdbc.sql(
				"select count(*) from plt_audit_log where action = 'dismiss_finding' and target_id = ? and actor = 'changle'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		String page = mvc.perform(get("/staff/findings/" + id).with(signedIn("changle", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("核实为正常发放：已补录发票");
	}

	@Test
	void aFindingTurnedIntoAClueOpensTheClueInCasework() throws Exception {
		String id = openFinding("330683102");
		mvc.perform(post("/staff/findings/" + id + "/clue").param("note", "请初步核实")
			.with(csrf())
			.with(signedIn("changle", PASSWORD)));
		assertThat(status(id)).isEqualTo("clue");
		String clue = jdbc.sql("select clue_id from risk_finding where finding_id = ?")
			.param(id)
			.query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc.sql("select source_id from cas_clue where clue_id = ?")
				.param(clue)
				.query(String.class)
				.optional()).contains(id));
	}

	@Test
	void anotherTownshipCanNeitherSeeNorTriageTheFinding() throws Exception {
		String id = openFinding("330683102");
		assertThat(mvc.perform(get("/staff/findings/" + id).with(signedIn("ganlin", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc
			.perform(post("/staff/findings/" + id + "/dismiss").param("reason", "x")
				.with(csrf())
				.with(signedIn("ganlin", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(status(id)).isEqualTo("open");
	}

	@Test
	void aCadresProfileShowsAnExplainedScoreAndIsAudited() throws Exception {
		String subject = jdbc.sql("""
				select min(f.subject_id) from risk_finding f join jur_position p on p.person_id = f.subject_id
				where f.region_code like '330683102%'""").query(String.class).single();
		String page = mvc.perform(get("/staff/people/" + subject).with(signedIn("changle", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("风险评分").contains("未经核实的发现只是线索，不是结论").contains("任职经历");
		assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'view_person' and target_id = ?")
			.param(subject)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void theEcologyPageRanksTheTownshipsVillagesWithCharts() throws Exception {
		String page = mvc.perform(get("/staff/ecology/330683102000").with(signedIn("changle", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-chart=\"trend-data\"")
			.contains("\"series\"")
			.contains("echarts.min.js")
			.doesNotContain("330683101");
	}

	@Test
	void anOfficerFromTheFindingsVillageIsRecusedFromItAndFromItsSubjectsFile() throws Exception {
		var finding = jdbc.sql("""
				select f.finding_id, f.region_code, f.subject_id from risk_finding f
				join jur_person p on p.person_id = f.subject_id
				where f.status = 'open' and f.region_code like '330683102%' order by f.finding_id limit 1""")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();
		String villager = jdbc.sql("select min(person_id) from jur_person where region_code = ? and person_id <> ?")
			.params(finding[1], finding[2])
			.query(String.class)
			.single();
		String outsider = jdbc.sql("select min(person_id) from jur_person where region_code like '330683101%'")
			.query(String.class)
			.single();
		users.create(new NewUser("recused", "本村人", PASSWORD, Role.TOWNSHIP_STAFF, "330683102000", villager));
		users.create(new NewUser("outsider", "外村人", PASSWORD, Role.TOWNSHIP_STAFF, "330683102000", outsider));

		assertThat(mvc.perform(get("/staff/findings/" + finding[0]).with(signedIn("recused", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/staff/findings?status=all").with(signedIn("recused", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(finding[0]);
		assertThat(mvc.perform(get("/staff/people/" + finding[2]).with(signedIn("recused", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		assertThat(mvc.perform(get("/staff/findings/" + finding[0]).with(signedIn("outsider", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/staff/people/" + finding[2]).with(signedIn("outsider", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	private String status(String id) {
		return jdbc.sql("select status from risk_finding where finding_id = ?").param(id).query(String.class).single();
	}

}
