package org.qinglian.powerlist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The administrator edits the county's power list in the browser: a changed flow is
 * saved, shown on the public page, audited and checked against every use of power again;
 * a broken one is refused with its problems and saves nothing; only administrators may.
 */
@TestPropertySource(properties = "qinglian.test.database=catalogue")
class CatalogueEditTests extends PageTest {

	static final String ITEM = "major_decision";

	@BeforeEach
	void county() {
		county.loaded()
			.withUser("admin", Role.COUNTY_ADMIN, SampleCounty.COUNTY)
			.withUser("changle", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE);
	}

	/** The item's steps as the edit form sends them, in the catalogue's order. */
	List<Map<String, Object>> steps() {
		return jdbc.sql("select * from pow_step where item_code = ? order by seq, step_code")
			.param(ITEM)
			.query()
			.listOfRows();
	}

	MockHttpServletRequestBuilder form(List<Map<String, Object>> steps, String user) {
		return form(steps, user, ITEM);
	}

	MockHttpServletRequestBuilder form(List<Map<String, Object>> steps, String user, String code) {
		MockHttpServletRequestBuilder b = post("/admin/catalogue/items").with(csrf())
			.with(county.signedIn(user))
			.param("code", code)
			.param("category", "major_decision")
			.param("name", "村级重大事项决策（四议两公开）")
			.param("legalBasis", "《中华人民共和国村民委员会组织法》");
		for (int i = 0; i < steps.size(); i++) {
			Map<String, Object> s = steps.get(i);
			String at = "steps[" + i + "].";
			b.param(at + "code", (String) s.get("step_code"))
				.param(at + "seq", String.valueOf(s.get("seq")))
				.param(at + "name", (String) s.get("name"))
				.param(at + "actorRole", s.get("actor_role") == null ? "" : (String) s.get("actor_role"))
				.param(at + "after", s.get("after") == null ? "" : (String) s.get("after"))
				.param(at + "minDays", s.get("min_days") == null ? "" : String.valueOf(s.get("min_days")))
				.param(at + "maxDays", s.get("max_days") == null ? "" : String.valueOf(s.get("max_days")));
			if (Boolean.TRUE.equals(s.get("disclosure"))) {
				b.param(at + "disclosure", "true");
			}
			if (Boolean.TRUE.equals(s.get("optional"))) {
				b.param(at + "optional", "true");
			}
			if (Boolean.TRUE.equals(s.get("remove"))) {
				b.param(at + "remove", "true");
			}
		}
		return b;
	}

