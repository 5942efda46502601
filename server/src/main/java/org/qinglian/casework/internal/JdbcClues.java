package org.qinglian.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.casework.Clues;
import org.qinglian.casework.Colleague;
import org.qinglian.intake.ReportDesk;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Scope;
import org.qinglian.platform.UserAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clues in the database, seen within the jurisdiction of their region, without those the
 * user is recused from ({@code jur_recused}).
 */
@Service
@Transactional
class JdbcClues implements Clues {

	static final Set<String> SOURCES = Set.of("report", "inspection", "referral");

	static final Set<String> HANDLING = Set.of("self", "county", "joint");

	/** Days a preliminary verification (初步核实) may take. */
	static final int VERIFY_DAYS = 60;

	private static final String CLUE_VISIBLE = "c.region_code like :scope and not jur_recused(:me, c.region_code, c.subject_id)";

	private static final String CLUE_COLUMNS = """
			c.clue_id, c.source, c.source_id, c.region_code, c.subject_id, c.summary, c.disposition,
			c.disposition_reason, c.disposed_by, c.approved_by, c.disposed_on, c.verify_due, c.verified_on,
			c.verify_conclusion, c.case_id, c.approved_on, c.filing_handling, c.filing_requested_by, c.filing_approver,
			(select p.name from jur_person p where p.person_id = c.subject_id) as subject_name
			""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Registry registry;

	private final UserAccounts users;

	private final CaseworkSupport db;

	private final ReportDesk reports;

	JdbcClues(JdbcClient jdbc, AuditLog audit, Registry registry, UserAccounts users, CaseworkSupport db,
			ReportDesk reports) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.registry = registry;
		this.users = users;
		this.db = db;
		this.reports = reports;
	}

	@Override
	public String openClue(String source, String sourceId, String regionCode, String subjectId, String summary) {
		Scope scope = db.staff();
		if (source == null || !SOURCES.contains(source)) {
			throw new Refused("casework.refused.source", "source must be report, inspection or referral");
		}
		String ref = CaseworkSupport.text(sourceId, "source_id", 64);
		String region = regionCode;
		String subject = CaseworkSupport.blank(subjectId);
		String what = CaseworkSupport.optional(summary, "summary", 2000);
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
		if (subject != null && !db.inScope(scope, subject)) {
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
		String id = db.nextId("XS", "cas_clue_number", 6, db.today(), "cas_clue", "clue_id");
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
		Scope scope = db.staff();
		String filter = switch (status == null ? "open" : status) {
			case "all" -> "true";
			case "undisposed" -> "c.disposition is null";
			default -> "c.case_id is null and (c.disposition is null or c.disposition in ('preliminary_verification',"
					+ " 'talk_inquiry', 'hold'))";
		};
		return jdbc
			.sql("select " + CLUE_COLUMNS + " from cas_clue c where " + CLUE_VISIBLE + " and " + filter
					+ " order by c.opened_at desc limit 500")
			.params(db.params(scope))
			.query((rs, i) -> clueRow(rs))
			.list();
	}

	@Override
	public Optional<ClueDetail> clue(String clueId) {
		Scope scope = db.staff();
		Optional<ClueDetail> found = findClue(scope, clueId);
		found.ifPresent(c -> audit.record("view_clue", "clue", clueId, c.regionCode(), null));
		return found;
	}

	private Optional<ClueDetail> findClue(Scope scope, String clueId) {
		Map<String, Object> params = db.params(scope);
		params.put("id", clueId);
		return jdbc.sql("select " + CLUE_COLUMNS + " from cas_clue c where c.clue_id = :id and " + CLUE_VISIBLE)
			.params(params)
			.query((rs, i) -> {
				String disposition = rs.getString("disposition");
				LocalDate approvedOn = CaseworkSupport.date(rs, "approved_on");
				String filingApprover = rs.getString("filing_approver");
				String awaiting = disposition != null && approvedOn == null ? "disposition"
						: filingApprover != null && rs.getString("case_id") == null ? "filing" : null;
				String approver = "disposition".equals(awaiting) ? rs.getString("approved_by") : filingApprover;
				return new ClueDetail(clueRow(rs), rs.getString("source_id"), rs.getString("region_code"),
						rs.getString("subject_id"), rs.getString("disposition_reason"), rs.getString("disposed_by"),
						rs.getString("approved_by"), CaseworkSupport.date(rs, "disposed_on"), approvedOn,
						rs.getString("verify_conclusion"), CaseworkSupport.date(rs, "verified_on"),
						rs.getString("filing_handling"), filingApprover, awaiting,
						awaiting != null && scope.user().equals(approver), List.of());
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
			.filter(u -> !u.username().equals(scope.user()) && !db.recused(u.personId(), region, subject))
			.map(u -> new Colleague(u.username(), u.displayName()))
			.toList();
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
		Scope scope = db.staff();
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
		String why = CaseworkSupport.text(reason, "reason", 2000);
		requireApprover(scope, approver, c.regionCode(), c.subjectId());
		jdbc.sql("""
				update cas_clue set disposition = ?, disposition_reason = ?, disposed_by = ?, approved_by = ?,
				       disposed_on = ?, verify_due = ?, approved_on = null where clue_id = ?""")
			.params(disposition, why, scope.user(), approver, db.today(), null, clueId)
			.update();
		audit.record("dispose_clue", "clue", clueId, c.regionCode(), disposition + ", for approval by " + approver);
	}

	@Override
	public void concludeVerification(String clueId, String conclusion) {
		Scope scope = db.staff();
		ClueDetail c = requireClue(scope, clueId);
		if (!"preliminary_verification".equals(c.clue().disposition()) || c.approvedOn() == null
				|| c.verifiedOn() != null) {
			throw new Refused("casework.refused.notVerifying", "the clue is not under preliminary verification");
		}
		jdbc.sql("update cas_clue set verified_on = ?, verify_conclusion = ? where clue_id = ?")
			.params(db.today(), CaseworkSupport.text(conclusion, "conclusion", 4000), clueId)
			.update();
		audit.record("conclude_verification", "clue", clueId, c.regionCode(), null);
	}

	@Override
	public void fileCase(String clueId, String handling, String approver) {
		Scope scope = db.staff();
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
		Scope scope = db.staff();
		ClueDetail c = requireClue(scope, clueId);
		if (!c.mayApprove()) {
			throw new Refused("casework.refused.notYours", "nothing on this clue waits for your approval");
		}
		if ("disposition".equals(c.awaiting())) {
			jdbc.sql("update cas_clue set approved_on = ?, verify_due = ? where clue_id = ?")
				.params(db.today(),
						"preliminary_verification".equals(c.clue().disposition()) ? db.today().plusDays(VERIFY_DAYS)
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
		String id = db.nextId("AJ", "cas_case_number", 6, db.today(), "cas_case", "case_id");
		String reportId = "report".equals(c.clue().source()) ? c.sourceId() : null;
		jdbc.sql(
				"""
						insert into cas_case (case_id, report_id, filed_on, unit_code, self_handled, joint, subject_id, clue_id,
						    region_code, filed_by, filing_approver, group_requested)
						values (:id, :report, :today, :unit, :self, :joint, :subject, :clue, :region, :by, :approver, :requested)""")
			.param("id", id)
			.param("report", reportId)
			.param("today", db.today())
			.param("unit", unit)
			.param("self", handling.equals("self") && township)
			.param("joint", handling.equals("joint"))
			.param("subject", c.subjectId())
			.param("clue", clueId)
			.param("region", c.regionCode())
			.param("by", requester)
			.param("approver", scope.user())
			.param("requested", handling.equals("joint") ? db.today() : null)
			.update();
		jdbc.sql("update cas_clue set case_id = ? where clue_id = ?").params(id, clueId).update();
		audit.record("file_case", "case", id, c.regionCode(), handling + ", asked by " + requester);
		return id;
	}

	private ClueRow clueRow(ResultSet rs) throws SQLException {
		LocalDate due = CaseworkSupport.date(rs, "verify_due");
		boolean overdue = due != null && CaseworkSupport.date(rs, "verified_on") == null
				&& rs.getString("case_id") == null && db.today().isAfter(due);
		return new ClueRow(rs.getString("clue_id"), rs.getString("source"), db.name(rs.getString("region_code")),
				rs.getString("subject_name"), rs.getString("summary"), rs.getString("disposition"), due, overdue,
				rs.getString("case_id"));
	}

}
