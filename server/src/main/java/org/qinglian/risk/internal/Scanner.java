package org.qinglian.risk.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.qinglian.assets.ReceivedRegistries;
import org.qinglian.platform.Exchange;
import org.qinglian.platform.TableChanges;
import org.qinglian.risk.FindingStatus;
import org.qinglian.risk.RiskLibrary.ScanProgress;
import org.qinglian.risk.RiskLibrary.ScanReport;
import org.qinglian.risk.RiskRule;
import org.qinglian.risk.internal.FindingReconciliation.Change;
import org.qinglian.risk.internal.FindingReconciliation.Found;
import org.qinglian.risk.internal.FindingReconciliation.Outcome;
import org.qinglian.risk.internal.FindingReconciliation.Stored;
import org.qinglian.risk.book.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the rules and writes what {@link FindingReconciliation} makes of their output: a
 * new finding recorded, a changed one updated, one no longer produced withdrawn, each
 * step in the finding's history. The id of a finding is derived from its rule and key, so
 * that rescanning the same data creates nothing new.
 */
@Component
class Scanner {

	private static final Logger log = LoggerFactory.getLogger(Scanner.class);

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Settings settings;

	private final Exchange exchange;

	private final Clock clock;

	private final TransactionTemplate refresh;

	private final ReceivedRegistries registries;

	private final TableChanges changes;

	/** The name the near kin's refresh keeps its stamp under. */
	static final String NEAR_KIN = "risk_near_kin";

	/** The stamp of a rule that reads a table whose changes are not counted. */
	private static final String UNKNOWN = "unknown";

	/**
	 * What makes a finding of a query's row besides the rule book ({@code Finding.of},
	 * {@link #found}): a release that changes it changes this, and every rule runs over
	 * all again.
	 */
	private static final String FINDING_FORMAT = "1";

	/** What a rule's run keeps ({@link Kept}) is kept under this and its code. */
	static final String KEPT = "risk_rule:";

	Scanner(JdbcTemplate jdbc, Settings settings, Exchange exchange, Clock clock,
			PlatformTransactionManager transactions, ReceivedRegistries registries, TableChanges changes) {
		this.changes = changes;
		this.registries = registries;
		this.refresh = new TransactionTemplate(transactions);
		this.refresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.settings = settings;
		this.exchange = exchange;
		this.clock = clock;
	}

	ScanReport scan(List<RiskRule> rules, ScanProgress progress, boolean all) {
		long started = System.nanoTime();
		// one scan at a time: a scan after an import and one started by hand must not
		// race on the same findings
		jdbc.query("select pg_advisory_xact_lock(7361626)", rs -> null);
		// taken before anything is read or derived (the near kin, the ties): what commits
		// after is seen as new at the next scan, even if this one saw it too
		Set<String> counted = changes.counted();
		String snapshot = changes.snapshot();
		Map<String, String> stamps = changes.stamps(counted);
		// in a transaction of its own, so that pages reading near kin (recusal) wait for
		// the refresh only, not for the whole scan
		// again only when the persons or their kin changed since it was last refreshed
		refresh.execute(status -> {
			String now = changes.stamp("jur_person", "jur_kin");
			if (!now.equals(changes.kept(NEAR_KIN))) {
				jdbc.query("select risk_refresh_near_kin()", rs -> null);
				changes.keep(NEAR_KIN, now);
			}
			return null;
		});
		// the registries as received read by their kept ties: tied again first if the
		// persons or a registry changed (in a transaction of its own, too)
		registries.tie();
		Context context = context();
		Timestamp now = Timestamp.from(clock.instant());
		Map<String, RuleInputs> inputs = RuleInputs.of(jdbc, counted, rules);
		Map<String, String> keptStates = all ? Map.of() : changes.keptStartingWith(KEPT);
		long created = 0;
		long changed = 0;
		long withdrawn = 0;
		int skipped = 0;
		int byRegion = 0;
		Set<String> regionsRun = new TreeSet<>();
		int done = 0;
		for (RiskRule rule : rules) {
			progress.rule(rule.code(), done, rules.size());
			MapSqlParameterSource params = params(rule, context);
			RuleInputs in = inputs.get(rule.code());
			String basis = basis(rule, params, in);
			String stamp = in.known() ? in.tables().stream().sorted().map(stamps::get).collect(Collectors.joining("\t"))
					: UNKNOWN;
			Kept kept = Kept.of(keptStates.get(KEPT + rule.code()));
			Set<String> regions = null;
			if (kept != null && in.known() && !kept.stamp().equals(UNKNOWN) && kept.basis().equals(basis)) {
				if (kept.stamp().equals(stamp)) {
					// nothing it reads changed: its findings are the ones kept
					skipped++;
					done++;
					continue;
				}
				regions = changedRegions(rule, in, kept.snapshot());
			}
			long ruleStarted = System.nanoTime();
			Map<String, Found> found = run(rule, params, regions);
			if (regions != null) {
				// a finding of a region not run again is not this run's to tell
				Set<String> some = regions;
				found.values().removeIf(f -> !some.contains(f.regionCode()));
			}
			log.debug("rule {}: {} findings in {} ms{}", rule.code(), found.size(),
					(System.nanoTime() - ruleStarted) / 1_000_000, regions == null ? "" : " for " + regions);
			Outcome outcome = FindingReconciliation.reconcile(found.values(), stored(rule, regions, found.keySet()));
			write(rule, outcome, now);
			changes.keep(KEPT + rule.code(), new Kept(basis, stamp, snapshot).toString());
			if (regions != null) {
				byRegion++;
				regionsRun.addAll(regions);
			}
			created += outcome.created().size();
			changed += outcome.changed().size();
			withdrawn += outcome.withdrawn().size();
			done++;
		}
		progress.rule("", done, rules.size());
		// what the rules give now: the findings they gave, of those not run again too
		long total = jdbc.queryForObject(
				"select count(*) from risk_finding where status <> 'withdrawn' and rule_code = any(?)", Long.class,
				(Object) rules.stream().map(RiskRule::code).toArray(String[]::new));
		return new ScanReport(rules.size(), total, created, changed, withdrawn,
				(System.nanoTime() - started) / 1_000_000, skipped, byRegion, regionsRun);
	}

