package org.qinglian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.Images;
import org.qinglian.IntegrationTest;
import org.qinglian.SampleCounty;
import org.qinglian.assets.VillageBooks;
import org.qinglian.disclosure.VillageDesk;
import org.qinglian.intake.PublicReports;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;
import org.qinglian.risk.RiskLibrary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: every endpoint of the application (found in its own mappings,
 * GET and POST, pages and API) × every role × own or other jurisdiction × recused, with
 * the outcome each cell must have. An endpoint without a row here fails the build, so
 * that no new endpoint escapes it; a row whose endpoint is gone fails too.
 * <p>
 * The target is a village of township 101 with a finding, a use of power and a party
 * secretary. {@code own} works for township 101, {@code other} for 102, {@code recused}
 * for 101 but lives in the target village.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "qinglian.test.database=matrix", "qinglian.intake.rate-limit=0" })
class AuthorizationMatrixTests {

	static final String PASSWORD = "matrix-test-password-1";

	/**
	 * Who asks, and where their jurisdiction is against the target village of township
	 * 101.
	 */
	enum Who {

		ANONYMOUS(null, Where.NONE), ADMIN(Role.COUNTY_ADMIN, Where.COUNTY),
		TOWNSHIP_ADMIN(Role.COUNTY_ADMIN, Where.TOWNSHIP), COUNTY(Role.COUNTY_STAFF, Where.COUNTY),
		COUNTY_RECUSED(Role.COUNTY_STAFF, Where.COUNTY), OWN(Role.TOWNSHIP_STAFF, Where.TOWNSHIP),
		OTHER(Role.TOWNSHIP_STAFF, Where.OTHER_TOWNSHIP), RECUSED(Role.TOWNSHIP_STAFF, Where.TOWNSHIP),
		RECUSED_KIN(Role.TOWNSHIP_STAFF, Where.TOWNSHIP), MONITOR(Role.VILLAGE_MONITOR, Where.VILLAGE),
		MONITOR_NEIGHBOUR(Role.VILLAGE_MONITOR, Where.NEIGHBOUR_VILLAGE), CADRE(Role.VILLAGE_CADRE, Where.VILLAGE),
		CUSTODIAN(Role.CUSTODIAN, Where.TOWNSHIP), CUSTODIAN_OTHER(Role.CUSTODIAN, Where.OTHER_TOWNSHIP),
		AUDITOR(Role.AUDITOR, Where.COUNTY);

		final Role role;

		final Where where;

		Who(Role role, Where where) {
			this.role = role;
			this.where = where;
		}

		String username() {
			return "m_" + name().toLowerCase();
		}

		/** Whether their jurisdiction covers the target village. */
		boolean coversTarget() {
			return where == Where.COUNTY || where == Where.TOWNSHIP || where == Where.VILLAGE;
		}

		/**
		 * Recused from the target village's supervision records (by residence or kin).
		 */
		boolean recused() {
			return this == RECUSED || this == RECUSED_KIN || this == COUNTY_RECUSED;
		}

	}

	/** Where a user's jurisdiction starts. */
	enum Where {

		NONE, COUNTY, TOWNSHIP, OTHER_TOWNSHIP, VILLAGE, NEIGHBOUR_VILLAGE

	}

	/**
	 * The roles that may do each thing, written out here rather than read from
	 * {@link Role}, so that a permission given to the wrong role fails this test.
	 */
	static final Set<Role> VILLAGE_DATA = EnumSet.of(Role.COUNTY_ADMIN, Role.COUNTY_STAFF, Role.TOWNSHIP_STAFF,
			Role.VILLAGE_MONITOR, Role.VILLAGE_CADRE, Role.CUSTODIAN);

	static final Set<Role> SUPERVISORS = EnumSet.of(Role.COUNTY_ADMIN, Role.COUNTY_STAFF, Role.TOWNSHIP_STAFF);

	static final Set<Role> AUDIT_READERS = EnumSet.of(Role.COUNTY_ADMIN, Role.AUDITOR);

	static final Set<Role> KEEPERS = EnumSet.of(Role.VILLAGE_CADRE, Role.CUSTODIAN);

	static final Set<Role> REVEALERS = EnumSet.of(Role.COUNTY_STAFF, Role.TOWNSHIP_STAFF);

	static final Set<Role> TAKERS = EnumSet.of(Role.COUNTY_STAFF, Role.TOWNSHIP_STAFF, Role.VILLAGE_MONITOR);

	/** A small PNG: the target report's attachment. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };

	/** What a cell's answer is. */
	enum Outcome {

		/**
		 * 2xx, a redirect other than to the sign-in page, or 400 (allowed, bad input).
		 */
		OK,
		/** 403. */
		FORBIDDEN,
		/** 404: outside the jurisdiction, recused, or not there. */
		HIDDEN,
		/** 401, or a redirect to the sign-in page. */
		SIGN_IN

	}

	/** The kinds of endpoint, each with its rule for every cell. */
	enum Rule {

