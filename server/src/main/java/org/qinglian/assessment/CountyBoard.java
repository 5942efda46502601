package org.qinglian.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qinglian.intake.ReportDesk;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.jurisdiction.RegionLevel;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.OpenFindings;
import org.qinglian.statistics.ReportCard;
import org.qinglian.statistics.RiskScores;
import org.qinglian.statistics.VillageEcology;
import org.qinglian.statistics.VillageEcology.VillageScore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The county's view: its township offices side by side (the report card's figures, the
 * assessment's score and rank, open findings, overdue reports and follow-ups, how many
 * villages are at high risk), and a township's villages coloured by their risk score. For
 * supervision staff, each seeing the townships of their jurisdiction.
 */
@Service
public class CountyBoard {

	private final Scopes scopes;

	private final Jurisdiction jurisdiction;

	private final ReportCard reportCard;

	private final VillageEcology ecology;

	private final RiskLibrary risk;

	private final ReportDesk reports;

	private final Assessments assessments;

	private final JdbcClient jdbc;

	private final Clock clock;

	CountyBoard(Scopes scopes, Jurisdiction jurisdiction, ReportCard reportCard, VillageEcology ecology,
			RiskLibrary risk, ReportDesk reports, Assessments assessments, JdbcClient jdbc, Clock clock) {
		this.scopes = scopes;
		this.jurisdiction = jurisdiction;
		this.reportCard = reportCard;
		this.ecology = ecology;
		this.risk = risk;
		this.reports = reports;
		this.assessments = assessments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A township's line.
	 *
	 * @param figures the report card's metrics by name
	 * @param office its assessment
	 * @param level the worst risk level of its villages
	 */
	public record TownshipRow(RegionView township, Map<String, ReportCard.Metric> figures, Assessments.Office office,
			long openFindings, long overdueReports, long overdueFollowups, long villages, long highVillages,
			RiskScores.Level level) {
	}

	public record Board(int year, int ranked, List<TownshipRow> rows) {
	}

	public record TownshipPage(int year, TownshipRow row, List<VillageScore> villages) {
	}

	/** The townships of the user's jurisdiction for a year. */
	public Board board(int year) {
		Scope scope = scopes.current();
		scope.require(Permission.READ_SUPERVISION);
		Assessments.Assessment assessment = assessments.assess(year);
		Map<String, OpenFindings> open = risk.openBySeverity();
		List<ReportDesk.OfficeLoad> load = reports.load();
		List<TownshipRow> rows = new ArrayList<>();
		for (Assessments.Office office : assessment.offices()) {
			rows.add(row(year, office, open, load));
		}
		return new Board(year, assessment.ranked(), rows);
	}

	/** A township of the user's jurisdiction and its villages by risk. */
	public Optional<TownshipPage> township(String code, int year) {
		Scope scope = scopes.current();
		scope.require(Permission.READ_SUPERVISION);
		if (code == null || !scope.covers(code)) {
			return Optional.empty();
		}
		return assessments.assess(year)
			.offices()
			.stream()
			.filter(o -> o.townshipCode().equals(code))
			.findFirst()
			.map(o -> {
				TownshipRow row = row(year, o, risk.openBySeverity(), reports.load());
				return new TownshipPage(year, row, ecology.of(code).ranking());
			});
	}

	private TownshipRow row(int year, Assessments.Office office, Map<String, OpenFindings> openFindings,
			List<ReportDesk.OfficeLoad> load) {
		String code = office.townshipCode();
		RegionView township = jurisdiction.region(code).filter(r -> r.level() == RegionLevel.TOWNSHIP).orElseThrow();
		Map<String, ReportCard.Metric> figures = reportCard.of(year, code)
			.stream()
			.collect(Collectors.toMap(ReportCard.Metric::metric, Function.identity()));
		String prefix = Scope.prefixOf(code);
		long open = openFindings.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(prefix))
			.map(Map.Entry::getValue)
			.mapToLong(OpenFindings::open)
			.sum();
		long overdueReports = load.stream()
			.filter(l -> l.unitCode().equals(code))
			.mapToLong(ReportDesk.OfficeLoad::overdue)
			.sum();
		long overdueFollowups = jdbc.sql("""
				select count(*) from cas_followup f join cas_case k on k.case_id = f.case_id
				where k.unit_code = ? and f.done_on is null and f.due_on < ?""")
			.params(code, LocalDate.now(clock))
			.query(Long.class)
			.single();
		List<VillageScore> villages = ecology.of(code).ranking();
		long high = villages.stream().filter(v -> v.score().level().isHigh()).count();
		RiskScores.Level level = villages.stream()
			.map(v -> v.score().level())
			.max(Enum::compareTo)
			.orElse(RiskScores.Level.LOW);
		return new TownshipRow(township, figures, office, open, overdueReports, overdueFollowups, villages.size(), high,
				level);
	}

	/** The year the board opens on: the latest with records. */
	public int defaultYear() {
		return reportCard.latestYear(LocalDate.now(clock).getYear());
	}

}
