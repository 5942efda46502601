package org.qinglian.intake.internal;

import static org.qinglian.intake.internal.JdbcPublicReports.date;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.intake.ReportDesk;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.PersonalDataCipher;
import org.qinglian.platform.PersonalDataCipher.Place;
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
 * The office's work on reports. Every query is scoped to the reports the user's office
 * handles ({@code unit_code} within the user's jurisdiction) and drops those the user is
 * recused from ({@code jur_recused}); a report outside that answers as if it did not
 * exist.
 */
@Service
@Transactional
class JdbcReportDesk implements ReportDesk {

	static final Set<String> STAFF_CHANNELS = Set.of("visit", "letter", "phone");

	/** The reports a user may open: of their offices, not recused. */
	private static final String VISIBLE = """
			r.unit_code like :scope and not jur_recused(:me, r.region_code, r.subject_id)
			and not (r.subject_id is null and r.subject_name is not null and exists (select 1 from jur_person s
			    where s.name = r.subject_name and s.region_code like substr(r.region_code, 1, 9) || '%'
			      and jur_recused(:me, r.region_code, s.person_id)))""";

	private static final String COLUMNS = """
			r.report_id, r.received_on, r.channel, r.kind, r.category, r.anonymous, r.region_code, r.unit_code,
			r.subject_id, r.subject_name, r.rural_cadre, r.text, r.assigned_to, r.acknowledged_on, r.extended_to,
			r.extension_reason, r.answer, r.closed_on, r.satisfied, r.review_requested_on, r.reviewed_on,
			r.review_conclusion, r.duplicate_of, (r.identity_enc is not null or r.reporter_enc is not null) as has_identity,
			(select p.name from jur_person p where p.person_id = r.subject_id) as subject_label
			""";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AuditLog audit;

	private final PersonalDataCipher cipher;

	private final Registry registry;

	private final UserAccounts users;

	private final NewReports newReports;

	private final ReceiptCodes receipts;

	private final SubjectFinder subjects;

	private final Clock clock;

	JdbcReportDesk(JdbcClient jdbc, Scopes scopes, AuditLog audit, PersonalDataCipher cipher, Registry registry,
			UserAccounts users, NewReports newReports, ReceiptCodes receipts, SubjectFinder subjects, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.cipher = cipher;
		this.registry = registry;
		this.users = users;
		this.newReports = newReports;
		this.receipts = receipts;
		this.subjects = subjects;
		this.clock = clock;
	}

	@Override
	public Entered enter(StaffEntry e) {
		Scope scope = staff();
		if (e.channel() == null || !STAFF_CHANNELS.contains(e.channel())) {
			throw new Refused("intake.refused.channel", "channel must be one of visit, letter, phone", e.channel());
		}
		if (e.regionCode() != null && !scope.covers(e.regionCode())) {
			throw new Refused("intake.refused.region", "region_code must be within your jurisdiction", e.regionCode());
		}
		String code = receipts.newCode();
		boolean anonymous = Boolean.TRUE.equals(e.anonymous());
		String id = newReports.insert(
				new NewReports.Draft(e.channel(), e.regionCode(), e.kind(), e.text(), e.subjectName(), null, anonymous,
						anonymous ? null : e.name(), anonymous ? null : e.contact(), scope.user(), null),
				receipts.hash(code));
		audit.record("enter_report", "report", id, e.regionCode(), e.channel());
		return new Entered(id, code);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Registry.RegionName> regionsForEntry() {
		return registry.regionsUnder(staff().prefix());
	}

	@Override
	public Entered raise(OfficerEntry e) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.RAISE_MATTERS);
		String key = NewReports.text(e.clientKey(), "client_key", 64);
		Optional<String> stored = jdbc.sql("select report_id from int_report where submitted_by = ? and client_key = ?")
			.params(scope.user(), key)
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return new Entered(stored.get(), null);
		}
		String name = jdbc.sql("select name from jur_person where person_id = ?")
			.param(scope.personId())
			.query(String.class)
			.optional()
			.orElse(scope.user());
		String id = newReports.insert(new NewReports.Draft("info_officer", scope.regionCode(), e.kind(), e.text(),
				e.subjectName(), null, false, name, "account " + scope.user(), scope.user(), key), null);
		// no report id: the entry must not tie the officer to the report for readers of
		// the log
		audit.record("raise_report", "report", null, scope.regionCode(), null);
		return new Entered(id, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<OfficerReport> raisedByMe() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.RAISE_MATTERS);
		return jdbc.sql("""
				select report_id, received_on, kind, text, acknowledged_on, extended_to, closed_on, satisfied,
				       review_requested_on, reviewed_on, answer
				from int_report where submitted_by = ? and channel = 'info_officer'
				order by received_on desc, report_id desc limit 200""")
			.param(scope.user())
			.query((rs, i) -> new OfficerReport(rs.getString(1), date(rs.getDate(2)), rs.getString(3), rs.getString(4),
					new ReportClock(date(rs.getDate(2)), date(rs.getDate(5)), date(rs.getDate(6)), date(rs.getDate(7)),
							(Boolean) rs.getObject(8), date(rs.getDate(9)), date(rs.getDate(10)))
						.status(),
					rs.getString(11)))
			.list();
	}

	@Override
	public List<Row> workbench() {
		Scope scope = staff();
		LocalDate today = LocalDate.now(clock);
		List<Row> rows = new ArrayList<>(jdbc.sql("select " + COLUMNS + " from int_report r where " + VISIBLE + """
				 and (r.closed_on is null or (r.review_requested_on is not null and r.reviewed_on is null))
				order by r.received_on limit 1000""").params(scope.parameters()).query((rs, i) -> {
			Report r = report(rs);
			ReportClock c = clock(rs);
			return new Row(r.reportId(), r.receivedOn(), r.channel(), r.kind(), r.regionCode(), r.regionName(),
					r.status(), r.assignedTo(), c.due(), c.dueOn(), c.overdue(today));
		}).list());
		rows.sort(Comparator.comparing(Row::overdue)
			.reversed()
			.thenComparing(Row::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
		audit.record("view_reports", "report", null, scope.regionCode(), rows.size() + " open");
		return rows;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OfficeLoad> load() {
		Scope scope = staff();
		LocalDate today = LocalDate.now(clock);
		Map<String, long[]> counts = new java.util.TreeMap<>();
		jdbc.sql("select " + COLUMNS + " from int_report r where " + VISIBLE + """
				and (r.closed_on is null or (r.review_requested_on is not null and r.reviewed_on is null))""")
			.params(scope.parameters())
			.query((ResultSet rs) -> {
				ReportClock c = clock(rs);
				String office = c.reviewRequestedOn() != null ? rs.getString("unit_code").substring(0, 6) + "000000"
						: rs.getString("unit_code");
				long[] n = counts.computeIfAbsent(office, k -> new long[3]);
				n[0]++;
				if (c.dueOn() != null && !c.dueOn().isAfter(today.plusDays(7))) {
					n[1]++;
				}
				if (c.overdue(today)) {
					n[2]++;
				}
			});
		return counts.entrySet()
			.stream()
			.map(e -> new OfficeLoad(e.getKey(), registry.regionName(e.getKey()).orElse(e.getKey()), e.getValue()[0],
					e.getValue()[1], e.getValue()[2]))
			.toList();
	}

	@Override
	public Optional<Detail> report(String reportId) {
		Scope scope = staff();
		Optional<Report> found = find(scope, reportId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Report r = found.get();
		audit.record("view_report", "report", r.reportId(), r.regionCode(), null);
		List<Note> notes = jdbc.sql("""
				select at, from_reporter, internal, author, text from int_message
				where report_id = ? order by message_id""")
			.param(reportId)
			.query((rs, i) -> new Note(rs.getTimestamp(1).toInstant(), rs.getBoolean(2), rs.getBoolean(3),
					rs.getString(4), rs.getString(5)))
			.list();
		List<String> files = jdbc.sql("select sha256 from int_report_file where report_id = ? order by added_at")
			.param(reportId)
			.query(String.class)
			.list();
		return Optional
			.of(new Detail(r, notes, subjects.suggest(r.regionCode(), r.text()), duplicates(scope, r), files));
	}

	/**
	 * Earlier reports of the user's offices about the same subject (by id, or by the name
	 * the reporters gave in the same village) and the same matter (category, or kind when
	 * either is unclassified) within 90 days.
	 */
	private List<Duplicate> duplicates(Scope scope, Report r) {
		if (r.subjectId() == null && r.subjectName() == null) {
			return List.of();
		}
		Map<String, Object> params = scope.parameters();
		params.put("id", r.reportId());
		params.put("subject", r.subjectId());
		params.put("name", r.subjectName());
		params.put("region", r.regionCode());
		params.put("category", r.category());
		params.put("kind", r.kind());
		params.put("received", r.receivedOn());
		return jdbc.sql("select " + COLUMNS + " from int_report r where " + VISIBLE + """
				 and r.report_id <> :id and r.duplicate_of is null
				 and r.received_on between cast(:received as date) - 90 and cast(:received as date)
				 and ((cast(:subject as text) is not null and r.subject_id = :subject)
				   or (cast(:name as text) is not null and r.subject_name = :name and r.region_code = :region))
				 and (case when r.category is null or cast(:category as text) is null then r.kind = :kind
				      else r.category = :category end)
				order by r.received_on desc limit 10""").params(params).query((rs, i) -> {
			Report d = report(rs);
			return new Duplicate(d.reportId(), d.receivedOn(), d.kind(), d.status());
		}).list();
	}

	@Override
	public void classify(String reportId, Classification c) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		if (c.kind() == null || !NewReports.KINDS.contains(c.kind())) {
			throw new Refused("intake.refused.kind", "kind must be one of accusation, suggestion, appeal, other");
		}
		String category = NewReports.optional(c.category(), "category", 32);
		if (category != null && !category.matches("[a-z_]+")) {
			throw new Refused("intake.refused.category", "category is not one of the list", category);
		}
		String region = c.regionCode() == null || c.regionCode().isBlank() ? r.regionCode() : c.regionCode().strip();
		if (!scope.covers(region) || registry.regionName(region).isEmpty() || region.endsWith("000000")) {
			throw new Refused("intake.refused.region", "region_code must be a village or township of your jurisdiction",
					region);
		}
		String subject = NewReports.optional(c.subjectId(), "subject_id", 64);
		if (subject != null && !registry.personExists(subject)) {
			throw new Refused("intake.refused.subject", "subject_id is not a person of the county's registry");
		}
		if (subject != null && Boolean.TRUE.equals(jdbc.sql("select jur_recused(?, ?, ?)")
			.params(scope.personId(), region, subject)
			.query(Boolean.class)
			.single())) {
			throw new Refused("intake.refused.recusedSubject", "you are recused from reports about this person");
		}
		String county = region.substring(0, 6) + "000000";
		String unit = r.unitCode().equals(county) || (subject != null && newReports.townshipStaff(subject)) ? county
				: region.substring(0, 9) + "000";
		String assignee = r.assignedTo();
		if (assignee != null) {
			String personOfAssignee = users.colleagues(r.unitCode())
				.stream()
				.filter(u -> u.username().equals(r.assignedTo()))
				.map(UserAccounts.Colleague::personId)
				.findFirst()
				.orElse(null);
			if (!unit.equals(r.unitCode())
					|| (personOfAssignee != null && Boolean.TRUE.equals(jdbc.sql("select jur_recused(?, ?, ?)")
						.params(personOfAssignee, region, subject)
						.query(Boolean.class)
						.single()))) {
				assignee = null;
			}
		}
		jdbc.sql("""
				update int_report set kind = ?, category = ?, region_code = ?, subject_id = ?, rural_cadre = ?,
				       unit_code = ?, assigned_to = ? where report_id = ?""")
			.params(c.kind(), category, region, subject, Boolean.TRUE.equals(c.ruralCadre()), unit, assignee, reportId)
			.update();
		audit.record("classify_report", "report", reportId, region,
				c.kind() + " " + category + "; subject " + r.subjectId() + " -> " + subject + "; region "
						+ r.regionCode() + " -> " + region + "; office " + unit);
	}

	@Override
	public void assign(String reportId, String username) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		UserAccounts.Colleague who = users.colleagues(r.unitCode())
			.stream()
			.filter(u -> u.username().equals(username))
			.findFirst()
			.orElseThrow(() -> new Refused("intake.refused.assignee", "not a staff member of the handling office",
					username));
		if (recused(who.personId(), r)) {
			throw new Refused("intake.refused.assigneeRecused", "the staff member is recused from this report",
					username);
		}
		jdbc.sql("update int_report set assigned_to = ? where report_id = ?").params(username, reportId).update();
		audit.record("assign_report", "report", reportId, r.regionCode(), username);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Assignee> assignees(String reportId) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		return users.colleagues(r.unitCode())
			.stream()
			.filter(u -> !recused(u.personId(), r))
			.map(u -> new Assignee(u.username(), u.displayName()))
			.toList();
	}

	private boolean recused(String personId, Report r) {
		return personId != null && Boolean.TRUE.equals(jdbc.sql("select jur_recused(?, ?, ?)")
			.params(personId, r.regionCode(), r.subjectId())
			.query(Boolean.class)
			.single());
	}

	@Override
	public void routeToCounty(String reportId, String reason) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		String why = NewReports.text(reason, "reason", 500);
		String county = r.regionCode().substring(0, 6) + "000000";
		if (r.unitCode().equals(county)) {
			throw new Refused("intake.refused.atCounty", "the report is handled by the county already");
		}
		jdbc.sql("update int_report set unit_code = ?, assigned_to = null where report_id = ?")
			.params(county, reportId)
			.update();
		internal(reportId, scope, "转县纪委监委办理 / sent to the county: " + why);
		audit.record("route_report", "report", reportId, r.regionCode(), county + ": " + why);
	}

	@Override
	public void acknowledge(String reportId) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		if (r.acknowledgedOn() != null || r.closedOn() != null) {
			throw new Refused("intake.refused.acknowledged", "the report was acknowledged already");
		}
		jdbc.sql("update int_report set acknowledged_on = ? where report_id = ?")
			.params(LocalDate.now(clock), reportId)
			.update();
		audit.record("acknowledge_report", "report", reportId, r.regionCode(), null);
	}

	@Override
	public void extend(String reportId, int days, String reason) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		if (r.closedOn() != null || r.extended()) {
			throw new Refused("intake.refused.extension",
					"a report's deadline is extended once, before it is answered");
		}
		if (days < 1 || days > ReportClock.MAX_EXTENSION_DAYS) {
			throw new Refused("intake.refused.extensionDays", "an extension is 1 to 30 days",
					ReportClock.MAX_EXTENSION_DAYS);
		}
		String why = NewReports.text(reason, "reason", 500);
		jdbc.sql("update int_report set extended_to = ?, extension_reason = ? where report_id = ?")
			.params(r.dueOn().plusDays(days), why, reportId)
			.update();
		audit.record("extend_report", "report", reportId, r.regionCode(), days + " days: " + why);
	}

	@Override
	public void answer(String reportId, String answer) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		if (r.closedOn() != null) {
			throw new Refused("intake.refused.answered", "the report was answered already");
		}
		String text = NewReports.text(answer, "answer", NewReports.MAX_TEXT);
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				update int_report set answer = ?, closed_on = ?, acknowledged_on = coalesce(acknowledged_on, ?)
				where report_id = ?""").params(text, today, today, reportId).update();
		audit.record("answer_report", "report", reportId, r.regionCode(), null);
	}

	@Override
	public void message(String reportId, String text) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		jdbc.sql("insert into int_message (report_id, from_reporter, author, text) values (?, false, ?, ?)")
			.params(reportId, scope.user(), NewReports.text(text, "text", 2000))
			.update();
		audit.record("message_reporter", "report", reportId, r.regionCode(), null);
	}

	@Override
	public void note(String reportId, String text) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		internal(reportId, scope, NewReports.text(text, "text", 2000));
		audit.record("note_report", "report", reportId, r.regionCode(), null);
	}

	private void internal(String reportId, Scope scope, String text) {
		jdbc.sql(
				"insert into int_message (report_id, from_reporter, internal, author, text) values (?, false, true, ?, ?)")
			.params(reportId, scope.user(), text)
			.update();
	}

	@Override
	public void confirmDuplicate(String reportId, String originalId) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		Report original = find(scope, originalId)
			.orElseThrow(() -> new Refused("intake.refused.original", "no such earlier report", originalId));
		if (original.reportId().equals(r.reportId()) || original.receivedOn().isAfter(r.receivedOn())
				|| original.duplicateOf() != null) {
			throw new Refused("intake.refused.original", "the original must be an earlier report, not a duplicate",
					originalId);
		}
		jdbc.sql("update int_report set duplicate_of = ? where report_id = ?").params(originalId, reportId).update();
		audit.record("confirm_duplicate", "report", reportId, r.regionCode(), originalId);
	}

	@Override
	public void rateInPerson(String reportId, boolean satisfied) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		Ratings.rate(jdbc, reportId, satisfied, LocalDate.now(clock));
		audit.record("rate_report", "report", reportId, r.regionCode(), satisfied ? "satisfied" : "not satisfied");
	}

	@Override
	public void concludeReview(String reportId, String conclusion) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		if (!scope.regionCode().endsWith("000000")) {
			throw new Refused("intake.refused.countyReviews", "reviews are concluded by the county office");
		}
		if (r.reviewRequestedOn() == null || !"under_review".equals(r.status())) {
			throw new Refused("intake.refused.noReview", "the report is not under review");
		}
		jdbc.sql("update int_report set reviewed_on = ?, review_conclusion = ? where report_id = ?")
			.params(LocalDate.now(clock), NewReports.text(conclusion, "conclusion", NewReports.MAX_TEXT), reportId)
			.update();
		audit.record("conclude_review", "report", reportId, r.regionCode(), null);
	}

	@Override
	public Identity reveal(String reportId, String reason) {
		Scope scope = staff();
		scope.require(Role.Permission.REVEAL_REPORTER);
		Report r = require(scope, reportId);
		String why = NewReports.optional(reason, "reason", 500);
		if (why == null || why.length() < 4) {
			throw new Refused("intake.refused.revealReason", "revealing a reporter needs a reason");
		}
		Map<String, Object> sealed = jdbc.sql("select identity_enc, reporter_enc from int_report where report_id = ?")
			.param(reportId)
			.query()
			.singleRow();
		if (sealed.get("identity_enc") == null && sealed.get("reporter_enc") == null) {
			throw new Refused("intake.refused.anonymous", "the report is anonymous: there is nobody to reveal");
		}
		audit.recordNow("reveal_reporter", "report", reportId, r.regionCode(), why);
		if (sealed.get("identity_enc") != null) {
			String[] parts = cipher
				.open((String) sealed.get("identity_enc"), new Place("int_report", "identity_enc", reportId))
				.split("\u001f", 2);
			return new Identity(parts[0], parts.length > 1 ? parts[1] : "", null);
		}
		String personId = cipher.decrypt((String) sealed.get("reporter_enc"),
				new Place("int_report", "reporter_enc", reportId));
		return jdbc.sql("select name, coalesce(phone, '') from jur_person where person_id = ?")
			.param(personId)
			.query((rs, i) -> new Identity(rs.getString(1), rs.getString(2), personId))
			.optional()
			.orElse(new Identity("", "", personId));
	}

	@Override
	public Optional<FileContent> file(String reportId, String sha256) {
		Scope scope = staff();
		Report r = require(scope, reportId);
		Optional<FileContent> file = jdbc.sql("""
				select f.media_type, f.content from int_report_file rf join int_file f on f.sha256 = rf.sha256
				where rf.report_id = ? and rf.sha256 = ?""")
			.params(reportId, sha256)
			.query((rs, i) -> new FileContent(rs.getString(1), rs.getBytes(2)))
			.optional();
		file.ifPresent(f -> audit.record("view_report_file", "report", reportId, r.regionCode(), sha256));
		return file;
	}

	private Scope staff() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		return scope;
	}

	private Report require(Scope scope, String reportId) {
		return find(scope, reportId).orElseThrow(Scope.NotInScopeException::new);
	}

	private Optional<Report> find(Scope scope, String reportId) {
		Map<String, Object> params = scope.parameters();
		params.put("id", reportId);
		return jdbc.sql("select " + COLUMNS + " from int_report r where r.report_id = :id and " + VISIBLE)
			.params(params)
			.query((rs, i) -> report(rs))
			.optional();
	}

	private static ReportClock clock(ResultSet rs) throws SQLException {
		return new ReportClock(date(rs.getDate("received_on")), date(rs.getDate("acknowledged_on")),
				date(rs.getDate("extended_to")), date(rs.getDate("closed_on")), (Boolean) rs.getObject("satisfied"),
				date(rs.getDate("review_requested_on")), date(rs.getDate("reviewed_on")));
	}

	private Report report(ResultSet rs) throws SQLException {
		ReportClock c = clock(rs);
		String subjectId = rs.getString("subject_id");
		String subjectLabel = subjectId == null ? null
				: rs.getString("subject_label") == null ? subjectId : rs.getString("subject_label");
		String region = rs.getString("region_code");
		return new Report(rs.getString("report_id"), c.receivedOn(), rs.getString("channel"), rs.getString("kind"),
				rs.getString("category"), rs.getBoolean("anonymous"), region,
				registry.regionName(region).orElse(region), rs.getString("unit_code"), subjectId, subjectLabel,
				rs.getString("subject_name"), rs.getBoolean("rural_cadre"), rs.getString("text"), c.status(),
				rs.getString("assigned_to"), c.acknowledgedOn(),
				c.reviewRequestedOn() == null ? c.concludeBy() : c.dueOn(), c.extendedTo() != null,
				rs.getString("extension_reason"), rs.getString("answer"), c.closedOn(), c.satisfied(),
				c.reviewRequestedOn(), c.reviewRequestedOn() == null ? null : c.dueOn(),
				rs.getString("review_conclusion"), rs.getString("duplicate_of"), rs.getBoolean("has_identity"));
	}

}