	/**
	 * The regions a rule read by village need be run again for: those of the rows changed
	 * since it last ran, when only tables it reads by village changed and every change of
	 * them was noted by region; else {@code null}, run it over all.
	 */
	private Set<String> changedRegions(RiskRule rule, RuleInputs in, String since) {
		List<String> byVillage = rule.definition().byVillage();
		if (byVillage.isEmpty()) {
			return null;
		}
		Map<String, Optional<Set<String>>> changed = changes.changedSince(since, in.tables());
		if (changed.isEmpty()) {
			// the stamp says a table changed, the log cannot say since when
			return null;
		}
		Set<String> regions = new TreeSet<>();
		for (Map.Entry<String, Optional<Set<String>>> e : changed.entrySet()) {
			if (!byVillage.contains(e.getKey()) || e.getValue().isEmpty()) {
				return null;
			}
			regions.addAll(e.getValue().get());
		}
		return regions;
	}

	/** The scan's parameters every rule may read. */
	record Context(String county, Exchange.DataPeriod period, LocalDate today) {
	}

	Context context() {
		String county = jdbc.query("select region_code from jur_region where level = 'county' order by 1 limit 1",
				rs -> rs.next() ? rs.getString(1) : "");
		return new Context(county, exchange.dataPeriod(), LocalDate.now(clock));
	}

