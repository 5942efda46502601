package org.qinglian.casework.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.casework.CaseFiles;
import org.qinglian.casework.Colleague;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Scope;
import org.qinglian.platform.UserAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases in the database, seen within the jurisdiction of their office or by the members
 * of their joint work group, without those the user is recused from
 * ({@code jur_recused}).
 */
@Service
@Transactional
class JdbcCaseFiles implements CaseFiles {

	/** Sanctions of serious warning or heavier (party) and their government equals. */
	static final Set<String> SERIOUS = Set.of("party_serious_warning", "removal_from_post", "probation", "expulsion",
			"gov_major_demerit", "gov_demotion", "gov_dismissal");

	static final Set<String> SANCTIONS = Set.of("none", "criticism", "party_warning", "party_serious_warning",
			"removal_from_post", "probation", "expulsion", "gov_warning", "gov_demerit", "gov_major_demerit",
			"gov_demotion", "gov_dismissal");

	/** Days from the decision to each follow-up's deadline. */
	static final Map<String, Integer> FOLLOWUP_DAYS = Map.of("notice", 30, "analysis", 30, "warning_education", 60,
			"rectification", 90, "return_visit", 180);

	private static final String CASE_VISIBLE = """
			(k.unit_code like :scope or exists (select 1 from cas_group_member m
			    where m.case_id = k.case_id and m.username = :user))
			and not jur_recused(:me, coalesce(k.region_code, k.unit_code), k.subject_id)""";