	@Test
	void aChangedFlowIsSavedShownPubliclyAuditedAndRechecked() throws Exception {
		List<Map<String, Object>> steps = steps();
		String renamed = "村党组织提议（经修订）";
		steps.get(0).put("name", renamed);
		long auditBefore = jdbc.sql("select count(*) from plt_audit_log where target_type = 'power_item'")
			.query(Long.class)
			.single();
		MockHttpServletResponse saved = mvc.perform(form(steps, "admin")).getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/catalogue/items/" + ITEM);
		assertThat(steps()).as("the rename, and every other field (ticked boxes too) as it was").isEqualTo(steps);
		assertThat(jdbc.sql("select count(*) from plt_audit_log where target_type = 'power_item'")
			.query(Long.class)
			.single()).isEqualTo(auditBefore + 1);
		assertThat(jdbc.sql("select count(*) from pow_conformance").query(Long.class).single())
			.as("every use of power checked again")
			.isEqualTo(jdbc.sql("select count(*) from pow_exercise").query(Long.class).single());
		String village = jdbc.sql("select min(region_code) from jur_region where level = 'village'")
			.query(String.class)
			.single();
		assertThat(mvc.perform(get("/public/villages/" + village + "/power-list")).getResponse().getContentAsString())
			.contains(renamed);
		// a box ticked is saved, one left unticked (not posted) is false
		steps.get(2).put("optional", true);
		steps.get(4).put("disclosure", false);
		assertThat(mvc.perform(form(steps, "admin")).getResponse().getStatus()).isEqualTo(302);
		assertThat(steps()).isEqualTo(steps);
		steps.get(2).put("optional", false);
		steps.get(4).put("disclosure", true);
		assertThat(mvc.perform(form(steps, "admin")).getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void anItemCodeThatLooksLikeATemplateIsSavedAndItsPageOpens() throws Exception {
		MockHttpServletResponse saved = mvc.perform(form(steps(), "admin", "{x}")).getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/catalogue/items/%7Bx%7D");
		assertThat(mvc.perform(get("/admin/catalogue/items/{code}", "{x}").with(county.signedIn("admin")))
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/admin/catalogue/items/{code}", "no-such-item").with(county.signedIn("admin")))
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aBrokenFlowIsRefusedWithItsProblemsAndSavesNothing() throws Exception {
		List<Map<String, Object>> before = steps();
		List<Map<String, Object>> steps = steps();
		steps.get(1).put("after", "nosuch");
		steps.get(1).put("min_days", 9);
		steps.get(1).put("max_days", 3);
		String html = mvc.perform(form(steps, "admin")).getResponse().getContentAsString();
		assertThat(html).contains("未保存").contains("“nosuch”不是本事项的步骤").contains("第 2 行步骤 · 最长天数");
		assertThat(steps()).isEqualTo(before);
	}

	@Test
	void aStepThatUsesOfPowerRecordedCannotBeRemoved() throws Exception {
		List<Map<String, Object>> before = steps();
		String used = jdbc.sql("""
				select ev.step_code from pow_exercise_event ev join pow_exercise e on e.exercise_id = ev.exercise_id
				where e.item_code = ? group by ev.step_code order by count(*) desc limit 1""")
			.param(ITEM)
			.query(String.class)
			.single();
		List<Map<String, Object>> steps = steps();
		steps.stream().filter(s -> s.get("step_code").equals(used)).forEach(s -> s.put("remove", true));
		// the steps after it would otherwise name a step that is gone
		steps.forEach(s -> {
			if (s.get("after") != null) {
				s.put("after", String.join(";",
						Arrays.stream(((String) s.get("after")).split(";")).filter(a -> !a.equals(used)).toList()));
			}
		});
		String html = mvc.perform(form(steps, "admin")).getResponse().getContentAsString();
		assertThat(html).contains("步骤 " + used + " 已有").contains("不能删除");
		assertThat(steps()).isEqualTo(before);
	}

	@Test
	void onlyAnAdministratorEditsTheList() throws Exception {
		assertThat(mvc.perform(form(steps(), "changle")).getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/admin/catalogue").with(county.signedIn("changle"))).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get("/admin/catalogue/items/" + ITEM).with(county.signedIn("admin")))
			.getResponse()
			.getContentAsString()).contains("流程步骤").contains("<svg");
	}

	@Test
	void aRedLineIsAddedChangedAndRemoved() throws Exception {
		mvc.perform(post("/admin/catalogue/red-lines").with(csrf())
			.with(county.signedIn("admin"))
			.param("code", "RL-TEST")
			.param("text", "严禁在集体资金中列支个人消费")
			.param("itemCode", ITEM));
		assertThat(
				jdbc.sql("select text from pow_red_line where red_line_code = 'RL-TEST'").query(String.class).single())
			.isEqualTo("严禁在集体资金中列支个人消费");
		var refused = mvc
			.perform(post("/admin/catalogue/red-lines").with(csrf())
				.with(county.signedIn("admin"))
				.param("code", "RL-TEST")
				.param("text", "改")
				.param("itemCode", "no_such_item"))
			.getMvcResult();
		assertThat(refused.getFlashMap().get("problems").toString()).contains("“no_such_item”不是清单中的事项");
		assertThat(
				jdbc.sql("select text from pow_red_line where red_line_code = 'RL-TEST'").query(String.class).single())
			.isEqualTo("严禁在集体资金中列支个人消费");
		mvc.perform(post("/admin/catalogue/red-lines/RL-TEST/delete").with(csrf()).with(county.signedIn("admin")));
		assertThat(jdbc.sql("select count(*) from pow_red_line where red_line_code = 'RL-TEST'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void markupTypedIntoAStepIsShownAsTextOnThePublicPage() throws Exception {
		List<Map<String, Object>> steps = steps();
		Object original = steps.get(2).get("name");
		steps.get(2).put("name", "<script>alert(1)</script>审议");
		assertThat(mvc.perform(form(steps, "admin")).getResponse().getStatus()).isEqualTo(302);
		String village = jdbc.sql("select min(region_code) from jur_region where level = 'village'")
			.query(String.class)
			.single();
		String html = mvc.perform(get("/public/villages/" + village + "/power-list"))
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;审议");
		steps.get(2).put("name", original);
		mvc.perform(form(steps, "admin"));
	}

}
