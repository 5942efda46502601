package org.qinglian.casework.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.casework.Casework;
import org.qinglian.intake.ReportDesk;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.platform.UserAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clues and cases in the database. A clue is seen within the jurisdiction of its region,
 * a case within the jurisdiction of its office or by the members of its joint work group;
 * both drop what the user is recused from ({@code jur_recused}).
 */
@Service
@Transactional
class JdbcCasework implements Casework {

	static final Set<String> SOURCES = Set.of("report", "inspection", "referral");

	static final Set<String> HANDLING = Set.of("self", "county", "joint");

	/** Sanctions of serious warning or heavier (party) and their government equals. */
	static final Set<String> SERIOUS = Set.of("party_serious_warning", "removal_from_post", "probation", "expulsion",
			"gov_major_demerit", "gov_demotion", "gov_dismissal");

	static final Set<String> SANCTIONS = Set.of("none", "criticism", "party_warning", "party_serious_warning",
			"removal_from_post", "probation", "expulsion", "gov_warning", "gov_demerit", "gov_major_demerit",
			"gov_demotion", "gov_dismissal");

	/** Days from the decision to each follow-up's deadline. */
	static final Map<String, Integer> FOLLOWUP_DAYS = Map.of("notice", 30, "analysis", 30, "warning_education", 60,
			"rectification", 90, "return_visit", 180);

	/** Days a preliminary verification (初步核实) may take. */
	static final int VERIFY_DAYS = 60;

	private static final String CLUE_VISIBLE = "c.region_code like :scope and not jur_recused(:me, c.region_code, c.subject_id)";

	private static final String CASE_VISIBLE = """
			(k.unit_code like :scope or exists (select 1 from cas_group_member m
			    where m.case_id = k.case_id and m.username = :user))
			and not jur_recused(:me, coalesce(k.region_code, k.unit_code), k.subject_id)""";

	private static final String CLUE_COLUMNS = """
			c.clue_id, c.source, c.source_id, c.region_code, c.subject_id, c.summary, c.disposition,
			c.disposition_reason, c.disposed_by, c.approved_by, c.disposed_on, c.verify_due, c.verified_on,
			c.verify_conclusion, c.case_id, c.approved_on, c.filing_handling, c.filing_requested_by, c.filing_approver,
			(select p.name from jur_person p where p.person_id = c.subject_id) as subject_name
			""";

	private static final String CASE_COLUMNS = """
			k.case_id, k.filed_on, k.unit_code, k.region_code, k.subject_id, k.self_handled, k.joint, k.violation,
			k.sanction, k.recovered, k.closed_on, k.clue_id, k.typical, k.group_requested, k.reviewed_on,
			k.review_opinion, k.decided_on, k.notice_text, k.notice_published,
			(select p.name from jur_person p where p.person_id = k.subject_id) as subject_name
			""";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AuditLog audit;

	private final Registry registry;

	private final UserAccounts users;

	private final ReportDesk reports;

	private final Clock clock;

	JdbcCasework(JdbcClient jdbc, Scopes scopes, AuditLog audit, Registry registry, UserAccounts users,
			ReportDesk reports, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.registry = registry;
		this.users = users;
		this.reports = reports;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Scope staff() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		return scope;
	}

	private Map<String, Object> params(Scope scope) {
		Map<String, Object> params = scope.parameters();
		params.put("user", scope.user());
		return params;
	}

	// clues