		/** Everyone, signed in or not. */
		PUBLIC,
		/** Anyone signed in. */
		SIGNED_IN,
		/** Village records of the target village. */
		VILLAGE,
		/** Supervision records (findings, profiles, ecology) of the target village. */
		SUPERVISION,
		/** Supervision records of the user's own jurisdiction (a list). */
		SUPERVISION_LIST,
		/**
		 * Figures and lists of supervision records of the target village: a recused user
		 * sees the page, without what they may not open (proved apart).
		 */
		SUPERVISION_FIGURES,
		/** Administrators. */
		ADMIN,
		/** The audit log. */
		AUDIT,
		/** A village information officer's own matters. */
		OFFICER,
		/**
		 * Revealing a reporter: handling staff (not administrators) of the report's
		 * office, not recused.
		 */
		REVEAL,
		/**
		 * A village's books and publication: its cadre, the custodian agency of its
		 * township (under custody).
		 */
		KEEPER,
		/** A village's uses of power: its cadre. */
		RECORDER,
		/** The liaison stations' queue: whoever takes orders. */
		STATION_LIST,
		/** An order of the target village: whoever takes orders there. */
		STATION,
		/** Sending an order of the target village to intake: office staff there. */
		STATION_STAFF,
		/** A supervision-list task the target village owns: its member, the office. */
		TASK,
		/** Reviewers' scores and designations: the county's staff and administrators. */
		ASSESSOR;

		Outcome expected(Who who) {
			if (this == PUBLIC) {
				return Outcome.OK;
			}
			if (who == Who.ANONYMOUS) {
				return Outcome.SIGN_IN;
			}
			Role role = who.role;
			return switch (this) {
				case SIGNED_IN -> Outcome.OK;
				case VILLAGE ->
					!VILLAGE_DATA.contains(role) ? Outcome.FORBIDDEN : who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case SUPERVISION_LIST -> SUPERVISORS.contains(role) ? Outcome.OK : Outcome.FORBIDDEN;
				case SUPERVISION -> !SUPERVISORS.contains(role) ? Outcome.FORBIDDEN
						: who.coversTarget() && !who.recused() ? Outcome.OK : Outcome.HIDDEN;
				case SUPERVISION_FIGURES ->
					!SUPERVISORS.contains(role) ? Outcome.FORBIDDEN : who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case ADMIN -> role == Role.COUNTY_ADMIN ? Outcome.OK : Outcome.FORBIDDEN;
				case AUDIT -> AUDIT_READERS.contains(role) ? Outcome.OK : Outcome.FORBIDDEN;
				case OFFICER -> role == Role.VILLAGE_MONITOR ? Outcome.OK : Outcome.FORBIDDEN;
				case REVEAL -> !REVEALERS.contains(role) ? Outcome.FORBIDDEN
						: who.coversTarget() && !who.recused() ? Outcome.OK : Outcome.HIDDEN;
				case KEEPER ->
					!KEEPERS.contains(role) ? Outcome.FORBIDDEN : who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case RECORDER ->
					role != Role.VILLAGE_CADRE ? Outcome.FORBIDDEN : who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case STATION_LIST -> TAKERS.contains(role) ? Outcome.OK : Outcome.FORBIDDEN;
				case STATION ->
					!TAKERS.contains(role) ? Outcome.FORBIDDEN : who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case STATION_STAFF ->
					!REVEALERS.contains(role) ? Outcome.FORBIDDEN : who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case TASK -> who == Who.MONITOR ? Outcome.OK : !SUPERVISORS.contains(role) ? Outcome.FORBIDDEN
						: who.coversTarget() ? Outcome.OK : Outcome.HIDDEN;
				case ASSESSOR ->
					role == Role.COUNTY_ADMIN || role == Role.COUNTY_STAFF ? Outcome.OK : Outcome.FORBIDDEN;
				default -> throw new IllegalStateException();
			};
		}

	}

	/**
	 * A row: the request to send for an endpoint (its path variables filled with the
	 * target, a harmless body for a POST) and its rule.
	 */
	record Row(String url, Map<String, String> params, Rule rule, String json) {

		Row(String url, Rule rule) {
			this(url, Map.of(), rule, null);
		}

