package org.qinglian.risk;

import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The integrity-risk library (廉政风险库). Findings are leads, not conclusions: township staff
 * of the village's jurisdiction check each by hand, then dismiss it with a reason or turn
 * it into a clue.
 */
public interface RiskLibrary {

	/** The rules with their settings in force. */
	List<RuleView> rules();

	/**
	 * Changes a rule's setting.
	 * @throws RefusedException naming the rule, the setting and the allowed range when
	 * the value is bad
	 */
	void changeSetting(String ruleCode, String key, BigDecimal value);

	/** Runs every rule over all data and reconciles the findings; idempotent. */
	ScanReport scan(ScanProgress progress);

	/**
	 * Runs every rule over all data, whatever changed or not since the last scan (a scan
	 * otherwise runs a rule again only for what changed since it last ran).
	 */
	ScanReport scanAll(ScanProgress progress);

	/**
	 * Writes the current findings in the spec's {@code findings.csv} format (all regions:
	 * a command's view).
	 */
	long writeFindings(Writer out);

	/** The findings of the user's jurisdiction under a region, by amount and severity. */
	List<FindingView> findings(String regionCode, String status, int limit);

	Optional<FindingDetail> finding(String findingId);

	/** Dismisses a finding with a reason (audited). */
	void dismiss(String findingId, String reason);

	/** Turns a finding into a clue for casework (audited); returns the clue's id. */
	String turnIntoClue(String findingId, String note);

	/**
	 * Findings about a person or organization, within the user's jurisdiction (withdrawn
	 * ones left out).
	 */
	List<FindingView> findingsAbout(String subjectId);

	/** Findings of a region's subtree by year of their period and scheme, for charts. */
	List<TrendPoint> trend(String regionCode);

	/** Open findings by severity, and clues, per village of the user's jurisdiction. */
	Map<String, OpenFindings> openBySeverity();

	/** A village's open findings by severity, and its findings turned into clues. */
	record OpenFindings(long high, long medium, long low, long clues) {

		public static final OpenFindings NONE = new OpenFindings(0, 0, 0, 0);

		/** The open findings, of every severity. */
		public long open() {
			return high + medium + low;
		}

	}

	/**
	 * A request the library refuses for what it asks (a setting out of range, a finding
	 * no longer open, a missing reason), with a message key for the pages
	 * ({@code risk.refused.*} with its arguments) and an English message for the API and
	 * the logs.
	 */
	class RefusedException extends org.qinglian.platform.Refused {

		public RefusedException(String messageKey, String message, Object... args) {
			super(messageKey, message, args);
		}

	}

	record TrendPoint(String year, String scheme, long findings, BigDecimal amount) {
	}

	/**
	 * Findings per village of the user's jurisdiction, by scheme, for the village ecology
	 * view.
	 */
	Map<String, Map<String, SchemeFigures>> figuresByVillage();

	/** Told how far a scan has got. */
	interface ScanProgress {

		ScanProgress NONE = (rule, done, total) -> {
		};

		void rule(String code, int done, int total);

	}

	record RuleView(String code, String scheme, String nameZh, String nameEn, String basis, RiskRule.Severity severity,
			String explanation, List<SettingView> settings) {
	}

	record SettingView(String key, String nameZh, BigDecimal value, BigDecimal defaultValue, BigDecimal min,
			BigDecimal max) {
	}

	/**
	 * What a scan did.
	 *
	 * @param rules the rules of the library
	 * @param findings the findings the rules give now (those of rules not run again
	 * included)
	 * @param skipped rules not run again: nothing they read had changed
	 * @param byRegion rules run again for the regions whose rows changed only
	 * @param regions the regions those rules were run for
	 */
	record ScanReport(int rules, long findings, long created, long changed, long withdrawn, long millis, int skipped,
			int byRegion, Set<String> regions) {

		public ScanReport {
			regions = Set.copyOf(regions);
		}

	}

	/**
	 * A finding as staff see it.
	 *
	 * @param subjectKind {@code person}, {@code organization}, or {@code null} when the
	 * subject is unknown
	 */
	record FindingView(String findingId, String ruleCode, String ruleName, String scheme, RiskRule.Severity severity,
			String subjectId, String subjectKind, String subjectName, String regionCode, String regionName,
			String period, BigDecimal amount, String explanation, FindingStatus status, String clueId) {

		public boolean subjectIsPerson() {
			return "person".equals(subjectKind);
		}

	}

	record FindingDetail(FindingView finding, List<String> records, List<HistoryEntry> history) {
	}

	record HistoryEntry(Instant at, String actor, String action, String detail) {
	}

	record SchemeFigures(long findings, long open, BigDecimal amount) {
	}

}
