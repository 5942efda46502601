package org.qinglian.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.test.context.TestPropertySource;

/** The pages that gather modules: the tree, a cadre's profile, the ecology. */
@TestPropertySource(properties = "qinglian.test.database=statistics")
class StatisticsPagesTests extends PageTest {

	@BeforeEach
	void county() {
		county.loaded()
			.withUser("changle", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE)
			.withUser("changle_cadre", Role.VILLAGE_CADRE, "330683102201");
	}

	@Test
	void aCadresProfileShowsAnExplainedScoreAndIsAudited() {
		String subject = jdbc.sql("""
				select min(f.subject_id) from risk_finding f join jur_position p on p.person_id = f.subject_id
				where f.region_code like '330683102%'""").query(String.class).single();
		assertThat(mvc.get().uri("/staff/people/" + subject).with(county.signedIn("changle"))).hasStatusOk()
			.bodyText()
			.contains("风险评分")
			.contains("未经核实的发现只是线索，不是结论")
			.contains("任职经历");
		assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'view_person' and target_id = ?")
			.param(subject)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void theEcologyPageRanksTheTownshipsVillagesWithCharts() {
		assertThat(mvc.get().uri("/staff/ecology/330683102000").with(county.signedIn("changle"))).hasStatusOk()
			.bodyText()
			.contains("data-chart=\"trend-data\"")
			.contains("\"series\"")
			.contains("echarts.min.js")
			.as("a bar of 26 pixels for each of the township's 8 villages")
			.contains("height:248px")
			.doesNotContain("330683101");
	}

	@Test
	void theEcologyCountsAVillagesAccusationsAndSanctionedCases() throws Exception {
		// a village of the township whose accusations (a report and its duplicates once)
		// the
		// ranking must show
		long accusations = jdbc.sql("""
				select count(*) from int_report where region_code like '330683102%' and kind = 'accusation'
				  and duplicate_of is null""").query(Long.class).single();
		assertThat(accusations).as("the sample has accusations in the township").isPositive();
		String page = mvc.get()
			.uri("/staff/ecology/330683102000")
			.with(county.signedIn("changle"))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("检举控告 ");
	}

	@Test
	void theTreeCountsOpenFindingsForSupervisionStaffOnly() {
		assertThat(mvc.get().uri("/staff").with(county.signedIn("changle"))).hasStatusOk()
			.bodyText()
			.contains("长乐镇")
			.doesNotContain("甘霖镇");
		long open = jdbc
			.sql("select count(*) from risk_finding where status = 'open' and region_code like '330683102%'")
			.query(Long.class)
			.single();
		assertThat(open).isPositive();
		assertThat(mvc.get().uri("/staff").with(county.signedIn("changle"))).bodyText()
			.containsPattern("href=\"/staff/findings\\?region=330683102000\"[^>]*>" + open + "</a>");
		assertThat(mvc.get().uri("/staff").with(county.signedIn("changle_cadre"))).hasStatusOk()
			.bodyText()
			.doesNotContain("/staff/findings");
	}

}