	private static final String CASE_COLUMNS = """
			k.case_id, k.filed_on, k.unit_code, k.region_code, k.subject_id, k.self_handled, k.joint, k.violation,
			k.sanction, k.recovered, k.closed_on, k.clue_id, k.typical, k.group_requested, k.reviewed_on,
			k.review_opinion, k.decided_on, k.notice_text, k.notice_published,
			(select p.name from jur_person p where p.person_id = k.subject_id) as subject_name
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final UserAccounts users;

	private final CaseworkSupport db;

	JdbcCaseFiles(JdbcClient jdbc, AuditLog audit, UserAccounts users, CaseworkSupport db) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.users = users;
		this.db = db;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CaseRow> cases() {
		Scope scope = db.staff();
		return jdbc
			.sql("select " + CASE_COLUMNS + " from cas_case k where " + CASE_VISIBLE
					+ " order by k.closed_on nulls first, k.filed_on desc limit 500")
			.params(db.params(scope))
			.query((rs, i) -> caseRow(rs))
			.list();
	}

	@Override
	public Optional<CaseDetail> caseFile(String caseId) {
		Scope scope = db.staff();
		Optional<CaseDetail> found = findCase(scope, caseId);
		found.ifPresent(c -> audit.record("view_case", "case", caseId, regionOf(c), null));
		return found;
	}

	private Optional<CaseDetail> findCase(Scope scope, String caseId) {
		Map<String, Object> params = db.params(scope);
		params.put("id", caseId);
		Optional<Object[]> head = jdbc
			.sql("select " + CASE_COLUMNS + " from cas_case k where k.case_id = :id and " + CASE_VISIBLE)
			.params(params)
			.query((rs,
					i) -> new Object[] { caseRow(rs), rs.getString("clue_id"), rs.getString("subject_id"),
							rs.getString("violation"), rs.getBigDecimal("recovered"), rs.getBoolean("typical"),
							CaseworkSupport.date(rs, "group_requested"), rs.getString("review_opinion"),
							CaseworkSupport.date(rs, "reviewed_on"), CaseworkSupport.date(rs, "decided_on"),
							CaseworkSupport.date(rs, "closed_on"), rs.getString("notice_text"),
							CaseworkSupport.date(rs, "notice_published"), rs.getString("region_code"),
							rs.getString("unit_code") })
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Object[] h = head.get();
		List<Member> group = jdbc.sql(
				"select username, unit_code, lead from cas_group_member where case_id = ? order by lead desc, username")
			.param(caseId)
			.query((rs, i) -> new Member(rs.getString(1), db.name(rs.getString(2)), rs.getBoolean(3)))
			.list();
		List<Round> rounds = jdbc
			.sql("select held_on, members, conclusions from cas_round where case_id = ? order by held_on, round_id")
			.param(caseId)
			.query((rs, i) -> new Round(CaseworkSupport.date(rs, "held_on"), rs.getString(2), rs.getString(3)))
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
				.filter(u -> !db.recused(u.personId(), region, subject))
				.forEach(u -> out.add(new Colleague(u.username(), u.displayName() + " · " + db.name(office))));
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
		Scope scope = db.staff();
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
				.params(caseId, u, units.get(u), u.equals(lead), db.today())
				.update();
		}
		jdbc.sql("update cas_case set joint = true where case_id = ?").param(caseId).update();
		audit.record("form_group", "case", caseId, regionOf(c), String.join(",", usernames));
	}

	@Override
	public void addRound(String caseId, LocalDate heldOn, String members, String conclusions) {
		Scope scope = db.staff();
		CaseDetail c = requireCase(scope, caseId);
		if (c.group().isEmpty()) {
			throw new Refused("casework.refused.noGroup", "consultation rounds are held by a joint work group");
		}
		if (heldOn == null || heldOn.isAfter(db.today())) {
			throw new Refused("casework.refused.date", "the round's date must be given and not in the future");
		}
		jdbc.sql("insert into cas_round (case_id, held_on, members, conclusions, recorded_by) values (?, ?, ?, ?, ?)")
			.params(caseId, heldOn, CaseworkSupport.text(members, "members", 1000),
					CaseworkSupport.text(conclusions, "conclusions", 4000), scope.user())
			.update();
		audit.record("add_round", "case", caseId, regionOf(c), heldOn.toString());
	}

	@Override
	public void addNote(String caseId, String text) {
		Scope scope = db.staff();
		CaseDetail c = requireCase(scope, caseId);
		jdbc.sql("insert into cas_note (case_id, author, text) values (?, ?, ?)")
			.params(caseId, scope.user(), CaseworkSupport.text(text, "text", 4000))
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
		Scope scope = db.staff();
		CaseDetail c = requireHandling(scope, caseId);
		if (c.reviewedOn() != null || c.closedOn() != null) {
			throw new Refused("casework.refused.reviewed", "the case was reviewed already");
		}
		jdbc.sql("update cas_case set reviewed_on = ?, review_opinion = ? where case_id = ?")
			.params(db.today(), CaseworkSupport.text(opinion, "opinion", 4000), caseId)
			.update();
		audit.record("review_case", "case", caseId, regionOf(c), null);
	}

	@Override
	public void decide(String caseId, String violation, String sanction, BigDecimal recovered, boolean typical) {
		Scope scope = db.staff();
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
			.params(CaseworkSupport.text(violation, "violation", 200), sanction, money, typical, db.today(), caseId)
			.update();
		if (typical || SERIOUS.contains(sanction)) {
			for (String kind : FOLLOWUPS) {
				jdbc.sql("insert into cas_followup (case_id, kind, due_on) values (?, ?, ?) on conflict do nothing")
					.params(caseId, kind, db.today().plusDays(FOLLOWUP_DAYS.get(kind)))
					.update();
			}
		}
		audit.record("decide_case", "case", caseId, regionOf(c), sanction);
	}

	@Override
	public void completeFollowup(String caseId, String kind, String evidence) {
		Scope scope = db.staff();
		CaseDetail c = requireCase(scope, caseId);
		int done = jdbc.sql("""
				update cas_followup set done_on = ?, evidence = ?, done_by = ?
				where case_id = ? and kind = ? and done_on is null""")
			.params(db.today(), CaseworkSupport.text(evidence, "evidence", 4000), scope.user(), caseId, kind)
			.update();
		if (done == 0) {
			throw new Refused("casework.refused.followup", "no such follow-up open on this case", kind);
		}
		audit.record("complete_followup", "case", caseId, regionOf(c), kind);
	}

	@Override
	public void close(String caseId) {
		Scope scope = db.staff();
		CaseDetail c = requireHandling(scope, caseId);
		if (c.decidedOn() == null || c.closedOn() != null) {
			throw new Refused("casework.refused.notClosable", "a case is closed once, after its decision");
		}
		jdbc.sql("update cas_case set closed_on = ? where case_id = ?").params(db.today(), caseId).update();
		audit.record("close_case", "case", caseId, regionOf(c), null);
	}

	@Override
	public void publishNotice(String caseId, String text) {
		Scope scope = db.staff();
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
		String notice = Notices.anonymise(CaseworkSupport.text(text, "text", 4000), subject);
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
			.params(notice, db.today(), caseId)
			.update();
		jdbc.sql(
				"update cas_followup set done_on = ?, evidence = ?, done_by = ? where case_id = ? and kind = 'notice' and done_on is null")
			.params(db.today(), "通报已公开 / notice published", scope.user(), caseId)
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
		Scope scope = db.staff();
		return jdbc
			.sql("""
					select f.case_id, f.kind, f.due_on, f.done_on, f.evidence from cas_followup f
					join cas_case k on k.case_id = f.case_id where f.done_on is null and\s""" + CASE_VISIBLE
					+ " order by f.due_on limit 500")
			.params(db.params(scope))
			.query((rs, i) -> followup(rs))
			.list();
	}

	private Followup followup(ResultSet rs) throws SQLException {
		LocalDate due = CaseworkSupport.date(rs, "due_on");
		LocalDate done = CaseworkSupport.date(rs, "done_on");
		return new Followup(rs.getString("case_id"), rs.getString("kind"), due, done, rs.getString("evidence"),
				done == null && db.today().isAfter(due));
	}

	private CaseRow caseRow(ResultSet rs) throws SQLException {
		String handling = rs.getBoolean("joint") ? "joint" : rs.getBoolean("self_handled") ? "self"
				: rs.getString("unit_code").endsWith("000000") ? "county" : "township";
		String stage = rs.getDate("closed_on") != null ? "closed" : rs.getDate("decided_on") != null ? "decided"
				: rs.getDate("reviewed_on") != null ? "reviewed" : "investigating";
		String region = rs.getString("region_code");
		return new CaseRow(rs.getString("case_id"), CaseworkSupport.date(rs, "filed_on"),
				db.name(rs.getString("unit_code")), region == null ? "" : db.name(region), rs.getString("subject_name"),
				handling, stage, rs.getString("sanction"));
	}

}
