package org.qinglian.risk.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	ScanReport scan(List<RiskRule> rules, ScanProgress progress) {
		long started = System.nanoTime();
		// one scan at a time: a scan after an import and one started by hand must not
		// race on the same findings
		jdbc.query("select pg_advisory_xact_lock(7361626)", rs -> null);
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
		String county = jdbc.query("select region_code from jur_region where level = 'county' order by 1 limit 1",
				rs -> rs.next() ? rs.getString(1) : "");
		Exchange.DataPeriod period = exchange.dataPeriod();
		Timestamp now = Timestamp.from(clock.instant());
		long total = 0;
		long created = 0;
		long changed = 0;
		long withdrawn = 0;
		int done = 0;
		for (RiskRule rule : rules) {
			progress.rule(rule.code(), done, rules.size());
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("county", county)
				.addValue("period_from", period.from().toString())
				.addValue("period_to", period.to().toString())
				.addValue("today", LocalDate.now(clock).toString());
			settings.values(rule).forEach(params::addValue);
			Map<String, Found> found = new LinkedHashMap<>();
			long ruleStarted = System.nanoTime();
			named.query(rule.sql(), params, (ResultSet rs) -> {
				Found f = found(rule, rs);
				found.put(f.id(), f);
			});
			log.debug("rule {}: {} findings in {} ms", rule.code(), found.size(),
					(System.nanoTime() - ruleStarted) / 1_000_000);
			Outcome outcome = FindingReconciliation.reconcile(found.values(), stored(rule));
			write(rule, outcome, now);
			total += found.size();
			created += outcome.created().size();
			changed += outcome.changed().size();
			withdrawn += outcome.withdrawn().size();
			done++;
		}
		progress.rule("", done, rules.size());
		return new ScanReport(rules.size(), total, created, changed, withdrawn,
				(System.nanoTime() - started) / 1_000_000);
	}

	private Map<String, Stored> stored(RiskRule rule) {
		Map<String, Stored> stored = new LinkedHashMap<>();
		jdbc.query("select finding_id, fingerprint, status from risk_finding where rule_code = ?", (ResultSet rs) -> {
			stored.put(rs.getString(1), new Stored(rs.getString(2), FindingStatus.of(rs.getString(3))));
		}, rule.code());
		return stored;
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