	@Override
	public String openClue(String source, String sourceId, String regionCode, String subjectId, String summary) {
		Scope scope = staff();
		if (source == null || !SOURCES.contains(source)) {
			throw new Refused("casework.refused.source", "source must be report, inspection or referral");
		}
		String ref = text(sourceId, "source_id", 64);
		String region = regionCode;
		String subject = blank(subjectId);
		String what = optional(summary, "summary", 2000);
		if (source.equals("report")) {
			ReportDesk.Report report = reports.report(ref).orElseThrow(Scope.NotInScopeException::new).report();
			if (report.subjectId() == null && report.subjectName() != null) {
				// recusal and anonymisation need the person: the report is classified
				// first
				throw new Refused("casework.refused.classifyFirst",
						"the report names its subject only by name: choose the person when classifying it first");
			}
			region = report.regionCode();
			subject = report.subjectId();
			what = what != null ? what : report.text();
			Optional<String> open = jdbc.sql("select clue_id from cas_clue where source = 'report' and source_id = ?")
				.param(ref)
				.query(String.class)
				.optional();
			if (open.isPresent()) {
				return open.get();
			}
		}
		if (region == null || !scope.covers(region) || registry.regionName(region).isEmpty()) {
			throw new Refused("casework.refused.region", "region_code must be a region of your jurisdiction", region);
		}
		if (subject != null && !inScope(scope, subject)) {
			throw new Refused("casework.refused.subject", "subject_id is not a person of your jurisdiction");
		}
		if (Boolean.TRUE.equals(jdbc.sql("select jur_recused(?, ?, ?)")
			.params(scope.personId(), region, subject)
			.query(Boolean.class)
			.single())) {
			throw new Refused("casework.refused.recused", "you are recused from this matter");
		}
		if (what == null) {
			throw new Refused("casework.refused.empty", "summary must not be empty", "summary");
		}
		String id = nextId("XS", "cas_clue_number", 6, today(), "cas_clue", "clue_id");
		jdbc.sql(
				"""
						insert into cas_clue (clue_id, source, source_id, region_code, subject_id, summary, opened_by, opened_at)
						values (?, ?, ?, ?, ?, ?, ?, now())""")
			.params(id, source, ref, region, subject, what, scope.user())
			.update();
		audit.record("open_clue", "clue", id, region, source + " " + ref);
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClueRow> clues(String status) {
		Scope scope = staff();
		String filter = switch (status == null ? "open" : status) {
			case "all" -> "true";
			case "undisposed" -> "c.disposition is null";
			default -> "c.case_id is null and (c.disposition is null or c.disposition in ('preliminary_verification',"
					+ " 'talk_inquiry', 'hold'))";
		};
		return jdbc
			.sql("select " + CLUE_COLUMNS + " from cas_clue c where " + CLUE_VISIBLE + " and " + filter
					+ " order by c.opened_at desc limit 500")
			.params(params(scope))
			.query((rs, i) -> clueRow(rs))
			.list();
	}

	@Override
	public Optional<ClueDetail> clue(String clueId) {
		Scope scope = staff();
		Optional<ClueDetail> found = findClue(scope, clueId);
		found.ifPresent(c -> audit.record("view_clue", "clue", clueId, c.regionCode(), null));
		return found;
	}

	private Optional<ClueDetail> findClue(Scope scope, String clueId) {
		Map<String, Object> params = params(scope);
		params.put("id", clueId);
		return jdbc.sql("select " + CLUE_COLUMNS + " from cas_clue c where c.clue_id = :id and " + CLUE_VISIBLE)
			.params(params)
			.query((rs, i) -> {
				String disposition = rs.getString("disposition");
				LocalDate approvedOn = date(rs, "approved_on");
				String filingApprover = rs.getString("filing_approver");
				String awaiting = disposition != null && approvedOn == null ? "disposition"
						: filingApprover != null && rs.getString("case_id") == null ? "filing" : null;
				String approver = "disposition".equals(awaiting) ? rs.getString("approved_by") : filingApprover;
				return new ClueDetail(clueRow(rs), rs.getString("source_id"), rs.getString("region_code"),
						rs.getString("subject_id"), rs.getString("disposition_reason"), rs.getString("disposed_by"),
						rs.getString("approved_by"), date(rs, "disposed_on"), approvedOn,
						rs.getString("verify_conclusion"), date(rs, "verified_on"), rs.getString("filing_handling"),
						filingApprover, awaiting, awaiting != null && scope.user().equals(approver), List.of());
			})
			.optional()
			.map(c -> new ClueDetail(c.clue(), c.sourceId(), c.regionCode(), c.subjectId(), c.reason(), c.disposedBy(),
					c.approvedBy(), c.disposedOn(), c.approvedOn(), c.verifyConclusion(), c.verifiedOn(),
					c.filingHandling(), c.filingApprover(), c.awaiting(), c.mayApprove(),
					approvers(scope, c.regionCode(), c.subjectId())));
	}

	private ClueDetail requireClue(Scope scope, String clueId) {
		return findClue(scope, clueId).orElseThrow(Scope.NotInScopeException::new);
	}

	/** Colleagues of the user's office who may approve: not the user, not recused. */
	private List<Colleague> approvers(Scope scope, String region, String subject) {
		return users.colleagues(scope.regionCode())
			.stream()
			.filter(u -> !u.username().equals(scope.user()) && !recused(u.personId(), region, subject))
			.map(u -> new Colleague(u.username(), u.displayName()))
			.toList();
	}

	private boolean recused(String personId, String region, String subject) {
		return personId != null && Boolean.TRUE.equals(jdbc.sql("select jur_recused(?, ?, ?)")
			.params(personId, region, subject)
			.query(Boolean.class)
			.single());
	}

	private void requireApprover(Scope scope, String approver, String region, String subject) {
		if (approver == null
				|| approvers(scope, region, subject).stream().noneMatch(c -> c.username().equals(approver))) {
			throw new Refused("casework.refused.approver",
					"the approver must be another staff member of your office who is not recused", approver);
		}
	}

	@Override
	public void dispose(String clueId, String disposition, String reason, String approver) {
		Scope scope = staff();
		ClueDetail c = requireClue(scope, clueId);
		if (disposition == null || !DISPOSITIONS.contains(disposition)) {
			throw new Refused("casework.refused.disposition", "disposition must be one of " + DISPOSITIONS);
		}
		if (c.clue().caseId() != null || "close".equals(c.clue().disposition())) {
			throw new Refused("casework.refused.clueDone", "the clue was filed as a case or closed");
		}
		if (c.clue().disposition() != null && c.approvedOn() != null && !"hold".equals(c.clue().disposition())) {
			// a clue held for later may be taken up again; the others keep their way and
			// their deadline
			throw new Refused("casework.refused.disposed", "the clue was disposed of already");
		}
		String why = text(reason, "reason", 2000);
		requireApprover(scope, approver, c.regionCode(), c.subjectId());
		jdbc.sql("""
				update cas_clue set disposition = ?, disposition_reason = ?, disposed_by = ?, approved_by = ?,
				       disposed_on = ?, verify_due = ?, approved_on = null where clue_id = ?""")
			.params(disposition, why, scope.user(), approver, today(), null, clueId)
			.update();
		audit.record("dispose_clue", "clue", clueId, c.regionCode(), disposition + ", for approval by " + approver);
	}

	@Override
	public void concludeVerification(String clueId, String conclusion) {
		Scope scope = staff();
		ClueDetail c = requireClue(scope, clueId);
		if (!"preliminary_verification".equals(c.clue().disposition()) || c.approvedOn() == null
				|| c.verifiedOn() != null) {
			throw new Refused("casework.refused.notVerifying", "the clue is not under preliminary verification");
		}
		jdbc.sql("update cas_clue set verified_on = ?, verify_conclusion = ? where clue_id = ?")
			.params(today(), text(conclusion, "conclusion", 4000), clueId)
			.update();
		audit.record("conclude_verification", "clue", clueId, c.regionCode(), null);
	}

	@Override
	public void fileCase(String clueId, String handling, String approver) {
		Scope scope = staff();
		ClueDetail c = requireClue(scope, clueId);
		if (c.clue().caseId() != null) {
			throw new Refused("casework.refused.clueDone", "the clue was filed as a case or closed");
		}
		if (c.approvedOn() == null || (!"preliminary_verification".equals(c.clue().disposition())
				&& !"talk_inquiry".equals(c.clue().disposition()))) {
			throw new Refused("casework.refused.notFileable",
					"a case is filed from a clue under approved preliminary verification or talk");
		}
		if (handling == null || !HANDLING.contains(handling)) {
			throw new Refused("casework.refused.handling", "handling must be self, county or joint");
		}
		requireApprover(scope, approver, c.regionCode(), c.subjectId());
		jdbc.sql("""
				update cas_clue set filing_handling = ?, filing_requested_by = ?, filing_approver = ?
				where clue_id = ?""").params(handling, scope.user(), approver, clueId).update();
		audit.record("request_filing", "clue", clueId, c.regionCode(), handling + ", for approval by " + approver);
	}

	@Override
	public String approve(String clueId) {
		Scope scope = staff();
		ClueDetail c = requireClue(scope, clueId);
		if (!c.mayApprove()) {
			throw new Refused("casework.refused.notYours", "nothing on this clue waits for your approval");
		}
		if ("disposition".equals(c.awaiting())) {
			jdbc.sql("update cas_clue set approved_on = ?, verify_due = ? where clue_id = ?")
				.params(today(),
						"preliminary_verification".equals(c.clue().disposition()) ? today().plusDays(VERIFY_DAYS)
								: null,
						clueId)
				.update();
			audit.record("approve_disposition", "clue", clueId, c.regionCode(), c.clue().disposition());
			return null;
		}
		String requester = jdbc.sql("select filing_requested_by from cas_clue where clue_id = ?")
			.param(clueId)
			.query(String.class)
			.single();
		String handling = c.filingHandling();
		// the office is the requester's: the approver is of the same office
		String county = c.regionCode().substring(0, 6) + "000000";
		boolean township = !scope.regionCode().endsWith("000000");
		String unit = handling.equals("county") || !township ? county : scope.regionCode();
		String id = nextId("AJ", "cas_case_number", 6, today(), "cas_case", "case_id");
		String reportId = "report".equals(c.clue().source()) ? c.sourceId() : null;
		jdbc.sql(
				"""
						insert into cas_case (case_id, report_id, filed_on, unit_code, self_handled, joint, subject_id, clue_id,
						    region_code, filed_by, filing_approver, group_requested)
						values (:id, :report, :today, :unit, :self, :joint, :subject, :clue, :region, :by, :approver, :requested)""")
			.param("id", id)
			.param("report", reportId)
			.param("today", today())
			.param("unit", unit)
			.param("self", handling.equals("self") && township)
			.param("joint", handling.equals("joint"))
			.param("subject", c.subjectId())
			.param("clue", clueId)
			.param("region", c.regionCode())
			.param("by", requester)
			.param("approver", scope.user())
			.param("requested", handling.equals("joint") ? today() : null)
			.update();
		jdbc.sql("update cas_clue set case_id = ? where clue_id = ?").params(id, clueId).update();
		audit.record("file_case", "case", id, c.regionCode(), handling + ", asked by " + requester);
		return id;
	}

	// cases

	@Override
	@Transactional(readOnly = true)
	public List<CaseRow> cases() {
		Scope scope = staff();
		return jdbc
			.sql("select " + CASE_COLUMNS + " from cas_case k where " + CASE_VISIBLE
					+ " order by k.closed_on nulls first, k.filed_on desc limit 500")
			.params(params(scope))
			.query((rs, i) -> caseRow(rs))
			.list();
	}

	@Override
	public Optional<CaseDetail> caseFile(String caseId) {
		Scope scope = staff();
		Optional<CaseDetail> found = findCase(scope, caseId);
		found.ifPresent(c -> audit.record("view_case", "case", caseId, regionOf(c), null));
		return found;
	}

	private Optional<CaseDetail> findCase(Scope scope, String caseId) {
		Map<String, Object> params = params(scope);
		params.put("id", caseId);
		Optional<Object[]> head = jdbc
			.sql("select " + CASE_COLUMNS + " from cas_case k where k.case_id = :id and " + CASE_VISIBLE)
			.params(params)
			.query((rs,
					i) -> new Object[] { caseRow(rs), rs.getString("clue_id"), rs.getString("subject_id"),
							rs.getString("violation"), rs.getBigDecimal("recovered"), rs.getBoolean("typical"),
							date(rs, "group_requested"), rs.getString("review_opinion"), date(rs, "reviewed_on"),
							date(rs, "decided_on"), date(rs, "closed_on"), rs.getString("notice_text"),
							date(rs, "notice_published"), rs.getString("region_code"), rs.getString("unit_code") })
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Object[] h = head.get();
		List<Member> group = jdbc.sql(
				"select username, unit_code, lead from cas_group_member where case_id = ? order by lead desc, username")
			.param(caseId)
			.query((rs, i) -> new Member(rs.getString(1), name(rs.getString(2)), rs.getBoolean(3)))
			.list();
		List<Round> rounds = jdbc
			.sql("select held_on, members, conclusions from cas_round where case_id = ? order by held_on, round_id")
			.param(caseId)
			.query((rs, i) -> new Round(date(rs, "held_on"), rs.getString(2), rs.getString(3)))
			.list();
		List<Note> notes = jdbc.sql("select at, author, text from cas_note where case_id = ? order by note_id")
			.param(caseId)
			.query((rs, i) -> new Note(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
			.list();
		String region = h[13] == null ? (String) h[14] : (String) h[13];
		String subject = (String) h[2];
		List<Colleague> county = List.of();
		List<Colleague> townships = List.of();
		if (scope.regionCode().endsWith("000000")) {
			county = candidates(List.of(scope.regionCode()), region, subject);
			townships = candidates(
					jdbc.sql("select region_code from jur_region where level = 'township' and region_code like ?")
						.param(scope.pattern())
						.query(String.class)
						.list(),
					region, subject);
		}
		return Optional
			.of(new CaseDetail((CaseRow) h[0], (String) h[1], subject, (String) h[3], (BigDecimal) h[4], (Boolean) h[5],
					(LocalDate) h[6], group, rounds, notes, (String) h[7], (LocalDate) h[8], (LocalDate) h[9],
					(LocalDate) h[10], followups(caseId), (String) h[11], (LocalDate) h[12], county, townships));
	}

	private List<Colleague> candidates(List<String> offices, String region, String subject) {
		List<Colleague> out = new ArrayList<>();
		for (String office : offices) {
			users.colleagues(office)
				.stream()
				.filter(u -> !recused(u.personId(), region, subject))
				.forEach(u -> out.add(new Colleague(u.username(), u.displayName() + " · " + name(office))));
		}
		return out;
	}

	private CaseDetail requireCase(Scope scope, String caseId) {
		return findCase(scope, caseId).orElseThrow(Scope.NotInScopeException::new);
	}

	private String regionOf(CaseDetail c) {
		return jdbc.sql("select coalesce(region_code, unit_code) from cas_case where case_id = ?")
			.param(c.row().caseId())
			.query(String.class)
			.single();
	}

	@Override
	public void formGroup(String caseId, List<String> usernames, String lead) {
		Scope scope = staff();
		CaseDetail c = requireCase(scope, caseId);
		if (!scope.regionCode().endsWith("000000")) {
			throw new Refused("casework.refused.countyForms", "the county office forms joint work groups");
		}
		if (usernames == null || usernames.size() < 2) {
			throw new Refused("casework.refused.groupSize", "a joint work group has at least two members");
		}
		List<Colleague> allowed = new ArrayList<>(c.countyStaff());
		allowed.addAll(c.townshipStaff());
		Map<String, String> units = new java.util.HashMap<>();
		for (String u : usernames) {
			if (allowed.stream().noneMatch(a -> a.username().equals(u))) {
				throw new Refused("casework.refused.member", "not supervision staff of the county who may join", u);
			}
			units.put(u, c.countyStaff().stream().anyMatch(a -> a.username().equals(u)) ? scope.regionCode()
					: jdbc.sql("select region_code from jur_region where level = 'township' and region_code like ?")
						.param(scope.pattern())
						.query(String.class)
						.list()
						.stream()
						.filter(office -> users.colleagues(office).stream().anyMatch(x -> x.username().equals(u)))
						.findFirst()
						.orElseThrow());
		}
		if (lead == null || !usernames.contains(lead)) {
			throw new Refused("casework.refused.lead", "the group's lead must be one of its members");
		}
		for (String u : usernames) {
			jdbc.sql("""
					insert into cas_group_member (case_id, username, unit_code, lead, added_on) values (?, ?, ?, ?, ?)
					on conflict (case_id, username) do update set lead = excluded.lead""")
				.params(caseId, u, units.get(u), u.equals(lead), today())
				.update();
		}
		jdbc.sql("update cas_case set joint = true where case_id = ?").param(caseId).update();
		audit.record("form_group", "case", caseId, regionOf(c), String.join(",", usernames));
	}

	@Override
	public void addRound(String caseId, LocalDate heldOn, String members, String conclusions) {
		Scope scope = staff();
		CaseDetail c = requireCase(scope, caseId);
		if (c.group().isEmpty()) {
			throw new Refused("casework.refused.noGroup", "consultation rounds are held by a joint work group");
		}
		if (heldOn == null || heldOn.isAfter(today())) {
			throw new Refused("casework.refused.date", "the round's date must be given and not in the future");
		}
		jdbc.sql("insert into cas_round (case_id, held_on, members, conclusions, recorded_by) values (?, ?, ?, ?, ?)")
			.params(caseId, heldOn, text(members, "members", 1000), text(conclusions, "conclusions", 4000),
					scope.user())
			.update();
		audit.record("add_round", "case", caseId, regionOf(c), heldOn.toString());
	}

	@Override
	public void addNote(String caseId, String text) {
		Scope scope = staff();
		CaseDetail c = requireCase(scope, caseId);
		jdbc.sql("insert into cas_note (case_id, author, text) values (?, ?, ?)")
			.params(caseId, scope.user(), text(text, "text", 4000))
			.update();
		audit.record("add_case_note", "case", caseId, regionOf(c), null);
	}

	/**
	 * A case's decisive steps (review, decision, notice, closure) are the handling
	 * office's (or the county's): a joint group's members from other townships
	 * investigate and consult, they do not decide.
	 */
	private CaseDetail requireHandling(Scope scope, String caseId) {
		CaseDetail c = requireCase(scope, caseId);
		String unit = jdbc.sql("select unit_code from cas_case where case_id = ?")
			.param(caseId)
			.query(String.class)
			.single();
		if (!scope.covers(unit)) {
			throw new Refused("casework.refused.notHandling", "only the handling office decides this case");
		}
		return c;
	}

	@Override
	public void review(String caseId, String opinion) {
		Scope scope = staff();
		CaseDetail c = requireHandling(scope, caseId);
		if (c.reviewedOn() != null || c.closedOn() != null) {
			throw new Refused("casework.refused.reviewed", "the case was reviewed already");
		}
		jdbc.sql("update cas_case set reviewed_on = ?, review_opinion = ? where case_id = ?")
			.params(today(), text(opinion, "opinion", 4000), caseId)
			.update();
		audit.record("review_case", "case", caseId, regionOf(c), null);
	}

	@Override
	public void decide(String caseId, String violation, String sanction, BigDecimal recovered, boolean typical) {
		Scope scope = staff();
		CaseDetail c = requireHandling(scope, caseId);
		if (c.reviewedOn() == null) {
			throw new Refused("casework.refused.notReviewed", "a case is decided after its review (审理)");
		}
		if (c.decidedOn() != null) {
			throw new Refused("casework.refused.decided", "the case was decided already");
		}
		if (sanction == null || !SANCTIONS.contains(sanction)) {
			throw new Refused("casework.refused.sanction", "sanction is not one of the spec's vocabulary", sanction);
		}
		BigDecimal money = recovered == null ? BigDecimal.ZERO : recovered;
		if (money.signum() < 0 || money.scale() > 2 || money.compareTo(new BigDecimal("999999999999")) > 0) {
			throw new Refused("casework.refused.recovered", "recovered funds must be a sum of money of 0 or more");
		}
		jdbc.sql("""
				update cas_case set violation = ?, sanction = ?, recovered = ?, typical = ?, decided_on = ?
				where case_id = ?""")
			.params(text(violation, "violation", 200), sanction, money, typical, today(), caseId)
			.update();
		if (typical || SERIOUS.contains(sanction)) {
			for (String kind : FOLLOWUPS) {
				jdbc.sql("insert into cas_followup (case_id, kind, due_on) values (?, ?, ?) on conflict do nothing")
					.params(caseId, kind, today().plusDays(FOLLOWUP_DAYS.get(kind)))
					.update();
			}
		}
		audit.record("decide_case", "case", caseId, regionOf(c), sanction);
	}

	@Override
	public void completeFollowup(String caseId, String kind, String evidence) {
		Scope scope = staff();
		CaseDetail c = requireCase(scope, caseId);
		int done = jdbc.sql("""
				update cas_followup set done_on = ?, evidence = ?, done_by = ?
				where case_id = ? and kind = ? and done_on is null""")
			.params(today(), text(evidence, "evidence", 4000), scope.user(), caseId, kind)
			.update();
		if (done == 0) {
			throw new Refused("casework.refused.followup", "no such follow-up open on this case", kind);
		}
		audit.record("complete_followup", "case", caseId, regionOf(c), kind);
	}

	@Override
	public void close(String caseId) {
		Scope scope = staff();
		CaseDetail c = requireHandling(scope, caseId);
		if (c.decidedOn() == null || c.closedOn() != null) {
			throw new Refused("casework.refused.notClosable", "a case is closed once, after its decision");
		}
		jdbc.sql("update cas_case set closed_on = ? where case_id = ?").params(today(), caseId).update();
		audit.record("close_case", "case", caseId, regionOf(c), null);
	}

	@Override
	public void publishNotice(String caseId, String text) {
		Scope scope = staff();
		CaseDetail c = requireHandling(scope, caseId);
		if (c.decidedOn() == null) {
			throw new Refused("casework.refused.notDecided", "a notice is published after the decision");
		}
		String subject = c.subjectId() == null ? null
				: jdbc.sql("select name from jur_person where person_id = ?")
					.param(c.subjectId())
					.query(String.class)
					.optional()
					.orElse(null);
		String notice = Notices.anonymise(text(text, "text", 4000), subject);
		List<String> named = Notices.namesIn(notice,
				jdbc.sql("""
						select distinct p.name from jur_person p where length(p.name) >= 2 and (p.region_code = :region
						   or (cast(:subject as text) is not null and jur_near_kin(:subject, p.person_id)))""")
					.param("region", regionOf(c))
					.param("subject", c.subjectId())
					.query(String.class)
					.list());
		if (!named.isEmpty()) {
			throw new Refused("casework.refused.noticeNames",
					"the notice still names people of the village or the subject's kin: " + named,
					String.join("、", named));
		}
		if (Notices.hasNumbers(notice)) {
			throw new Refused("casework.refused.noticeNumbers", "the notice holds an ID or phone number");
		}
		jdbc.sql("update cas_case set notice_text = ?, notice_published = ? where case_id = ?")
			.params(notice, today(), caseId)
			.update();
		jdbc.sql(
				"update cas_followup set done_on = ?, evidence = ?, done_by = ? where case_id = ? and kind = 'notice' and done_on is null")
			.params(today(), "通报已公开 / notice published", scope.user(), caseId)
			.update();
		audit.record("publish_notice", "case", caseId, regionOf(c), "sha256 " + Notices.sha256(notice));
	}

	private List<Followup> followups(String caseId) {
		return jdbc.sql("select case_id, kind, due_on, done_on, evidence from cas_followup where case_id = ?")
			.param(caseId)
			.query((rs, i) -> followup(rs))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(f -> FOLLOWUPS.indexOf(f.kind())))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Followup> openFollowups() {
		Scope scope = staff();
		return jdbc
			.sql("""
					select f.case_id, f.kind, f.due_on, f.done_on, f.evidence from cas_followup f
					join cas_case k on k.case_id = f.case_id where f.done_on is null and\s""" + CASE_VISIBLE
					+ " order by f.due_on limit 500")
			.params(params(scope))
			.query((rs, i) -> followup(rs))
			.list();
	}

	private Followup followup(ResultSet rs) throws SQLException {
		LocalDate due = date(rs, "due_on");
		LocalDate done = date(rs, "done_on");
		return new Followup(rs.getString("case_id"), rs.getString("kind"), due, done, rs.getString("evidence"),
				done == null && today().isAfter(due));
	}

	// warning education

	@Override
	public String recordEvent(LocalDate heldOn, String kind, String title, String place, String regionCode,
			List<String> attendees) {
		Scope scope = staff();
		String region = regionCode == null || regionCode.isBlank() ? scope.regionCode() : regionCode;
		if (!scope.covers(region) || !region.endsWith("000") || registry.regionName(region).isEmpty()) {
			throw new Refused("casework.refused.eventRegion",
					"an event belongs to a township or the county of your jurisdiction");
		}
		if (heldOn == null) {
			throw new Refused("casework.refused.date", "the event's date must be given");
		}
		String k = text(kind, "kind", 24);
		if (!Set.of("court_hearing", "warning_film", "exhibition", "lecture", "other").contains(k)) {
			throw new Refused("casework.refused.eventKind", "kind is not one of the list", k);
		}
		List<String> people = attendees == null ? List.of()
				: attendees.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		for (String p : people) {
			if (!inScope(scope, p)) {
				throw new Refused("casework.refused.attendee", "not a person of your jurisdiction", p);
			}
		}
		String id = nextId("JY", "cas_event_number", 5, heldOn, "cas_education_event", "event_id");
		jdbc.sql("""
				insert into cas_education_event (event_id, region_code, held_on, kind, title, place, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, region, heldOn, k, text(title, "title", 200), text(place, "place", 200), scope.user())
			.update();
		for (String p : people) {
			jdbc.sql("insert into cas_event_attendee (event_id, person_id) values (?, ?)").params(id, p).update();
		}
		audit.record("record_event", "education_event", id, region, people.size() + " attendees");
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<EducationEvent> events(int year) {
		Scope scope = staff();
		return jdbc.sql("""
				select e.event_id, e.held_on, e.kind, e.title, e.place, e.region_code,
				       (select count(*) from cas_event_attendee a where a.event_id = e.event_id) as attendees
				from cas_education_event e where e.region_code like :scope and extract(year from e.held_on) = :year
				order by e.held_on desc""")
			.params(params(scope))
			.param("year", year)
			.query((rs, i) -> new EducationEvent(rs.getString(1), date(rs, "held_on"), rs.getString(3), rs.getString(4),
					rs.getString(5), name(rs.getString(6)), rs.getInt(7)))
			.list();
	}

	// helpers

	/**
	 * Whether the person lives in the user's jurisdiction (one answer for any other id).
	 */
	private boolean inScope(Scope scope, String personId) {
		return jdbc.sql("select region_code from jur_person where person_id = ?")
			.param(personId)
			.query(String.class)
			.optional()
			.map(scope::covers)
			.orElse(false);
	}

	/** A new id of a prefix and a sequence, past any id an import brought. */
	private String nextId(String prefix, String sequence, int digits, LocalDate on, String table, String column) {
		for (int i = 0; i < 1000; i++) {
			String id = jdbc
				.sql("select ? || to_char(?::date, 'YYYY') || lpad(nextval('" + sequence + "')::text, " + digits
						+ ", '0')")
				.params(prefix, on)
				.query(String.class)
				.single();
			if (jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
				.param(id)
				.query(Long.class)
				.single() == 0) {
				return id;
			}
		}
		throw new IllegalStateException("no free id for " + table);
	}

	private ClueRow clueRow(ResultSet rs) throws SQLException {
		LocalDate due = date(rs, "verify_due");
		boolean overdue = due != null && date(rs, "verified_on") == null && rs.getString("case_id") == null
				&& today().isAfter(due);
		return new ClueRow(rs.getString("clue_id"), rs.getString("source"), name(rs.getString("region_code")),
				rs.getString("subject_name"), rs.getString("summary"), rs.getString("disposition"), due, overdue,
				rs.getString("case_id"));
	}

	private CaseRow caseRow(ResultSet rs) throws SQLException {
		String handling = rs.getBoolean("joint") ? "joint" : rs.getBoolean("self_handled") ? "self"
				: rs.getString("unit_code").endsWith("000000") ? "county" : "township";
		String stage = rs.getDate("closed_on") != null ? "closed" : rs.getDate("decided_on") != null ? "decided"
				: rs.getDate("reviewed_on") != null ? "reviewed" : "investigating";
		String region = rs.getString("region_code");
		return new CaseRow(rs.getString("case_id"), date(rs, "filed_on"), name(rs.getString("unit_code")),
				region == null ? "" : name(region), rs.getString("subject_name"), handling, stage,
				rs.getString("sanction"));
	}

	private String name(String code) {
		return code == null ? "" : registry.regionName(code).orElse(code);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String optional(String value, String field, int max) {
		String v = blank(value);
		if (v != null && v.length() > max) {
			throw new Refused("casework.refused.tooLong", field + " is longer than " + max + " characters", field, max);
		}
		return v;
	}

	static String text(String value, String field, int max) {
		String v = optional(value, field, max);
		if (v == null) {
			throw new Refused("casework.refused.empty", field + " must not be empty", field);
		}
		return v;
	}

}
