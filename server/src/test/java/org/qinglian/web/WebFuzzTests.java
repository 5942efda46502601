package org.qinglian.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.assertj.core.api.Assertions;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every form and API of the application given what a fuzzer makes of its fields, path
 * variables and query parameters, as an administrator and as township staff: never a 500,
 * never a stack trace.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "qinglian.test.database=web-fuzz", "qinglian.risk.scan-after-import=false" })
class WebFuzzTests {

	/** Each endpoint and the fields it reads. */
	static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
			Map.entry("POST /admin/users",
					List.of("username", "displayName", "password", "role", "regionCode", "personId")),
			Map.entry("POST /admin/users/edit", List.of("username", "displayName", "role", "regionCode", "personId")),
			Map.entry("POST /admin/users/{v}/password", List.of("password")),
			Map.entry("POST /admin/users/{v}/enabled", List.of("enabled")),
			Map.entry("POST /admin/catalogue/items",
					List.of("code", "category", "name", "legalBasis", "steps[0].code", "steps[0].seq", "steps[0].name",
							"steps[0].after", "steps[0].minDays", "steps[0].maxDays", "steps[1].code",
							"steps[1].after")),
			Map.entry("POST /admin/catalogue/red-lines", List.of("code", "text", "itemCode")),
			Map.entry("POST /admin/catalogue/red-lines/{v}/delete", List.of()),
			Map.entry("POST /admin/rules/{v}/{v}", List.of("value")),
			Map.entry("POST /staff/findings/{v}/dismiss", List.of("reason")),
			Map.entry("POST /staff/findings/{v}/clue", List.of("note")),
			Map.entry("POST /account/password", List.of("currentPassword", "newPassword", "repeatPassword")),
			Map.entry("GET /staff/findings", List.of("region", "status")),
			Map.entry("GET /staff/villages/{v}", List.of()), Map.entry("GET /staff/exercises/{v}", List.of()),
			Map.entry("GET /staff/people/{v}", List.of()), Map.entry("GET /staff/ecology/{v}", List.of()),
			Map.entry("GET /staff/findings/{v}", List.of()),
			Map.entry("GET /audit", List.of("actor", "action", "target", "from", "to")),
			Map.entry("GET /admin/catalogue/items/{v}", List.of()), Map.entry("GET /public/villages/{v}", List.of()),
			Map.entry("GET /api/v1/regions/{v}/positions", List.of("on")),
			Map.entry("GET /api/v1/regions/{v}/vouchers", List.of("limit")),
			Map.entry("GET /api/v1/regions/{v}/exercises", List.of("limit")),
			Map.entry("GET /api/v1/regions/{v}/contracts", List.of("limit")),
			Map.entry("GET /api/v1/regions/{v}/projects", List.of("limit")),
			Map.entry("GET /api/v1/regions/{v}/subsidies", List.of("limit")),
			Map.entry("GET /api/v1/regions", List.of()), Map.entry("GET /api/v1/power-items", List.of()),
			Map.entry("GET /api/v1/exercises/{v}", List.of()));

	static final List<String> KEYS = ENDPOINTS.keySet().stream().sorted().toList();

	/**
	 * What a stack trace or an exception's class shows (an input echoed back is fine).
	 */
	static final Pattern STACK_TRACE = Pattern
		.compile("\\tat [\\w.$]+\\(|\\b(java|javax|jakarta|org|com)\\.[\\w.$]+(Exception|Error)\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	SampleCounty county;

	@Autowired
	UserAccounts users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	JdbcClient jdbc;

	void county() {
		county.loaded()
			.withUser("fuzz_admin", Role.COUNTY_ADMIN, SampleCounty.COUNTY)
			.withUser("fuzz_staff", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN);
	}

	@org.junit.jupiter.api.Test
	void aNulCharacterAnywhereIsABadRequest() throws Exception {
		county();
		var admin = user(userDetails.loadUserByUsername("fuzz_admin"));
		Assertions.assertThat(
				mvc.perform(get(URI.create("/staff/villages/a%00b")).with(admin)).andReturn().getResponse().getStatus())
			.isEqualTo(400);
		Assertions
			.assertThat(
					mvc.perform(post("/staff/findings/x/dismiss").param("reason", "a\u0000b").with(csrf()).with(admin))
						.andReturn()
						.getResponse()
						.getStatus())
			.isEqualTo(400);
		Assertions
			.assertThat(mvc
				.perform(post("/staff/findings/x/dismiss").param("reason", "two\nlines").with(csrf()).with(admin))
				.andReturn()
				.getResponse()
				.getStatus())
			.isNotEqualTo(400);
	}

	@FuzzTest(maxDuration = "60s")
	void noFieldOrPathMakesAServerError(FuzzedDataProvider data) throws Exception {
		county();
		String key = KEYS.get(data.consumeInt(0, KEYS.size() - 1));
		String method = key.substring(0, key.indexOf(' '));
		String template = key.substring(key.indexOf(' ') + 1);
		StringBuilder path = new StringBuilder();
		for (String part : template.split("\\{v\\}", -1)) {
			if (!path.isEmpty() || template.startsWith("{v}")) {
				path.append(URLEncoder.encode(data.consumeString(40), StandardCharsets.UTF_8).replace("+", "%20"));
			}
			path.append(part);
		}
		String url = path.toString();
		MockHttpServletRequestBuilder request;
		try {
			request = method.equals("POST") ? post(URI.create(url)) : get(URI.create(url));
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		for (String field : ENDPOINTS.get(key)) {
			if (data.consumeBoolean()) {
				request.param(field, data.consumeString(300));
			}
		}
		if (method.equals("POST")) {
			request.with(csrf());
		}
		String who = data.consumeBoolean() ? "fuzz_admin" : "fuzz_staff";
		request.with(user(userDetails.loadUserByUsername(who)));
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String body = response.getContentAsString();
		if (response.getStatus() >= 500 || STACK_TRACE.matcher(body).find()) {
			throw new AssertionError(key + " as " + who + " -> " + url + ": " + response.getStatus() + " "
					+ body.substring(0, Math.min(500, body.length())));
		}
	}

}
