package org.qinglian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleData;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * For every endpoint that returns village data, a user of another township gets nothing:
 * the endpoints are discovered from the application's own mappings, so that a new one is
 * covered without being listed here.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "qinglian.test.database=scoping")
class ScopingTests {

	static final String PASSWORD = "scoping-test-password";

	/** Pages anyone may read: no village data beyond the public power list. */
	static final Set<String> PUBLIC = Set.of("/", "/login", "/public/villages/{code}", "/error");

	@Autowired
	MockMvc mvc;

	@Autowired
	Exchange exchange;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RequestMappingHandlerMapping mappings;

	String village;

	String exercise;

	String finding;

	String cadre;

	@Autowired
	org.qinglian.risk.RiskLibrary risk;

	@BeforeEach
	void county() {
		if (jdbc.sql("select count(*) from jur_region").query(Long.class).single() == 0) {
			exchange.importBundle(SampleData.devSample(), Exchange.Progress.NONE);
		}
		if (jdbc.sql("select count(*) from plt_user where username = 't101'").query(Long.class).single() == 0) {
			users.save(new NewUser("t101", "甘霖", PASSWORD, Role.TOWNSHIP_STAFF, "330683101000"));
			users.save(new NewUser("t102", "长乐", PASSWORD, Role.TOWNSHIP_STAFF, "330683102000"));
			users.save(new NewUser("auditor", "审计", PASSWORD, Role.AUDITOR, "330683000000"));
			users.save(new NewUser("cadre102", "村干部", PASSWORD, Role.VILLAGE_CADRE, "330683102201"));
		}
		if (jdbc.sql("select count(*) from risk_finding").query(Long.class).single() == 0) {
			risk.scan(org.qinglian.risk.RiskLibrary.ScanProgress.NONE);
		}
		// a village of township 101 that has a finding, an exercise and a party secretary
		finding = jdbc.sql("select min(finding_id) from risk_finding where region_code like '330683101%'")
			.query(String.class)
			.single();
		village = jdbc.sql("select region_code from risk_finding where finding_id = ?")
			.param(finding)
			.query(String.class)
			.single();
		exercise = jdbc.sql("select min(exercise_id) from pow_exercise where region_code = ?")
			.param(village)
			.query(String.class)
			.single();
		cadre = jdbc.sql("select min(person_id) from jur_position where region_code = ? and role = 'party_secretary'")
			.param(village)
			.query(String.class)
			.single();
	}

	List<String> guardedGetPaths() {
		List<String> paths = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				// the API's description names no village data
				if (!PUBLIC.contains(pattern) && !pattern.startsWith("/admin")
						&& !pattern.startsWith("/api/v1/openapi")) {
					paths.add(pattern);
				}
			}
		}
		assertThat(paths).as("endpoints found").hasSizeGreaterThan(10);
		return paths;
	}

	String fill(String pattern) {
		return pattern.replace("{code}", village)
			.replace("{id}", exercise)
			.replace("{findingId}", finding)
			.replace("{personId}", cadre)
			.replace("{itemCode}", "major_decision");
	}

	@Test
	void aUserOfAnotherTownshipGetsNothingFromAnyEndpoint() throws Exception {
		for (String pattern : guardedGetPaths()) {
			String url = fill(pattern);
			var own = mvc.perform(get(url).with(httpBasic("t101", PASSWORD))).andReturn().getResponse();
			assertThat(own.getStatus()).as("own township: " + url).isEqualTo(200);
			var other = mvc.perform(get(url).with(httpBasic("t102", PASSWORD))).andReturn().getResponse();
			if (pattern.contains("{")) {
				assertThat(other.getStatus()).as("other township: " + url).isIn(403, 404);
			}
			if (other.getStatus() == 200) {
				assertThat(other.getContentAsString()).as("other township: " + url)
					.doesNotContain("330683101")
					.doesNotContain(exercise);
			}
		}
	}

	@Test
	void nobodySignedInIsSentToTheLoginPage() throws Exception {
		for (String pattern : guardedGetPaths()) {
			int status = mvc.perform(get(fill(pattern))).andReturn().getResponse().getStatus();
			assertThat(status).as(pattern).isIn(302, 401);
		}
	}

	@Test
	void anAuditorSeesNoVillageRecords() throws Exception {
		for (String url : List.of("/api/v1/regions/" + village + "/vouchers", "/api/v1/exercises/" + exercise,
				"/staff/villages/" + village)) {
			assertThat(mvc.perform(get(url).with(httpBasic("auditor", PASSWORD))).andReturn().getResponse().getStatus())
				.as(url)
				.isEqualTo(403);
		}
	}

	@Test
	void aVillageCadreSeesOnlyTheirOwnVillage() throws Exception {
		assertThat(mvc.perform(get("/api/v1/regions/" + village + "/vouchers").with(httpBasic("cadre102", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/regions/330683102201/vouchers").with(httpBasic("cadre102", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void aVillageCadreNeverSeesFindingsProfilesOrTheEcology() throws Exception {
		String home = mvc.perform(get("/staff").with(httpBasic("cadre102", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("工作台").doesNotContain("待核实风险").doesNotContain("/staff/findings");
		String township = mvc.perform(get("/staff").with(httpBasic("t102", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(township).contains("待核实风险");
		for (String url : List.of("/staff/findings", "/staff/findings/" + finding, "/staff/people/" + cadre,
				"/staff/ecology/330683102201")) {
			assertThat(
					mvc.perform(get(url).with(httpBasic("cadre102", PASSWORD))).andReturn().getResponse().getStatus())
				.as(url)
				.isIn(403, 404);
		}
	}

	@Test
	void aNonsensicalPageSizeIsBoundedAndAWrongOneIsABadRequest() throws Exception {
		assertThat(
				mvc.perform(get("/api/v1/regions/" + village + "/vouchers?limit=-5").with(httpBasic("t101", PASSWORD)))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(200);
		var bad = mvc
			.perform(get("/api/v1/regions/" + village + "/vouchers?limit=many").with(httpBasic("t101", PASSWORD)))
			.andReturn()
			.getResponse();
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentAsString()).doesNotContain("at org.");
	}

	@Test
	void theApiIsDescribedForSignedInClients() throws Exception {
		assertThat(mvc.perform(get("/api/v1/openapi")).andReturn().getResponse().getStatus()).isIn(302, 401);
		String description = mvc.perform(get("/api/v1/openapi").with(httpBasic("t101", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(description).contains("\"openapi\"")
			.contains("/api/v1/regions/{code}/vouchers")
			.contains("/api/v1/exercises/{id}");
	}

	@Test
	void theAdministrationIsForAdministratorsOnly() throws Exception {
		assertThat(mvc.perform(get("/admin/users").with(httpBasic("t101", PASSWORD)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

}
