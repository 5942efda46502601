package org.qinglian.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A report's way from a villager to the county's review, through the real endpoints: the
 * public API and form, the township office's pages, the reporter's receipt code, the
 * county. And what must never happen: the reporter's name or contact on a page, in the
 * audit log or in an API answer without a reveal; a report opened by the recused or by
 * another township.
 */
@TestPropertySource(properties = { "qinglian.test.database=reports", "qinglian.intake.rate-limit=0" })
@ExtendWith(OutputCaptureExtension.class)
class ReportWorkTests extends PageTest {

	static final String NAME = "韦报告人";

	static final String PHONE = "13712345678";

	String village;

	String cadre;

	String cadreName;

	@BeforeEach
	void county() {
		county.loaded();
		// a village cadre of township 101 in office now
		Map<String, Object> row = jdbc
			.sql("""
					select p.person_id, p.name, q.region_code from jur_position q join jur_person p on p.person_id = q.person_id
					where q.region_code like '330683101%' and q.region_code not like '%000' and q.role = 'party_secretary'
					  and q.end_date is null and length(p.name) >= 2
					order by q.region_code limit 1""")
			.query()
			.singleRow();
		cadre = (String) row.get("person_id");
		cadreName = (String) row.get("name");
		village = (String) row.get("region_code");
		county.withUser("rw_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("rw_other", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE)
			.withUser("rw_county", Role.COUNTY_STAFF, SampleCounty.COUNTY)
			.withUser("rw_admin", Role.COUNTY_ADMIN, SampleCounty.COUNTY)
			.withUser("rw_cadre", Role.VILLAGE_CADRE, village)
			.withUser("rw_officer", Role.VILLAGE_MONITOR, village);
		String villager = jdbc.sql("select min(person_id) from jur_person where region_code = ? and person_id <> ?")
			.params(village, cadre)
			.query(String.class)
			.single();
		county.withUser("rw_villager_staff", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN, villager);
	}

	String submit(boolean anonymous) throws Exception {
		String body = """
				{"region_code": "%s", "kind": "accusation", "text": "%s在修路工程中虚报工程量，请调查。",
				 "anonymous": %s %s}""".formatted(village, cadreName, anonymous,
				anonymous ? "" : ", \"name\": \"" + NAME + "\", \"contact\": \"" + PHONE + "\"");
		MvcTestResult result = mvc.post()
			.uri("/api/v1/public/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertThat(result).hasStatus(201);
		String json = result.getResponse().getContentAsString();
		String code = json.replaceAll("\\D", "");
		assertThat(code).hasSize(20);
		return code;
	}

	String reportOf(String code) {
		// the newest entered in the platform (imported ones have no entered_at)
		return jdbc.sql("select report_id from int_report where entered_at is not null order by report_id desc limit 1")
			.query(String.class)
			.single();
	}

	@Test
	void aNamedReportGoesFromTheVillagerToTheCountysReviewAndNeverShowsItsReporter(CapturedOutput output)
			throws Exception {
		String code = submit(false);
		String id = reportOf(code);
		// stored: the hash, never the code; the identity sealed
		Map<String, Object> stored = jdbc.sql("select * from int_report where report_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(stored.values().toString()).doesNotContain(code).doesNotContain(NAME).doesNotContain(PHONE);
		assertThat(stored.get("identity_enc")).isNotNull();
		assertThat(stored.get("unit_code")).isEqualTo(SampleCounty.GANLIN);
		// followed with spaces in the code
		String spaced = code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
		assertThat(mvc.get().uri("/api/v1/public/reports/{r}", spaced).exchange()).hasStatusOk()
			.bodyText()
			.contains("\"status\":\"received\"");
		// the township office: workbench, page (names the cadre as a suggestion), work
		assertThat(mvc.get().uri("/staff/reports").with(county.signedIn("rw_township")).exchange()).hasStatusOk()
			.bodyText()
			.contains(id);
		MvcTestResult page = mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_township")).exchange();
		assertThat(page).hasStatusOk().bodyText().contains(cadre).doesNotContain(NAME).doesNotContain(PHONE);
		post("rw_township", "/staff/reports/" + id + "/classify", "kind", "accusation", "category", "projects",
				"subjectId", cadre, "ruralCadre", "true");
		post("rw_township", "/staff/reports/" + id + "/acknowledge");
		post("rw_township", "/staff/reports/" + id + "/message", "text", "请补充照片。");
		post("rw_township", "/staff/reports/" + id + "/note", "text", "内部：先查账。");
		post("rw_township", "/staff/reports/" + id + "/answer", "answer", "经核查，工程量属实。");
		assertThat(jdbc.sql("select subject_id, rural_cadre, closed_on is not null from int_report where report_id = ?")
			.param(id)
			.query((rs, i) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.single()).containsExactly(cadre, true, true);
		// the reporter reads the answer and the message, never the note or a staff name
		MvcTestResult followed = mvc.post().uri("/public/follow").param("receipt", spaced).with(csrf()).exchange();
		assertThat(followed).hasStatusOk()
			.bodyText()
			.contains("经核查，工程量属实。")
			.contains("请补充照片。")
			.doesNotContain("内部：先查账。")
			.doesNotContain("rw_township");
		assertThat(mvc.post()
			.uri("/public/follow/rating")
			.param("receipt", code)
			.param("satisfied", "false")
			.with(csrf())
			.exchange()).hasStatusOk();
		assertThat(jdbc.sql("select review_requested_on is not null from int_report where report_id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		// a second rating is refused
		assertThat(mvc.post()
			.uri("/public/follow/rating")
			.param("receipt", code)
			.param("satisfied", "true")
			.with(csrf())
			.exchange()).hasStatus(400);
		// the township cannot conclude the review; the county does
		post("rw_township", "/staff/reports/" + id + "/review", "conclusion", "township");
		assertThat(jdbc.sql("select reviewed_on from int_report where report_id = ?")
			.param(id)
			.query(String.class)
			.optional()).isEmpty();
		post("rw_county", "/staff/reports/" + id + "/review", "conclusion", "复查：维持原答复。");
		assertThat(mvc.get().uri("/api/v1/public/reports/{r}", code).exchange()).hasStatusOk()
			.bodyText()
			.contains("reviewed")
			.contains("复查：维持原答复。");
		// reveal: refused without a reason, shown with one, audited with it
		MvcTestResult refused = post("rw_township", "/staff/reports/" + id + "/reveal", "reason", "");
		assertThat(refused).hasStatus(302).flash().containsEntry("problemKey", "intake.refused.revealReason");
		assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'reveal_reporter' and target_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		String revealed = post("rw_township", "/staff/reports/" + id + "/reveal", "reason", "需当面核实情况").getResponse()
			.getContentAsString();
		assertThat(revealed).contains(NAME).contains(PHONE);
		assertThat(jdbc
			.sql("select count(*) from plt_audit_log where action = 'reveal_reporter' and target_id = ?"
					+ " and detail = '需当面核实情况' and actor = 'rw_township'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// an administrator may handle reports but not reveal
		assertThat(post("rw_admin", "/staff/reports/" + id + "/reveal", "reason", "好奇一下").getResponse().getStatus())
			.isEqualTo(403);
		// nowhere else: the audit log, the messages, the API
		assertThat(jdbc.sql("select string_agg(coalesce(detail, ''), ' ') from plt_audit_log")
			.query(String.class)
			.single()).doesNotContain(NAME).doesNotContain(PHONE);
		assertThat(jdbc.sql("select string_agg(text, ' ') from int_message").query(String.class).single())
			.doesNotContain(NAME);
		assertThat(mvc.get().uri("/api/v1/public/reports/{r}", code).exchange()).bodyText()
			.doesNotContain(NAME)
			.doesNotContain(PHONE);
		assertThat(output.getAll()).as("no log line").doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(code);
	}

	@Test
	void theRecusedAnotherTownshipAndAVillageCadreCannotOpenAReport() throws Exception {
		String id = reportOf(submit(true));
		assertThat(mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_villager_staff")).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/staff/reports").with(county.signedIn("rw_villager_staff")).exchange()).bodyText()
			.doesNotContain(id);
		assertThat(mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_other")).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/staff/reports").with(county.signedIn("rw_other")).exchange()).bodyText()
			.doesNotContain(id);
		assertThat(mvc.get().uri("/staff/reports").with(county.signedIn("rw_cadre")).exchange()).hasStatus(403);
		// the reminders on the first page: for the office, not for a cadre
		long overdue = jdbc.sql("""
				select count(*) from int_report where unit_code = '330683101000' and closed_on is null
				  and received_on + 15 < current_date""").query(Long.class).single();
		assertThat(mvc.get().uri("/staff").with(county.signedIn("rw_township")).exchange()).bodyText()
			.contains("id=\"reminders\"")
			.contains("信访举报：" + overdue + " 件已超期");
		assertThat(mvc.get().uri("/staff").with(county.signedIn("rw_cadre")).exchange()).bodyText()
			.doesNotContain("id=\"reminders\"");
		assertThat(mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_cadre")).exchange())
			.hasStatus(403);
		// nor can the recused be assigned it
		assertThat(post("rw_township", "/staff/reports/" + id + "/assign", "username", "rw_villager_staff")).flash()
			.containsEntry("problemKey", "intake.refused.assigneeRecused");
		assertThat(jdbc.sql("select assigned_to from int_report where report_id = ?")
			.param(id)
			.query(String.class)
			.optional()).isEmpty();
		post("rw_township", "/staff/reports/" + id + "/assign", "username", "rw_township");
		assertThat(jdbc.sql("select assigned_to from int_report where report_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("rw_township");
		// sent to the county, it leaves the township's sight
		post("rw_township", "/staff/reports/" + id + "/route", "reason", "乡镇需回避");
		assertThat(mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_township")).exchange())
			.hasStatus(404);
		assertThat(mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_county")).exchange())
			.hasStatusOk();
	}

	@Test
	void anAnonymousReportKeepsNoIdentityAndNoAddress() throws Exception {
		String code = submit(true);
		String id = reportOf(code);
		Map<String, Object> stored = jdbc.sql("select * from int_report where report_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(stored.get("identity_enc")).isNull();
		assertThat(stored.get("entered_at").toString()).as("a public report keeps its day, not its time")
			.endsWith("00:00:00.0");
		assertThat(
				jdbc.sql("select count(*) from plt_audit_log where target_id = ?").param(id).query(Long.class).single())
			.as("a public submission writes no audit entry (which would keep the address)")
			.isZero();
		// a named field on an anonymous report is refused, and nothing is stored
		long before = jdbc.sql("select count(*) from int_report").query(Long.class).single();
		assertThat(mvc.post()
			.uri("/api/v1/public/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"region_code\": \"" + village + "\", \"kind\": \"other\", \"text\": \"x\", \"anonymous\": true,"
					+ " \"name\": \"someone\"}")
			.exchange()).hasStatus(400).bodyText().contains("anonymous report carries no name");
		assertThat(mvc.post()
			.uri("/api/v1/public/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"region_code\": \"999999999999\", \"kind\": \"other\", \"text\": \"x\", \"anonymous\": true}")
			.exchange()).hasStatus(400).bodyText().contains("region_code");
		assertThat(jdbc.sql("select count(*) from int_report").query(Long.class).single()).isEqualTo(before);
		assertThat(mvc.get().uri("/api/v1/public/reports/{r}", "1234 5678 9012 3456 7890").exchange()).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/public/reports/{r}", "12ab").exchange()).hasStatus(404);
	}

	@Test
	void aReportNamingTownshipStaffByNameGoesToTheCountyAndControlCharactersAreRefused() throws Exception {
		String staffName = jdbc.sql("""
				select p.name from jur_position q join jur_person p on p.person_id = q.person_id
				where q.region_code = '330683101000' and q.end_date is null order by p.person_id limit 1""")
			.query(String.class)
			.single();
		MvcTestResult result = mvc.post()
			.uri("/api/v1/public/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"region_code\": \"" + village + "\", \"kind\": \"accusation\", \"text\": \"镇干部吃拿卡要\","
					+ " \"subject_name\": \"" + staffName + "\", \"anonymous\": true}")
			.exchange();
		assertThat(result).hasStatus(201);
		String id = reportOf(null);
		assertThat(
				jdbc.sql("select unit_code from int_report where report_id = ?").param(id).query(String.class).single())
			.isEqualTo(SampleCounty.COUNTY);
		assertThat(mvc.get().uri("/staff/reports/{id}", id).with(county.signedIn("rw_township")).exchange())
			.hasStatus(404);
		assertThat(mvc.post()
			.uri("/api/v1/public/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"region_code\": \"" + village + "\", \"kind\": \"other\", \"text\": \"a\\u0000b\","
					+ " \"anonymous\": true}")
			.exchange()).hasStatus(400).bodyText().contains("control character");
	}

	@Test
	void attachmentsAreCheckedByContentNotByName() throws Exception {
		long files = jdbc.sql("select count(*) from int_file").query(Long.class).single();
		MockMultipartFile fake = new MockMultipartFile("files", "photo.jpg", "image/jpeg",
				"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
		MvcTestResult refused = mvc.post()
			.uri("/public/report")
			.multipart()
			.file(fake)
			.param("regionCode", village)
			.param("kind", "other")
			.param("text", "附件测试")
			.param("anonymous", "true")
			.with(csrf())
			.exchange();
		assertThat(refused).hasStatus(400).bodyText().contains("photo.jpg");
		byte[] pdf = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
		MvcTestResult accepted = mvc.post()
			.uri("/public/report")
			.multipart()
			.file(new MockMultipartFile("files", "scan.txt", "text/plain", pdf))
			.param("regionCode", village)
			.param("kind", "other")
			.param("text", "附件测试")
			.param("anonymous", "true")
			.with(csrf())
			.exchange();
		assertThat(accepted).hasStatusOk().bodyText().contains("receipt");
		assertThat(jdbc.sql("select media_type from int_file order by media_type").query(String.class).list())
			.contains("application/pdf");
		assertThat(jdbc.sql("select count(*) from int_file").query(Long.class).single()).isEqualTo(files + 1);
	}

	@Test
	void anOfficersRetriedSubmissionIsStoredOnce() {
		for (int i = 0; i < 3; i++) {
			assertThat(mvc.post()
				.uri("/officer/reports")
				.param("clientKey", "key-of-one-form")
				.param("kind", "suggestion")
				.param("text", "村口路灯坏了三个月")
				.with(county.signedIn("rw_officer"))
				.with(csrf())
				.exchange()).hasStatus(302);
		}
		assertThat(jdbc.sql("select count(*) from int_report where submitted_by = 'rw_officer'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.get().uri("/officer/reports").with(county.signedIn("rw_officer")).exchange()).hasStatusOk()
			.bodyText()
			.contains("村口路灯坏了三个月");
	}

	@Test
	void aLaterReportAboutTheSameSubjectAndMatterIsSuggestedAsADuplicate() throws Exception {
		String first = reportOf(submit(true));
		post("rw_township", "/staff/reports/" + first + "/classify", "kind", "accusation", "subjectId", cadre);
		String second = reportOf(submit(true));
		post("rw_township", "/staff/reports/" + second + "/classify", "kind", "accusation", "subjectId", cadre);
		assertThat(mvc.get().uri("/staff/reports/{id}", second).with(county.signedIn("rw_township")).exchange())
			.bodyText()
			.contains("/staff/reports/" + first);
		post("rw_township", "/staff/reports/" + second + "/duplicate", "original", first);
		assertThat(jdbc.sql("select duplicate_of from int_report where report_id = ?")
			.param(second)
			.query(String.class)
			.single()).isEqualTo(first);
	}

	MvcTestResult post(String user, String uri, String... params) {
		var request = mvc.post().uri(uri).with(county.signedIn(user)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

}