		Row(String url, Map<String, String> params, Rule rule) {
			this(url, params, rule, null);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SampleCounty county;

	@Autowired
	UserAccounts users;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	RiskLibrary risk;

	@Autowired
	RequestMappingHandlerMapping mappings;

	String village;

	String finding;

	String exercise;

	String cadre;

	/** A voucher of the target village with its scan, published. */
	String scanned;

	/** A month of the target village's published books. */
	String month;

	@Autowired
	VillageDesk desk;

	/**
	 * The target report (about the cadre, in the target village) and its receipt code.
	 */
	static String report;

	static String receipt;

	@Autowired
	PublicReports publicReports;

	@BeforeEach
	void county() {
		county.loaded();
		finding = jdbc.sql("""
				select min(f.finding_id) from risk_finding f join jur_person p on p.person_id = f.subject_id
				where f.region_code like '330683101%'""").query(String.class).single();
		village = jdbc.sql("select region_code from risk_finding where finding_id = ?")
			.param(finding)
			.query(String.class)
			.single();
		exercise = jdbc.sql("select min(exercise_id) from pow_exercise where region_code = ?")
			.param(village)
			.query(String.class)
			.single();
		cadre = jdbc.sql("select subject_id from risk_finding where finding_id = ?")
			.param(finding)
			.query(String.class)
			.single();
		if (!users.exists(Who.ADMIN.username())) {
			String villager = jdbc.sql("select min(person_id) from jur_person where region_code = ? and person_id <> ?")
				.params(village, cadre)
				.query(String.class)
				.single();
			// someone of another village of the township, made the subject's sibling
			String sibling = jdbc.sql("""
					select min(person_id) from jur_person where region_code like '330683101%' and region_code <> ?""")
				.param(village)
				.query(String.class)
				.single();
			jdbc.sql("insert into jur_kin (person_id, relative_id, relation, source) values (?, ?, 'sibling', 'test')"
					+ " on conflict do nothing")
				.params(sibling, cadre)
				.update();
			risk.scan(RiskLibrary.ScanProgress.NONE);
			String neighbour = jdbc.sql("""
					select min(region_code) from jur_region where level = 'village'
					and region_code like '330683101%' and region_code <> ?""")
				.param(village)
				.query(String.class)
				.single();
			for (Who who : Who.values()) {
				if (who == Who.ANONYMOUS) {
					continue;
				}
				String region = switch (who.where) {
					case COUNTY -> "330683000000";
					case TOWNSHIP -> "330683101000";
					case OTHER_TOWNSHIP -> "330683102000";
					case NEIGHBOUR_VILLAGE -> neighbour;
					default -> village;
				};
				String person = switch (who) {
					case RECUSED, COUNTY_RECUSED -> villager;
					case RECUSED_KIN -> sibling;
					default -> null;
				};
				users.create(new NewUser(who.username(), who.name(), PASSWORD, who.role, region, person));
			}
		}
		// a voucher with its scan, published by the village's cadre; a month of its books
		scanned = jdbc.sql("""
				select voucher_id from dis_scan s join ast_voucher v using (voucher_id) where v.region_code = ?
				order by voucher_id limit 1""").param(village).query(String.class).optional().orElse(null);
		if (scanned == null) {
			scanned = as(Who.CADRE, () -> {
				String id = desk.bookVoucher(
						new VillageBooks.VoucherEntry(village, LocalDate.now(), "expense", new BigDecimal("120.00"),
								"bank", "文具店", "office", "matrix voucher", "INV-M"),
						new VillageDesk.Upload("scan.png", Images.png()), false);
				desk.publish(village);
				return id;
			});
		}
		month = jdbc.sql("select max(month) from dis_version where region_code = ? and kind = 'voucher'")
			.param(village)
			.query(String.class)
			.single();
		// a clue and a case of the target village about the cadre
		jdbc.sql(
				"""
						insert into cas_clue (clue_id, source, source_id, region_code, subject_id, summary, opened_by, opened_at)
						values ('MATRIX-CLUE', 'inspection', 'M-1', ?, ?, 'matrix clue', 'test', now()) on conflict do nothing""")
			.params(village, cadre)
			.update();
		jdbc.sql("""
				insert into cas_case (case_id, filed_on, unit_code, self_handled, joint, subject_id, region_code)
				values ('MATRIX-CASE', current_date, '330683101000', true, false, ?, ?) on conflict do nothing""")
			.params(cadre, village)
			.update();
		// a liaison station serving the target village with an order from it; a project
		// on the
		// supervision list of township 101 touching the village, with a task the village
		// owns
		jdbc.sql("""
				insert into net_station (station_id, township_code, name, opened_on, created_by)
				values ('MATRIX-ST', '330683101000', 'matrix station', current_date, 'test') on conflict do nothing""")
			.update();
		jdbc.sql(
				"insert into net_station_village (station_id, village_code) values ('MATRIX-ST', ?) on conflict do nothing")
			.param(village)
			.update();
		jdbc.sql("""
				insert into net_order (order_id, station_id, region_code, kind, summary, taken_by, taken_at, client_key)
				values ('MATRIX-ORDER', 'MATRIX-ST', ?, 'request', 'matrix order', 'test', now(), 'matrix')
				on conflict do nothing""").param(village).update();
		jdbc.sql("""
				insert into net_project (project_id, office_code, name, kind, villages, listed_on, listed_by)
				values ('MATRIX-PROJ', '330683101000', 'matrix project', 'water', ?, current_date, 'test')
				on conflict do nothing""").param(village).update();
		jdbc.sql(
				"""
						insert into net_task (task_id, project_id, kind, title, owner_code, due_on)
						values ('MATRIX-TASK', 'MATRIX-PROJ', 'inspection', 'matrix task', ?, current_date) on conflict do nothing""")
			.param(village)
			.update();
		if (receipt == null
				|| jdbc.sql("select count(*) from int_report where subject_id = ? and entered_at is not null")
					.param(cadre)
					.query(Long.class)
					.single() == 0) {
			receipt = publicReports
				.submit(new PublicReports.Submission("web", village, "accusation", "matrix target report", null, cadre,
						false, "Matrix Reporter", "13900000000", List.of(new PublicReports.Upload("a.png", PNG))));
			report = jdbc.sql("""
					select report_id from int_report where subject_id = ? and entered_at is not null
					order by entered_at desc limit 1""").param(cadre).query(String.class).single();
		}
	}

	/** Every endpoint of the application and the request that probes it. */
	Map<String, Row> rows() {
		Map<String, Row> rows = new LinkedHashMap<>();
		rows.put("GET /", new Row("/", Rule.PUBLIC));
		rows.put("GET /login", new Row("/login", Rule.PUBLIC));
		rows.put("GET /public/villages/{code}", new Row("/public/villages/" + village, Rule.PUBLIC));
		// Spring Boot's error page asked for directly has no error to show: 500, no
		// details
		rows.put("GET /error", new Row("/error", Rule.PUBLIC));
		rows.put("POST /error", new Row("/error", Rule.PUBLIC));
		rows.put("GET /staff", new Row("/staff", Rule.SIGNED_IN));
		rows.put("GET /account/password", new Row("/account/password", Rule.SIGNED_IN));
		rows.put("POST /account/password", new Row("/account/password",
				Map.of("currentPassword", "x", "newPassword", "a", "repeatPassword", "b"), Rule.SIGNED_IN));
		rows.put("GET /staff/villages/{code}", new Row("/staff/villages/" + village, Rule.VILLAGE));
		rows.put("GET /staff/exercises/{id}", new Row("/staff/exercises/" + exercise, Rule.VILLAGE));
		rows.put("GET /staff/findings", new Row("/staff/findings", Rule.SUPERVISION_LIST));
		rows.put("GET /staff/findings/{findingId}", new Row("/staff/findings/" + finding, Rule.SUPERVISION));
		rows.put("POST /staff/findings/{findingId}/dismiss",
				new Row("/staff/findings/" + finding + "/dismiss", Map.of("reason", " "), Rule.SUPERVISION));
		rows.put("POST /staff/findings/{findingId}/clue",
				new Row("/staff/findings/" + finding + "/clue", Map.of("note", "x".repeat(5000)), Rule.SUPERVISION));
		rows.put("GET /staff/people/{personId}", new Row("/staff/people/" + cadre, Rule.SUPERVISION));
		rows.put("GET /staff/ecology/{code}", new Row("/staff/ecology/" + village, Rule.SUPERVISION_FIGURES));
		rows.put("GET /audit", new Row("/audit", Rule.AUDIT));
		rows.put("GET /admin/users", new Row("/admin/users", Rule.ADMIN));
		rows.put("POST /admin/users", new Row("/admin/users", Map.of("username", "x"), Rule.ADMIN));
		rows.put("POST /admin/users/edit", new Row("/admin/users/edit", Map.of("username", Who.OWN.username(),
				"displayName", "", "role", "township_staff", "regionCode", "330683101000"), Rule.ADMIN));
		rows.put("POST /admin/users/{username}/password",
				new Row("/admin/users/" + Who.OWN.username() + "/password", Map.of("password", "short"), Rule.ADMIN));
		rows.put("POST /admin/users/{username}/enabled",
				new Row("/admin/users/" + Who.OWN.username() + "/enabled", Map.of("enabled", "true"), Rule.ADMIN));
		rows.put("GET /admin/catalogue", new Row("/admin/catalogue", Rule.ADMIN));
		rows.put("GET /admin/catalogue/new", new Row("/admin/catalogue/new", Rule.ADMIN));
		rows.put("GET /admin/catalogue/items/{itemCode}", new Row("/admin/catalogue/items/major_decision", Rule.ADMIN));
		rows.put("POST /admin/catalogue/items", new Row("/admin/catalogue/items", Map.of("code", ""), Rule.ADMIN));
		rows.put("POST /admin/catalogue/red-lines",
				new Row("/admin/catalogue/red-lines", Map.of("code", "", "text", ""), Rule.ADMIN));
		rows.put("POST /admin/catalogue/red-lines/{code}/delete",
				new Row("/admin/catalogue/red-lines/NO_SUCH_LINE/delete", Rule.ADMIN));
		rows.put("GET /admin/rules", new Row("/admin/rules", Rule.ADMIN));
		rows.put("POST /admin/rules/{code}/{key}",
				new Row("/admin/rules/white_slip/min_amount", Map.of("value", "-1"), Rule.ADMIN));
		// the network: the grid, liaison stations, the supervision list, culture
		rows.put("GET /grid", new Row("/grid", Rule.OFFICER));
		rows.put("POST /grid/verifications", new Row("/grid/verifications", Map.of("clientKey", "m"), Rule.OFFICER));
		rows.put("GET /staff/grid", new Row("/staff/grid", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/grid/stations",
				new Row("/staff/grid/stations", Map.of("name", ""), Rule.SUPERVISION_LIST));
		rows.put("GET /stations", new Row("/stations", Rule.STATION_LIST));
		rows.put("POST /stations/orders", new Row("/stations/orders", Map.of("clientKey", ""), Rule.STATION_LIST));
		rows.put("GET /stations/orders/{orderId}", new Row("/stations/orders/MATRIX-ORDER", Rule.STATION));
		rows.put("POST /stations/orders/{orderId}/assign",
				new Row("/stations/orders/MATRIX-ORDER/assign", Map.of("username", "nobody"), Rule.STATION));
		rows.put("POST /stations/orders/{orderId}/answer",
				new Row("/stations/orders/MATRIX-ORDER/answer", Map.of("answer", " "), Rule.STATION));
		rows.put("POST /stations/orders/{orderId}/close", new Row("/stations/orders/MATRIX-ORDER/close", Rule.STATION));
		rows.put("POST /stations/orders/{orderId}/transfer",
				new Row("/stations/orders/MATRIX-ORDER/transfer", Rule.STATION_STAFF));
		rows.put("GET /staff/supervision-list", new Row("/staff/supervision-list", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/supervision-list",
				new Row("/staff/supervision-list", Map.of("name", ""), Rule.SUPERVISION_LIST));
		rows.put("GET /staff/supervision-list/{projectId}",
				new Row("/staff/supervision-list/MATRIX-PROJ", Rule.SUPERVISION_FIGURES));
		for (String part : List.of("milestones", "milestones/NO_SUCH/done", "tasks", "problems",
				"problems/NO_SUCH/solved", "progress")) {
			rows.put(
					"POST /staff/supervision-list/{projectId}/" + part.replace("NO_SUCH/done", "{milestoneId}/done")
						.replace("NO_SUCH/solved", "{problemId}/solved"),
					new Row("/staff/supervision-list/MATRIX-PROJ/" + part, Map.of("name", ""),
							Rule.SUPERVISION_FIGURES));
		}
		rows.put("POST /tasks/{taskId}/done", new Row("/tasks/MATRIX-TASK/done", Map.of("note", ""), Rule.TASK));
		rows.put("GET /staff/culture", new Row("/staff/culture", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/culture", new Row("/staff/culture", Map.of("brand", ""), Rule.SUPERVISION_LIST));
		rows.put("POST /staff/culture/activities",
				new Row("/staff/culture/activities", Map.of("title", ""), Rule.SUPERVISION_LIST));
		rows.put("GET /public/townships/{code}", new Row("/public/townships/330683101000", Rule.PUBLIC));
		rows.put("GET /public/supervision-list/{projectId}",
				new Row("/public/supervision-list/MATRIX-PROJ", Rule.PUBLIC));
		// the assessment, the county's view, the creation standards
		rows.put("GET /staff/assessment", new Row("/staff/assessment?year=2020", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/assessment/reviews",
				new Row("/staff/assessment/reviews", Map.of("year", "2020", "note", ""), Rule.ASSESSOR));
		rows.put("POST /staff/assessment/designations",
				new Row("/staff/assessment/designations", Map.of("year", "2020", "note", ""), Rule.ASSESSOR));
		rows.put("GET /staff/county", new Row("/staff/county?year=2020", Rule.SUPERVISION_LIST));
		rows.put("GET /staff/county/{code}", new Row("/staff/county/330683101000?year=2020", Rule.SUPERVISION_FIGURES));
		rows.put("GET /admin/scorecard", new Row("/admin/scorecard", Rule.ADMIN));
		rows.put("POST /admin/scorecard/items/{itemCode}",
				new Row("/admin/scorecard/items/grid_coverage", Map.of("nameZh", ""), Rule.ADMIN));
		rows.put("POST /admin/scorecard/items", new Row("/admin/scorecard/items", Map.of("itemCode", ""), Rule.ADMIN));
		// the tree of regions is public (the portal lists every village)
		rows.put("GET /api/v1/regions", new Row("/api/v1/regions", Rule.SIGNED_IN));
		rows.put("GET /api/v1/power-items", new Row("/api/v1/power-items", Rule.SIGNED_IN));
		for (String part : List.of("positions", "exercises", "vouchers", "contracts", "projects", "subsidies")) {
			rows.put("GET /api/v1/regions/{code}/" + part,
					new Row("/api/v1/regions/" + village + "/" + part, Rule.VILLAGE));
		}
		rows.put("GET /api/v1/exercises/{id}", new Row("/api/v1/exercises/" + exercise, Rule.VILLAGE));
		rows.put("GET /api/v1/openapi", new Row("/api/v1/openapi", Rule.PUBLIC));
		rows.put("GET /api/v1/openapi.yaml", new Row("/api/v1/openapi.yaml", Rule.PUBLIC));
		rows.put("GET /public/api", new Row("/public/api", Rule.PUBLIC));
		// reports: the public's pages and API (no account), the office's, the officers'
		rows.put("GET /public/report", new Row("/public/report", Rule.PUBLIC));
		rows.put("POST /public/report", new Row("/public/report", Map.of("kind", "accusation"), Rule.PUBLIC));
		rows.put("GET /public/follow", new Row("/public/follow", Rule.PUBLIC));
		rows.put("POST /public/follow", new Row("/public/follow", Map.of("receipt", receipt), Rule.PUBLIC));
		rows.put("POST /public/follow/message",
				new Row("/public/follow/message", Map.of("receipt", receipt, "text", " "), Rule.PUBLIC));
		rows.put("POST /public/follow/rating",
				new Row("/public/follow/rating", Map.of("receipt", receipt, "satisfied", "true"), Rule.PUBLIC));
		rows.put("POST /api/v1/public/reports",
				new Row("/api/v1/public/reports", Map.of(), Rule.PUBLIC, "{\"kind\": \"nonsense\"}"));
		rows.put("GET /api/v1/public/reports/{receipt}", new Row("/api/v1/public/reports/" + receipt, Rule.PUBLIC));
		rows.put("GET /staff/reports", new Row("/staff/reports", Rule.SUPERVISION_LIST));
		rows.put("GET /staff/reports/new", new Row("/staff/reports/new", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/reports", new Row("/staff/reports", Map.of("channel", "visit"), Rule.SUPERVISION_LIST));
		rows.put("GET /staff/reports/{reportId}", new Row("/staff/reports/" + report, Rule.SUPERVISION));
		rows.put("GET /staff/reports/{reportId}/files/{sha256}",
				new Row("/staff/reports/" + report + "/files/" + sha256(PNG), Rule.SUPERVISION));
		Map<String, Map<String, String>> actions = new LinkedHashMap<>();
		actions.put("classify", Map.of("kind", ""));
		actions.put("assign", Map.of("username", "nobody"));
		actions.put("route", Map.of("reason", " "));
		actions.put("acknowledge", Map.of());
		actions.put("extend", Map.of("days", "0", "reason", "x"));
		actions.put("answer", Map.of("answer", " "));
		actions.put("message", Map.of("text", " "));
		actions.put("note", Map.of("text", " "));
		actions.put("duplicate", Map.of("original", "NO_SUCH_REPORT"));
		actions.put("rating", Map.of("satisfied", "true"));
		actions.put("review", Map.of("conclusion", " "));
		actions.forEach((action, params) -> rows.put("POST /staff/reports/{reportId}/" + action,
				new Row("/staff/reports/" + report + "/" + action, params, Rule.SUPERVISION)));
		rows.put("POST /staff/reports/{reportId}/reveal",
				new Row("/staff/reports/" + report + "/reveal", Map.of("reason", " "), Rule.REVEAL));
		rows.put("GET /staff/clues", new Row("/staff/clues", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/clues", new Row("/staff/clues", Map.of("source", "inspection"), Rule.SUPERVISION_LIST));
		rows.put("GET /staff/clues/{clueId}", new Row("/staff/clues/MATRIX-CLUE", Rule.SUPERVISION));
		rows.put("POST /staff/clues/{clueId}/dispose",
				new Row("/staff/clues/MATRIX-CLUE/dispose", Map.of("disposition", "hold"), Rule.SUPERVISION));
		rows.put("POST /staff/clues/{clueId}/verification",
				new Row("/staff/clues/MATRIX-CLUE/verification", Map.of("conclusion", "x"), Rule.SUPERVISION));
		rows.put("POST /staff/clues/{clueId}/case",
				new Row("/staff/clues/MATRIX-CLUE/case", Map.of("handling", "self"), Rule.SUPERVISION));
		rows.put("POST /staff/clues/{clueId}/approve", new Row("/staff/clues/MATRIX-CLUE/approve", Rule.SUPERVISION));
		rows.put("GET /staff/cases", new Row("/staff/cases", Rule.SUPERVISION_LIST));
		rows.put("GET /staff/cases/{caseId}", new Row("/staff/cases/MATRIX-CASE", Rule.SUPERVISION));
		Map<String, Map<String, String>> caseActions = new LinkedHashMap<>();
		caseActions.put("group", Map.of("member", "nobody"));
		caseActions.put("rounds", Map.of("heldOn", "2020-01-01"));
		caseActions.put("notes", Map.of("text", " "));
		caseActions.put("review", Map.of("opinion", " "));
		caseActions.put("decision", Map.of("sanction", "nonsense"));
		caseActions.put("notice", Map.of("text", " "));
		caseActions.put("close", Map.of());
		caseActions.forEach((action, params) -> rows.put("POST /staff/cases/{caseId}/" + action,
				new Row("/staff/cases/MATRIX-CASE/" + action, params, Rule.SUPERVISION)));
		rows.put("POST /staff/cases/{caseId}/followups/{kind}",
				new Row("/staff/cases/MATRIX-CASE/followups/notice", Map.of("evidence", "x"), Rule.SUPERVISION));
		rows.put("GET /staff/education", new Row("/staff/education", Rule.SUPERVISION_LIST));
		rows.put("POST /staff/education", new Row("/staff/education", Map.of("kind", "x"), Rule.SUPERVISION_LIST));
		rows.put("GET /public/notices", new Row("/public/notices", Rule.PUBLIC));
		rows.put("GET /staff/report-card", new Row("/staff/report-card", Rule.SUPERVISION_LIST));
		rows.put("GET /staff/registries/untied", new Row("/staff/registries/untied", Rule.SUPERVISION_LIST));
		rows.put("GET /api/v1/registries/untied", new Row("/api/v1/registries/untied", Rule.SUPERVISION_LIST));
		rows.put("GET /staff/report-card.xlsx", new Row("/staff/report-card.xlsx", Rule.SUPERVISION_LIST));
		// the public portal, the village's desk, the offices' view of disclosure
		rows.put("GET /public/villages/{code}/power-list",
				new Row("/public/villages/" + village + "/power-list", Rule.PUBLIC));
		for (String part : List.of("exercises", "vouchers", "contracts", "assets", "subsidies", "projects")) {
			rows.put("GET /public/villages/{code}/" + part,
					new Row("/public/villages/" + village + "/" + part, Rule.PUBLIC));
		}
		rows.put("GET /public/villages/{code}/exercises/{id}",
				new Row("/public/villages/" + village + "/exercises/" + exercise, Rule.PUBLIC));
		rows.put("GET /public/records/{kind}/{id}", new Row("/public/records/exercise/" + exercise, Rule.PUBLIC));
		rows.put("GET /public/scans/{voucherId}", new Row("/public/scans/" + scanned, Rule.PUBLIC));
		rows.put("GET /public/villages/{code}/sheets/{month}",
				new Row("/public/villages/" + village + "/sheets/" + month, Rule.PUBLIC));
		rows.put("GET /public/villages/{code}/sheets/{month}/verify",
				new Row("/public/villages/" + village + "/sheets/" + month + "/verify", Map.of("s", "1", "h", "x"),
						Rule.PUBLIC));
		rows.put("GET /public/publications", new Row("/public/publications", Rule.PUBLIC));
		rows.put("GET /village/desk", new Row("/village/desk", Map.of("village", village), Rule.KEEPER));
		rows.put("POST /village/publish", new Row("/village/publish", Map.of("village", village), Rule.KEEPER));
		rows.put("GET /village/vouchers/new",
				new Row("/village/vouchers/new", Map.of("village", village), Rule.KEEPER));
		rows.put("POST /village/vouchers",
				new Row("/village/vouchers", Map.of("village", village, "amount", "-1"), Rule.KEEPER));
		rows.put("GET /village/vouchers/{id}/correct",
				new Row("/village/vouchers/" + scanned + "/correct", Rule.KEEPER));
		rows.put("POST /village/vouchers/{id}/correct",
				new Row("/village/vouchers/" + scanned + "/correct", Map.of("amount", "-1"), Rule.KEEPER));
		rows.put("GET /village/contracts/new",
				new Row("/village/contracts/new", Map.of("village", village), Rule.KEEPER));
		rows.put("POST /village/contracts",
				new Row("/village/contracts", Map.of("village", village, "kind", "nonsense"), Rule.KEEPER));
		rows.put("GET /village/exercises/new",
				new Row("/village/exercises/new", Map.of("village", village), Rule.RECORDER));
		rows.put("POST /village/exercises",
				new Row("/village/exercises", Map.of("village", village, "title", ""), Rule.RECORDER));
		rows.put("GET /village/exercises/{id}/steps",
				new Row("/village/exercises/" + exercise + "/steps", Rule.KEEPER));
		rows.put("POST /village/exercises/{id}/steps",
				new Row("/village/exercises/" + exercise + "/steps", Map.of("stepCode", "nonsense"), Rule.RECORDER));
		rows.put("GET /staff/disclosure", new Row("/staff/disclosure", Rule.SUPERVISION_LIST));
		rows.put("GET /officer/reports", new Row("/officer/reports", Rule.OFFICER));
		rows.put("POST /officer/reports", new Row("/officer/reports", Map.of("kind", "other"), Rule.OFFICER));
		return rows;
	}

	/**
	 * Requests that reach records through query parameters rather than the path: each
	 * must answer like the record's own page.
	 */
	Map<String, Row> probes() {
		return Map.of("GET /staff/findings?region={village}",
				new Row("/staff/findings", Map.of("region", village, "status", "all"), Rule.SUPERVISION_FIGURES),
				"GET /api/v1/regions/{code}/positions?on=",
				new Row("/api/v1/regions/" + village + "/positions", Map.of("on", "2020-06-30"), Rule.VILLAGE));
	}

	Set<String> mapped() {
		Set<String> keys = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				// a mapping without a method answers every method: both are probed
				for (RequestMethod m : methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST)
						: methods) {
					keys.add(m + " " + pattern);
				}
			}
		});
		return keys;
	}

	@Test
	void everyEndpointHasARowAndEveryRowAnEndpoint() {
		Set<String> mapped = mapped();
		assertThat(mapped).as("endpoints without a row in the matrix").isSubsetOf(rows().keySet());
		assertThat(rows().keySet()).as("rows whose endpoint is gone").isSubsetOf(mapped);
	}

	@Test
	void everyCellAnswersAsTheMatrixSays() throws Exception {
		List<String> wrong = new ArrayList<>();
		Map<String, Row> all = new LinkedHashMap<>(rows());
		all.putAll(probes());
		int cells = 0;
		for (var entry : all.entrySet()) {
			String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
			Row row = entry.getValue();
			for (Who who : Who.values()) {
				long readsBefore = apiReads();
				MockHttpServletResponse response = mvc.perform(request(method, row, who, true))
					.andReturn()
					.getResponse();
				Outcome actual = outcome(response);
				Outcome expected = row.rule().expected(who);
				cells++;
				boolean errorPage = row.url().equals("/error");
				if ((response.getStatus() >= 500 && !errorPage) || actual != expected) {
					wrong.add(entry.getKey() + " as " + who + ": expected " + expected + ", got " + response.getStatus()
							+ " " + actual);
				}
				else if (actual == Outcome.OK && !errorPage && !allowed(method, entry.getKey(), response)) {
					wrong.add(entry.getKey() + " as " + who + ": allowed, but answered " + response.getStatus() + " "
							+ response.getRedirectedUrl());
				}
				boolean bookRead = row.url().startsWith("/api/v1/regions/" + village + "/")
						|| row.url().startsWith("/api/v1/exercises/");
				long audited = apiReads() - readsBefore;
				if (bookRead && audited != (actual == Outcome.OK ? 1 : 0)) {
					wrong.add(entry.getKey() + " as " + who + ": " + audited + " audit entries for a read that was "
							+ actual);
				}
				if (actual == Outcome.OK && who == Who.OTHER && response.getContentType() != null
						&& response.getStatus() == 200) {
					String body = response.getContentAsString();
					if (body.contains(village) && row.rule() != Rule.PUBLIC) {
						wrong.add(entry.getKey() + " as OTHER shows the other township's village " + village);
					}
				}
			}
		}
		assertThat(cells).isGreaterThan(300);
		assertThat(wrong).isEmpty();
	}

	<T> T as(Who who, Supplier<T> work) {
		return county.as(who.username(), work);
	}

	@Test
	void aRecusedOfficerCountsNothingTheyMayNotOpen() throws Exception {
		long ownFindings = as(Who.OWN, () -> risk.figuresByVillage().getOrDefault(village, Map.of())).values()
			.stream()
			.mapToLong(RiskLibrary.SchemeFigures::findings)
			.sum();
		assertThat(ownFindings).as("the village has findings").isPositive();
		assertThat(as(Who.OWN, () -> risk.figuresByVillage())).containsKey(village);
		assertThat(as(Who.OWN, () -> risk.openBySeverity())).containsKey(village);
		assertThat(as(Who.RECUSED, () -> risk.figuresByVillage())).doesNotContainKey(village);
		assertThat(as(Who.RECUSED, () -> risk.openBySeverity())).doesNotContainKey(village);
		long ownTrend = as(Who.OWN, () -> risk.trend("330683101000")).stream()
			.mapToLong(RiskLibrary.TrendPoint::findings)
			.sum();
		long recusedTrend = as(Who.RECUSED, () -> risk.trend("330683101000")).stream()
			.mapToLong(RiskLibrary.TrendPoint::findings)
			.sum();
		long inVillage = jdbc.sql("""
				select count(*) from risk_finding where region_code = ? and status not in ('withdrawn', 'dismissed')""")
			.param(village)
			.query(Long.class)
			.single();
		assertThat(ownTrend - recusedTrend).as("the trend leaves out exactly the village's findings")
			.isEqualTo(inVillage);
		// recused by kin: the subject's findings are gone, the village's others stay
		assertThat(as(Who.RECUSED_KIN, () -> risk.findingsAbout(cadre))).isEmpty();
		assertThat(as(Who.OWN, () -> risk.findingsAbout(cadre))).isNotEmpty();
		String list = mvc
			.perform(get("/staff/findings").param("region", village)
				.param("status", "all")
				.with(user(userDetails.loadUserByUsername(Who.RECUSED.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(finding);
		String ownList = mvc
			.perform(get("/staff/findings").param("region", village)
				.param("status", "all")
				.with(user(userDetails.loadUserByUsername(Who.OWN.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ownList).contains(finding);
	}

	@Test
	void aPersonsFileShowsKinAndOrganizationsWithinTheJurisdictionOnly() throws Exception {
		String[] spouse = jdbc
			.sql("""
					select person_id, name from jur_person where region_code like '330683102%' order by person_id limit 1""")
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		jdbc.sql("insert into jur_kin (person_id, relative_id, relation, source) values (?, ?, 'spouse', 'test')"
				+ " on conflict do nothing")
			.params(cadre, spouse[0])
			.update();
		String own = mvc
			.perform(get("/staff/people/" + cadre).with(user(userDetails.loadUserByUsername(Who.OWN.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String county = mvc
			.perform(get("/staff/people/" + cadre).with(user(userDetails.loadUserByUsername(Who.COUNTY.username()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(county).as("the county sees the spouse in township 102").contains(spouse[1]);
		assertThat(own).as("township 101 does not").doesNotContain(spouse[1]).doesNotContain(spouse[0]);
	}

	@Test
	void aPostWithoutItsCsrfTokenIsRefusedEvenForAnAdministrator() throws Exception {
		for (var entry : rows().entrySet()) {
			// the public API trusts no cookie and keeps no session: it needs no token
			if (!entry.getKey().startsWith("POST") || entry.getKey().startsWith("POST /api/v1/public/")) {
				continue;
			}
			MockHttpServletResponse response = mvc.perform(request("POST", entry.getValue(), Who.ADMIN, false))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(entry.getKey()).isEqualTo(403);
		}
		// and the sign-in and sign-out forms, which no controller maps
		assertThat(mvc.perform(post("/login").param("username", Who.OWN.username()).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/logout").with(user(userDetails.loadUserByUsername(Who.OWN.username()))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc
			.perform(post("/login").param("username", Who.OWN.username()).param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/staff");
	}

	@Test
	void pagesTakeNoHttpBasicCredentials() throws Exception {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((Who.OWN.username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse page = mvc.perform(get("/staff").header("Authorization", basic))
			.andReturn()
			.getResponse();
		assertThat(outcome(page)).isEqualTo(Outcome.SIGN_IN);
		MockHttpServletResponse api = mvc.perform(get("/api/v1/regions").header("Authorization", basic))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(200);
	}

	MockHttpServletRequestBuilder request(String method, Row row, Who who, boolean withCsrf) {
		MockHttpServletRequestBuilder request = method.equals("POST") ? post(row.url()) : get(row.url());
		row.params().forEach(request::param);
		if (row.json() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.json());
		}
		if (method.equals("POST") && withCsrf) {
			request.with(csrf());
		}
		if (who != Who.ANONYMOUS) {
			request.with(user(userDetails.loadUserByUsername(who.username())));
		}
		return request;
	}

	static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long apiReads() {
		return jdbc.sql("select count(*) from plt_audit_log where action like 'api_view_%'").query(Long.class).single();
	}

	/**
	 * What an allowed request answers: a page or data (200), a form's redirect back to a
	 * page (not to the sign-in or password page), or a refusal of the input (400).
	 */
	static boolean allowed(String method, String key, MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = String.valueOf(response.getRedirectedUrl());
		// a form redirects back to its page; elsewhere, to the password page means the
		// account was stopped there
		boolean redirect = status == 302 && !location.contains("/login")
				&& (!location.contains("/account/password") || key.equals("POST /account/password"));
		if (method.equals("GET")) {
			// the auditor's workbench is the audit log
			return status == 200 || (key.equals("GET /staff") && location.endsWith("/audit"));
		}
		return redirect || status == 200 || status == 400;
	}

	static Outcome outcome(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status == 401 || (status == 302 && location != null && location.contains("/login"))) {
			return Outcome.SIGN_IN;
		}
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		if (status == 404) {
			return Outcome.HIDDEN;
		}
		return Outcome.OK;
	}

}
