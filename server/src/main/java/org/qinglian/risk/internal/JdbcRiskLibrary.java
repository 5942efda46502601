package org.qinglian.risk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.Csv;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.risk.FindingTurnedIntoClue;
import org.qinglian.risk.FindingStatus;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskRule;
import org.qinglian.risk.RiskRule.Severity;
import org.qinglian.risk.rules.SqlRule;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcRiskLibrary implements RiskLibrary {

	/**
	 * A finding with its subject's and region's names ({@code risk_finding_view}), in the
	 * signed-in user's jurisdiction ({@code :scope}, a {@code like} pattern) and not one
	 * the user is recused from ({@code :me}, the user's person id: see
	 * {@code risk_recused}).
	 */
	private static final String VISIBLE_FINDING = """
			select f.* from risk_finding_view f
			where f.region_code like :scope and not risk_recused(:me, f.region_code, f.subject_id)
			""";

	private final List<RiskRule> rules;

	private final Scanner scanner;

	private final Settings settings;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Scopes scopes;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RiskSettings riskSettings;

	JdbcRiskLibrary(Scanner scanner, Settings settings, JdbcClient jdbc, JdbcTemplate template, Scopes scopes,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, RiskSettings riskSettings) {
		this.rules = SqlRule.all();
		this.riskSettings = riskSettings;
		this.scanner = scanner;
		this.settings = settings;
		this.jdbc = jdbc;
		this.template = template;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public List<RuleView> rules() {
		return rules.stream().map(r -> {
			Map<String, BigDecimal> values = settings.values(r);
			return new RuleView(r.code(), r.scheme(), r.nameZh(), r.nameEn(), r.basis(), r.severity(), r.explanation(),
					r.settings()
						.stream()
						.map(s -> new SettingView(s.key(), s.nameZh(), values.get(s.key()), s.defaultValue(), s.min(),
								s.max()))
						.toList());
		}).toList();
	}

	private RiskRule rule(String code) {
		return rules.stream()
			.filter(r -> r.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new RefusedException("risk.refused.noRule", "no rule '" + code + "'", code));
	}

	@Override
	@Transactional
	public void changeSetting(String ruleCode, String key, BigDecimal value) {
		Scope scope = scopes.current();
		scope.require(Permission.MANAGE_RULES);
		settings.change(rule(ruleCode), key, value, scope.user());
		audit.record("change_rule_setting", "risk_rule", ruleCode, null, key + " = " + value);
	}

	@Override
	@Transactional
	public ScanReport scan(ScanProgress progress) {
		return scan(progress, false);
	}

	@Override
	@Transactional
	public ScanReport scanAll(ScanProgress progress) {
		return scan(progress, true);
	}

	private ScanReport scan(ScanProgress progress, boolean all) {
		ScanReport report = scanner.scan(rules, progress, all);
		audit.record("scan", "risk_rules", null, null,
				"findings " + report.findings() + ", new " + report.created() + ", changed " + report.changed()
						+ ", withdrawn " + report.withdrawn() + ", rules not run again " + report.skipped()
						+ ", run for " + report.regions().size() + " regions " + report.byRegion());
		return report;
	}

	@ApplicationModuleListener
	void on(BundleImported event) {
		if (riskSettings.scanAfterImport()) {
			scan(ScanProgress.NONE);
		}
	}

	@Override
	@Transactional
	public long writeFindings(Writer out) {
		// signed in: the user's jurisdiction only; on the command line (the
		// operating-system user, audited): all
		String pattern = "%";
		String me = null;
		if (SecurityContextHolder.getContext().getAuthentication() != null) {
			Scope scope = supervisor();
			pattern = scope.pattern();
			me = scope.personId();
		}
		long[] n = { 0 };
		try {
			out.write("finding_id,rule_code,scheme,subject_id,region_code,period,amount,records,explanation\n");
			template.query(
					"""
							select finding_id, rule_code, scheme, subject_id, region_code, period, amount::text, records, explanation
							from risk_finding where status <> 'withdrawn' and region_code like ?
							  and not risk_recused(?, region_code, subject_id)
							order by rule_code, finding_id""",
					(ResultSet rs) -> {
						try {
							for (int i = 1; i <= 9; i++) {
								if (i > 1) {
									out.write(',');
								}
								out.write(Csv.cell(rs.getString(i)));
							}
							out.write('\n');
							n[0]++;
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					}, pattern, me);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		audit.record("export_findings", "risk_finding", null, null, "findings " + n[0]);
		return n[0];
	}

	private Scope supervisor() {
		Scope scope = scopes.current();
		scope.require(Permission.READ_SUPERVISION);
		return scope;
	}

	@Override
	@Transactional
	public List<FindingView> findings(String regionCode, String status, int limit) {
		Scope scope = supervisor();
		scope.requireCovers(regionCode);
		// a status that is none (a hand-made URL) lists nothing, as any filter would
		String wanted = status;
		List<FindingView> found = visible(scope, """
				and f.region_code like :subtree and (:status = 'all' or f.status = :status)
				order by case f.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end,
				         f.amount desc nulls last, f.finding_id limit :limit""")
			.param("subtree", Scope.patternOf(regionCode))
			.param("status", wanted)
			.param("limit", limit)
			.query(this::view)
			.list();
		// the list names the subjects: a read of personal data, audited after it
		audit.record("view_findings", "region", regionCode, regionCode, "status " + wanted + ", " + found.size());
		return found;
	}

	/** A query of the findings the user may see, with what the caller adds. */
	private StatementSpec visible(Scope scope, String more) {
		return jdbc.sql(VISIBLE_FINDING + more).param("scope", scope.pattern()).param("me", scope.personId());
	}

	private FindingView view(ResultSet rs, int i) throws SQLException {
		String code = rs.getString("rule_code");
		String name = rules.stream().filter(r -> r.code().equals(code)).map(RiskRule::nameZh).findFirst().orElse(code);
		return new FindingView(rs.getString("finding_id"), code, name, rs.getString("scheme"),
				Severity.valueOf(rs.getString("severity")), rs.getString("subject_id"), rs.getString("subject_kind"),
				rs.getString("subject_name"), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("period"), rs.getBigDecimal("amount"), rs.getString("explanation"),
				FindingStatus.of(rs.getString("status")), rs.getString("clue_id"));
	}

	@Override
	@Transactional
	public Optional<FindingDetail> finding(String findingId) {
		Scope scope = supervisor();
		Optional<FindingView> found = visible(scope, " and f.finding_id = :id").param("id", findingId)
			.query(this::view)
			.optional();
		found.ifPresent(f -> audit.record("view_finding", "risk_finding", f.findingId(), f.regionCode(), null));
		return found.map(f -> {
			String records = jdbc.sql("select records from risk_finding where finding_id = ?")
				.param(findingId)
				.query(String.class)
				.single();
			List<HistoryEntry> history = jdbc.sql(
					"select at, actor, action, detail from risk_finding_history where finding_id = ? order by at, action")
				.param(findingId)
				.query((rs, i) -> new HistoryEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
						rs.getString(3), rs.getString(4)))
				.list();
			return new FindingDetail(f, Arrays.asList(records.split(";")), history);
		});
	}

	private FindingView triageable(String findingId) {
		Scope scope = supervisor();
		scope.require(Permission.TRIAGE_FINDINGS);
		FindingView f = visible(scope, " and f.finding_id = :id").param("id", findingId)
			.query(this::view)
			.optional()
			.orElseThrow(Scope.NotInScopeException::new);
		if (!f.status().isOpen()) {
			throw new RefusedException("risk.refused.notOpen", "the finding is " + f.status() + ", not open",
					new DefaultMessageSourceResolvable("finding.status." + f.status().code()));
		}
		return f;
	}

	@Override
	@Transactional
	public void dismiss(String findingId, String reason) {
		// who may triage it first, so that a refusal tells an outsider nothing
		FindingView f = triageable(findingId);
		if (reason == null || reason.isBlank()) {
			throw new RefusedException("risk.refused.noReason", "reason: say why the finding is dismissed");
		}
		if (reason.length() > 2000) {
			throw new RefusedException("risk.refused.tooLong", "reason: at most 2000 characters", "2000");
		}
		Instant now = clock.instant();
		jdbc.sql("update risk_finding set status = 'dismissed' where finding_id = ?").param(findingId).update();
		history(findingId, now, "dismissed", reason.strip());
		audit.record("dismiss_finding", "risk_finding", findingId, f.regionCode(), reason.strip());
	}

	@Override
	@Transactional
	public String turnIntoClue(String findingId, String note) {
		FindingView f = triageable(findingId);
		if (note != null && note.length() > 2000) {
			throw new RefusedException("risk.refused.tooLong", "note: at most 2000 characters", "2000");
		}
		String clueId = "CL" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
		Instant now = clock.instant();
		jdbc.sql("update risk_finding set status = 'clue', clue_id = ? where finding_id = ?")
			.params(clueId, findingId)
			.update();
		history(findingId, now, "clue", clueId + (note == null || note.isBlank() ? "" : ": " + note.strip()));
		audit.record("finding_to_clue", "risk_finding", findingId, f.regionCode(), clueId);
		events.publishEvent(new FindingTurnedIntoClue(clueId, findingId, f.regionCode(), f.subjectId(),
				f.explanation() + (note == null || note.isBlank() ? "" : "（" + note.strip() + "）"),
				scopes.current().user(), now));
		return clueId;
	}

	private void history(String findingId, Instant at, String action, String detail) {
		jdbc.sql("insert into risk_finding_history (finding_id, at, actor, action, detail) values (?, ?, ?, ?, ?)")
			.params(findingId, Timestamp.from(at), scopes.current().user(), action, detail)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<FindingView> findingsAbout(String subjectId) {
		Scope scope = supervisor();
		return visible(scope, """
				and f.subject_id = :subject and f.status <> 'withdrawn'
				order by f.status, f.amount desc nulls last""").param("subject", subjectId).query(this::view).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrendPoint> trend(String regionCode) {
		Scope scope = supervisor();
		scope.requireCovers(regionCode);
		return jdbc.sql("""
				select left(f.period, 4) as year, f.scheme, count(*), coalesce(sum(f.amount), 0) from risk_finding f
				where f.region_code like :subtree and f.region_code like :scope
				  and f.status not in ('withdrawn', 'dismissed') and not risk_recused(:me, f.region_code, f.subject_id)
				group by 1, 2 order by 1, 2""")
			.param("subtree", Scope.patternOf(regionCode))
			.param("scope", scope.pattern())
			.param("me", scope.personId())
			.query((rs, i) -> new TrendPoint(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, OpenFindings> openBySeverity() {
		Scope scope = supervisor();
		Map<String, OpenFindings> out = new LinkedHashMap<>();
		jdbc.sql("""
				select f.region_code, count(*) filter (where f.status = 'open' and f.severity = 'HIGH'),
				       count(*) filter (where f.status = 'open' and f.severity = 'MEDIUM'),
				       count(*) filter (where f.status = 'open' and f.severity = 'LOW'),
				       count(*) filter (where f.status = 'clue')
				from risk_finding f
				where f.region_code like :scope and not risk_recused(:me, f.region_code, f.subject_id)
				group by f.region_code""")
			.param("scope", scope.pattern())
			.param("me", scope.personId())
			.query((ResultSet rs) -> {
				out.put(rs.getString(1), new OpenFindings(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
			});
		return out;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Map<String, SchemeFigures>> figuresByVillage() {
		Scope scope = supervisor();
		Map<String, Map<String, SchemeFigures>> out = new LinkedHashMap<>();
		jdbc.sql("""
				select f.region_code, f.scheme, count(*), count(*) filter (where f.status in ('open', 'clue')),
				       coalesce(sum(f.amount) filter (where f.status <> 'dismissed'), 0)
				from risk_finding f
				where f.status <> 'withdrawn' and f.region_code like :scope
				  and not risk_recused(:me, f.region_code, f.subject_id)
				group by f.region_code, f.scheme order by f.region_code, f.scheme""")
			.param("scope", scope.pattern())
			.param("me", scope.personId())
			.query((ResultSet rs) -> {
				out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
					.put(rs.getString(2), new SchemeFigures(rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)));
			});
		return out;
	}

}