	MapSqlParameterSource params(RiskRule rule, Context context) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("county", context.county())
			.addValue("period_from", context.period().from().toString())
			.addValue("period_to", context.period().to().toString())
			.addValue("today", context.today().toString());
		settings.values(rule).forEach(params::addValue);
		return params;
	}

	/**
	 * What the rule's findings are made of besides the rows it reads: its query, the
	 * values of the parameters it reads, the definitions of the views and functions it
	 * calls. Another basis, and the rule runs over all again.
	 */
	private static String basis(RiskRule rule, MapSqlParameterSource params, RuleInputs in) {
		StringBuilder b = new StringBuilder(FINDING_FORMAT).append('\u0000')
			.append(rule.definition())
			.append('\u0000')
			.append(rule.sql())
			.append('\u0000')
			.append(new TreeSet<>(in.tables()))
			.append('\u0000');
		for (String name : new TreeSet<>(List.of(params.getParameterNames()))) {
			if (rule.sql().contains(":" + name)) {
				b.append(name).append('=').append(params.getValue(name)).append('\u0000');
			}
		}
		b.append(in.definitions());
		return sha256(b.toString());
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs a rule, for the regions given only (its tables read by village narrowed to
	 * their rows of those regions) or over all ({@code null}).
	 */
	Map<String, Found> run(RiskRule rule, MapSqlParameterSource params, Set<String> regions) {
		String sql = rule.sql();
		if (regions != null) {
			// the temporary objects live on the transaction's connection, gone with it if
			// it fails
			if (!TransactionSynchronizationManager.isActualTransactionActive()) {
				throw new IllegalStateException("a rule is run for some regions in a transaction only");
			}
			jdbc.execute("drop table if exists pg_temp.risk_scope cascade");
			jdbc.execute("create temp table risk_scope (region_code text primary key)");
			jdbc.batchUpdate("insert into pg_temp.risk_scope values (?)",
					regions.stream().map(r -> new Object[] { r }).toList());
			for (String table : rule.definition().byVillage()) {
				if (!table.matches("[a-z_]+")) {
					throw new IllegalStateException(rule.code() + " reads by village a table named " + table);
				}
				jdbc.execute("create temp view risk_scoped_" + table + " as select * from public." + table
						+ " where region_code in (select region_code from pg_temp.risk_scope)");
				sql = sql.replaceAll("\\b" + table + "\\b", "pg_temp.risk_scoped_" + table);
			}
		}
		Map<String, Found> found = new LinkedHashMap<>();
		named.query(sql, params, (ResultSet rs) -> {
			Found f = found(rule, rs);
			found.put(f.id(), f);
		});
		if (regions != null) {
			jdbc.execute("drop table pg_temp.risk_scope cascade");
		}
		return found;
	}

	/**
	 * The rule's stored findings: all of them, or those of the regions and those found
	 * now (a finding withdrawn while in another region, say, found again in one of
	 * these).
	 */
	private Map<String, Stored> stored(RiskRule rule, Set<String> regions, Set<String> found) {
		Map<String, Stored> stored = new LinkedHashMap<>();
		String[] some = regions == null ? null : regions.toArray(String[]::new);
		jdbc.query("""
				select finding_id, fingerprint, status from risk_finding where rule_code = ?
				  and (cast(? as text[]) is null or region_code = any(cast(? as text[]))
				       or finding_id = any(cast(? as text[])))""", (ResultSet rs) -> {
			stored.put(rs.getString(1), new Stored(rs.getString(2), FindingStatus.of(rs.getString(3))));
		}, rule.code(), some, some, regions == null ? new String[0] : found.toArray(String[]::new));
		return stored;
	}

	/** Kept after a rule ran: its basis, the stamp of its tables, the snapshot. */
	record Kept(String basis, String stamp, String snapshot) {

		static Kept of(String kept) {
			if (kept == null) {
				return null;
			}
			String[] parts = kept.split("\n", -1);
			return parts.length == 3 ? new Kept(parts[0], parts[1], parts[2]) : null;
		}

		@Override
		public String toString() {
			return basis + "\n" + stamp + "\n" + snapshot;
		}

	}

	private void write(RiskRule rule, Outcome outcome, Timestamp now) {
		List<Object[]> history = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (Found f : outcome.created()) {
			inserts.add(new Object[] { f.id(), rule.code(), rule.scheme(), rule.severity().name(), f.subjectId(),
					f.regionCode(), f.period(), f.amount(), f.records(), f.explanation(), f.fingerprint(), now, now });
			history.add(new Object[] { f.id(), now, "scan", "found", f.explanation() });
		}
		List<Object[]> updates = new ArrayList<>();
		for (Change c : outcome.changed()) {
			Found f = c.found();
			updates.add(new Object[] { f.subjectId(), f.regionCode(), f.period(), f.amount(), f.records(),
					f.explanation(), f.fingerprint(), now, f.id() });
			history
				.add(new Object[] { f.id(), now, "scan", c.foundAgain() ? "found_again" : "changed", f.explanation() });
		}
		List<Object[]> gone = new ArrayList<>();
		for (String id : outcome.withdrawn()) {
			gone.add(new Object[] { now, id });
			history.add(new Object[] { id, now, "scan", "withdrawn", "the data no longer shows it" });
		}
		jdbc.batchUpdate(
				"""
						insert into risk_finding (finding_id, rule_code, scheme, severity, subject_id, region_code, period, amount,
						  records, explanation, fingerprint, first_found, last_changed)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				inserts);
		jdbc.batchUpdate("""
				update risk_finding set subject_id = ?, region_code = ?, period = ?, amount = ?, records = ?,
				  explanation = ?, fingerprint = ?, last_changed = ?,
				  status = case when status = 'withdrawn' then 'open' else status end
				where finding_id = ?""", updates);
		jdbc.batchUpdate("update risk_finding set status = 'withdrawn', last_changed = ? where finding_id = ?", gone);
		jdbc.batchUpdate(
				"insert into risk_finding_history (finding_id, at, actor, action, detail) values (?, ?, ?, ?, ?)",
				history);
	}

	private static Found found(RiskRule rule, ResultSet rs) throws SQLException {
		List<String> facts = new ArrayList<>();
		ResultSetMetaData meta = rs.getMetaData();
		for (int i = 0;; i++) {
			int column = column(meta, "f" + i);
			if (column < 0) {
				break;
			}
			facts.add(rs.getString(column));
		}
		Finding f = Finding.of(rule.definition(), rs.getString("key"), rs.getString("subject_id"),
				rs.getString("region_code"), rs.getString("period"), rs.getBigDecimal("amount"),
				strings(rs.getArray("records")), facts);
		return new Found(f.id(), f.subjectId(), f.regionCode(), f.period(), f.amount(), f.records(), f.explanation(),
				f.fingerprint());
	}

	private static int column(ResultSetMetaData meta, String label) throws SQLException {
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			if (meta.getColumnLabel(i).equals(label)) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			out.add(o == null ? null : o.toString());
		}
		return out;
	}

}
