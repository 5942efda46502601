package org.qinglian.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A clue's way to a closed case through the office's pages: opened from a report,
 * disposed of with an approver, verified, filed for a joint work group, the county's
 * group with a township officer of another township, a consultation round, review,
 * decision with a serious sanction, the five follow-ups, the notice (anonymised) on the
 * public page. And who may not: the recused, another township outside the group.
 */
@TestPropertySource(properties = { "qinglian.test.database=reports", "qinglian.intake.rate-limit=0" })
class CaseworkTests extends PageTest {

	String village;

	String cadre;

	String cadreName;

	@BeforeEach
	void people() {
		county.loaded();
		Map<String, Object> row = jdbc
			.sql("""
					select p.person_id, p.name, q.region_code from jur_position q join jur_person p on p.person_id = q.person_id
					where q.region_code like '330683101%' and q.region_code not like '%000' and q.role = 'committee_director'
					  and q.end_date is null and length(p.name) >= 2
					order by q.region_code desc limit 1""")
			.query()
			.singleRow();
		cadre = (String) row.get("person_id");
		cadreName = (String) row.get("name");
		village = (String) row.get("region_code");
		String villager = jdbc.sql("select min(person_id) from jur_person where region_code = ? and person_id <> ?")
			.params(village, cadre)
			.query(String.class)
			.single();
		county.withUser("cw_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("cw_approver", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("cw_villager", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN, villager)
			.withUser("cw_county", Role.COUNTY_STAFF, SampleCounty.COUNTY)
			.withUser("cw_neighbour", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE)
			.withUser("cw_outsider", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE);
	}

	MvcTestResult post(String user, String uri, String... params) {
		var request = mvc.post().uri(uri).with(county.signedIn(user)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	String opened(MvcTestResult result) {
		assertThat(result).hasStatus(302);
		String location = result.getResponse().getRedirectedUrl();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	@Test
	void aClueBecomesAJointCaseAndEndsWithItsFiveFollowups() throws Exception {
		String clue = opened(post("cw_township", "/staff/clues", "source", "inspection", "sourceId", "JC-2026-7",
				"regionCode", village, "subjectId", cadre, "summary", cadreName + "虚报修路工程量"));
		assertThat(clue).startsWith("XS");
		// a disposition needs an approver who is not oneself
		assertThat(post("cw_township", "/staff/clues/" + clue + "/dispose", "disposition", "preliminary_verification",
				"reason", "线索具体", "approver", "cw_township"))
			.flash()
			.containsEntry("problemKey", "casework.refused.approver");
		assertThat(post("cw_township", "/staff/clues/" + clue + "/dispose", "disposition", "preliminary_verification",
				"reason", "线索具体", "approver", "cw_villager"))
			.as("a recused colleague cannot approve")
			.flash()
			.containsEntry("problemKey", "casework.refused.approver");
		post("cw_township", "/staff/clues/" + clue + "/dispose", "disposition", "preliminary_verification", "reason",
				"线索具体", "approver", "cw_approver");
		// it takes effect when its approver approves it, not before, and not by anyone
		// else
		assertThat(post("cw_township", "/staff/clues/" + clue + "/verification", "conclusion", "太早")).flash()
			.containsEntry("problemKey", "casework.refused.notVerifying");
		assertThat(post("cw_township", "/staff/clues/" + clue + "/approve")).flash()
			.containsEntry("problemKey", "casework.refused.notYours");
		assertThat(post("cw_approver", "/staff/clues/" + clue + "/approve")).flash()
			.containsEntry("noticeKey", "casework.approved");
		assertThat(jdbc.sql("select verify_due - approved_on from cas_clue where clue_id = ?")
			.param(clue)
			.query(Integer.class)
			.single()).isEqualTo(60);
		assertThat(post("cw_township", "/staff/clues/" + clue + "/dispose", "disposition", "close", "reason", "改主意",
				"approver", "cw_approver"))
			.as("a disposition is not changed, nor its deadline moved")
			.flash()
			.containsEntry("problemKey", "casework.refused.disposed");
		assertThat(post("cw_township", "/staff/clues/" + clue + "/verification", "conclusion", "初核属实")).flash()
			.containsEntry("noticeKey", "casework.verified");
		assertThat(
				post("cw_township", "/staff/clues/" + clue + "/case", "handling", "joint", "approver", "cw_approver"))
			.flash()
			.containsEntry("noticeKey", "casework.filingRequested");
		assertThat(jdbc.sql("select count(*) from cas_case where clue_id = ?").param(clue).query(Long.class).single())
			.as("no case before the approval")
			.isZero();
		String caseId = opened(post("cw_approver", "/staff/clues/" + clue + "/approve"));
		assertThat(caseId).startsWith("AJ");
		assertThat(jdbc.sql("select filed_by || '/' || filing_approver from cas_case where case_id = ?")
			.param(caseId)
			.query(String.class)
			.single()).isEqualTo("cw_township/cw_approver");
		assertThat(jdbc.sql("select joint, self_handled, unit_code from cas_case where case_id = ?")
			.param(caseId)
			.query((rs, i) -> List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)))
			.single()).containsExactly(true, false, SampleCounty.GANLIN);
		// another township cannot see it, until the county puts its officer in the group
		assertThat(mvc.get().uri("/staff/cases/" + caseId).with(county.signedIn("cw_neighbour")).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/staff/cases/" + caseId).with(county.signedIn("cw_villager")).exchange())
			.as("recused: of the subject's village")
			.hasStatus(404);
		assertThat(post("cw_township", "/staff/cases/" + caseId + "/group", "member", "cw_township", "member",
				"cw_neighbour", "lead", "cw_township"))
			.flash()
			.containsEntry("problemKey", "casework.refused.countyForms");
		var group = mvc.post()
			.uri("/staff/cases/" + caseId + "/group")
			.param("member", "cw_county", "cw_township", "cw_neighbour")
			.param("lead", "cw_county")
			.with(county.signedIn("cw_county"))
			.with(csrf())
			.exchange();
		assertThat(group).flash().containsEntry("noticeKey", "casework.groupFormed");
		assertThat(mvc.get().uri("/staff/cases/" + caseId).with(county.signedIn("cw_neighbour")).exchange())
			.hasStatusOk();
		assertThat(mvc.get().uri("/staff/cases/" + caseId).with(county.signedIn("cw_outsider")).exchange())
			.hasStatus(404);
		assertThat(post("cw_neighbour", "/staff/cases/" + caseId + "/rounds", "heldOn", "2026-01-05", "members",
				"县纪委、甘霖镇、长乐镇", "conclusions", "事实清楚，建议给予党内严重警告"))
			.flash()
			.containsEntry("noticeKey", "casework.roundAdded");
		assertThat(post("cw_township", "/staff/cases/" + caseId + "/notes", "text", "调取了工程结算单")).flash()
			.containsEntry("noticeKey", "casework.noted");
		assertThat(post("cw_township", "/staff/cases/" + caseId + "/decision", "violation", "虚报工程量", "sanction",
				"party_serious_warning"))
			.flash()
			.containsEntry("problemKey", "casework.refused.notReviewed");
		post("cw_county", "/staff/cases/" + caseId + "/review", "opinion", "事实清楚，证据确凿");
		post("cw_county", "/staff/cases/" + caseId + "/decision", "violation", "虚报工程量", "sanction",
				"party_serious_warning", "recovered", "12000.50");
		assertThat(jdbc.sql("select kind from cas_followup where case_id = ? order by due_on, kind")
			.param(caseId)
			.query(String.class)
			.list())
			.containsExactlyInAnyOrder("notice", "analysis", "warning_education", "rectification", "return_visit");
		assertThat(mvc.get().uri("/staff/cases").with(county.signedIn("cw_township")).exchange()).bodyText()
			.contains(caseId);
		// only the handling office decides: a group member of another township may not
		assertThat(post("cw_neighbour", "/staff/cases/" + caseId + "/close")).flash()
			.containsEntry("problemKey", "casework.refused.notHandling");
		// the notice: the subject's name however written becomes 某某; another villager's
		// name or a phone number is refused
		String villager = jdbc.sql("""
				select min(name) from jur_person where region_code = ? and person_id <> ? and length(name) >= 2""")
			.params(village, cadre)
			.query(String.class)
			.single();
		assertThat(post("cw_township", "/staff/cases/" + caseId + "/notice", "text", "证人" + villager + "作证。")).flash()
			.containsEntry("problemKey", "casework.refused.noticeNames");
		assertThat(post("cw_township", "/staff/cases/" + caseId + "/notice", "text", "联系电话13912345678。")).flash()
			.containsEntry("problemKey", "casework.refused.noticeNumbers");
		String spaced = cadreName.charAt(0) + "\u200B " + cadreName.substring(1);
		assertThat(post("cw_township", "/staff/cases/" + caseId + "/notice", "text",
				"某村主任" + spaced + "虚报工程量，给予" + cadreName + "党内严重警告处分。"))
			.flash()
			.containsEntry("noticeKey", "casework.noticePublished");
		String notices = mvc.get().uri("/public/notices").exchange().getResponse().getContentAsString();
		assertThat(notices).contains("某村主任某某虚报工程量").doesNotContain(cadreName).doesNotContain(cadre);
		for (String kind : List.of("analysis", "warning_education", "rectification", "return_visit")) {
			post("cw_township", "/staff/cases/" + caseId + "/followups/" + kind, "evidence", kind + " 已完成，附件存档");
		}
		assertThat(jdbc.sql("select count(*) from cas_followup where case_id = ? and done_on is not null")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(5);
		post("cw_township", "/staff/cases/" + caseId + "/close");
		assertThat(jdbc.sql("select closed_on is not null and recovered = 12000.50 from cas_case where case_id = ?")
			.param(caseId)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select case_id from cas_clue where clue_id = ?").param(clue).query(String.class).single())
			.isEqualTo(caseId);
	}

	@Test
	void aReportTurnsIntoItsClueOnceAndAMildSanctionNeedsNoFollowups() {
		String report = jdbc.sql("""
				select min(report_id) from int_report where unit_code = '330683101000' and subject_id is not null
				  and entered_at is null""").query(String.class).single();
		String clue = opened(post("cw_township", "/staff/clues", "source", "report", "sourceId", report));
		assertThat(opened(post("cw_township", "/staff/clues", "source", "report", "sourceId", report))).isEqualTo(clue);
		post("cw_township", "/staff/clues/" + clue + "/dispose", "disposition", "talk_inquiry", "reason", "情节轻微",
				"approver", "cw_approver");
		post("cw_approver", "/staff/clues/" + clue + "/approve");
		post("cw_township", "/staff/clues/" + clue + "/case", "handling", "self", "approver", "cw_approver");
		String caseId = opened(post("cw_approver", "/staff/clues/" + clue + "/approve"));
		assertThat(jdbc.sql("select self_handled and report_id = ? from cas_case where case_id = ?")
			.params(report, caseId)
			.query(Boolean.class)
			.single()).isTrue();
		post("cw_township", "/staff/cases/" + caseId + "/review", "opinion", "情节轻微");
		post("cw_township", "/staff/cases/" + caseId + "/decision", "violation", "工作不实", "sanction", "criticism");
		assertThat(jdbc.sql("select count(*) from cas_followup where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();
		// a clue from a report another township handles is not there for it
		assertThat(post("cw_outsider", "/staff/clues", "source", "report", "sourceId", report)).hasStatus(404);
	}

	@Test
	void warningEducationEventsAreCountedPerTownshipAndYear() {
		String attendee = jdbc.sql("select min(person_id) from jur_person where region_code like '330683101%'")
			.query(String.class)
			.single();
		post("cw_township", "/staff/education", "heldOn", "2026-03-15", "kind", "court_hearing", "title", "旁听村干部职务犯罪庭审",
				"place", "县法院", "attendees", attendee + ", " + attendee);
		assertThat(mvc.get().uri("/staff/education?year=2026").with(county.signedIn("cw_township")).exchange())
			.bodyText()
			.contains("旁听村干部职务犯罪庭审");
		assertThat(mvc.get().uri("/staff/education?year=2026").with(county.signedIn("cw_neighbour")).exchange())
			.bodyText()
			.doesNotContain("旁听村干部职务犯罪庭审");
		assertThat(post("cw_township", "/staff/education", "heldOn", "2026-03-15", "kind", "court_hearing", "title",
				"x", "place", "y", "regionCode", SampleCounty.CHANGLE))
			.flash()
			.containsEntry("problemKey", "casework.refused.eventRegion");
	}

}
