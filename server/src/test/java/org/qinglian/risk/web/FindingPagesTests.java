package org.qinglian.risk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Township staff triage the findings of their villages: dismiss with a reason, or turn
 * into a clue that casework opens; another township, and an officer from the finding's
 * village, see nothing of it.
 */
@TestPropertySource(properties = "qinglian.test.database=triage")
class FindingPagesTests extends PageTest {

	@Autowired
	UserAccounts users;

	@BeforeEach
	void county() {
		county.loaded()
			.withUser("changle", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE)
			.withUser("ganlin", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN);
	}

	String openFinding(String prefix) {
		return jdbc.sql("select min(finding_id) from risk_finding where status = 'open' and region_code like ?")
			.param(prefix + "%")
			.query(String.class)
			.single();
	}

	/** Posts as the user and follows the redirect with its flash messages. */
	MvcTestResult postAndFollow(String user, String path, String param, String value) {
		MvcTestResult posted = mvc.post()
			.uri(path)
			.param(param, value)
			.with(csrf())
			.with(county.signedIn(user))
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		assertThat(posted.getMvcResult().getFlashMap().isEmpty()).as("a redirect tells what became of the post")
			.isFalse();
		return mvc.get()
			.uri(posted.getResponse().getRedirectedUrl())
			.flashAttrs(posted.getMvcResult().getFlashMap())
			.with(county.signedIn(user))
			.exchange();
	}

	@Test
	void aFindingIsDismissedOnlyWithAReasonAndTheStepIsAudited() {
		String id = openFinding("330683102");
		assertThat(postAndFollow("changle", "/staff/findings/" + id + "/dismiss", "reason", " ")).hasStatusOk()
			.bodyText()
			.contains("请写明排除的理由");
		assertThat(status(id)).isEqualTo("open");
		assertThat(postAndFollow("changle", "/staff/findings/" + id + "/dismiss", "reason", "核实为正常发放：已补录发票"))
			.hasStatusOk()
			.bodyText()
			.contains("核实为正常发放：已补录发票")
			.contains("已排除该发现");
		assertThat(status(id)).isEqualTo("dismissed");
		assertThat(jdbc.sql(
				"select count(*) from plt_audit_log where action = 'dismiss_finding' and target_id = ? and actor = 'changle'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// handled already: refused, in the page's language
		assertThat(postAndFollow("changle", "/staff/findings/" + id + "/dismiss", "reason", "again")).bodyText()
			.contains("该发现已处置，不能再次处置（状态：已排除）");
	}

	@Test
	void aFindingTurnedIntoAClueOpensTheClueInCasework() {
		String id = openFinding("330683102");
		assertThat(postAndFollow("changle", "/staff/findings/" + id + "/clue", "note", "请初步核实")).hasStatusOk()
			.bodyText()
			.contains("已转为问题线索 CL");
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
	void theListOfFindingsIsAReadOfPersonalDataAndIsAudited() {
		long before = jdbc
			.sql("select count(*) from plt_audit_log where action = 'view_findings' and actor = 'changle'")
			.query(Long.class)
			.single();
		assertThat(mvc.get().uri("/staff/findings").with(county.signedIn("changle"))).hasStatusOk();
		assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'view_findings' and actor = 'changle'")
			.query(Long.class)
			.single()).isEqualTo(before + 1);
	}

	@Test
	void anotherTownshipCanNeitherSeeNorTriageTheFinding() {
		String id = openFinding("330683102");
		assertThat(mvc.get().uri("/staff/findings/" + id).with(county.signedIn("ganlin"))).hasStatus(404);
		assertThat(mvc.post()
			.uri("/staff/findings/" + id + "/dismiss")
			.param("reason", "x")
			.with(csrf())
			.with(county.signedIn("ganlin"))).hasStatus(404);
		assertThat(status(id)).isEqualTo("open");
	}

	@Test
	void anOfficerFromTheFindingsVillageIsRecusedFromItAndFromItsSubjectsFile() {
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
		county.withUser("recused", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE, villager)
			.withUser("outsider", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE, outsider);

		assertThat(mvc.get().uri("/staff/findings/" + finding[0]).with(county.signedIn("recused"))).hasStatus(404);
		assertThat(mvc.get().uri("/staff/findings?status=all").with(county.signedIn("recused"))).hasStatusOk()
			.bodyText()
			.doesNotContain(finding[0]);
		assertThat(mvc.get().uri("/staff/people/" + finding[2]).with(county.signedIn("recused"))).hasStatus(404);

		assertThat(mvc.get().uri("/staff/findings/" + finding[0]).with(county.signedIn("outsider"))).hasStatusOk();
		assertThat(mvc.get().uri("/staff/findings?status=all").with(county.signedIn("outsider"))).hasStatusOk()
			.bodyText()
			.contains(finding[0]);
		assertThat(mvc.get().uri("/staff/people/" + finding[2]).with(county.signedIn("outsider"))).hasStatusOk();
	}

	private String status(String id) {
		return jdbc.sql("select status from risk_finding where finding_id = ?").param(id).query(String.class).single();
	}

}
