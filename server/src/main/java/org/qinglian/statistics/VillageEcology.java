package org.qinglian.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.qinglian.casework.Cases;
import org.qinglian.intake.Reports;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseFigures;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.FindingView;
import org.qinglian.risk.RiskLibrary.OpenFindings;
import org.qinglian.risk.RiskLibrary.SchemeFigures;
import org.qinglian.risk.RiskLibrary.TrendPoint;

import org.springframework.stereotype.Service;

/**
 * The political ecology (政治生态研判) of a township or village: the findings by year and
 * scheme, and the villages ranked by their risk score. Only supervision staff whose
 * jurisdiction covers the region see it; a recused officer's figures leave out what they
 * may not open (the risk library's counts do).
 */
@Service
public class VillageEcology {

	/** The findings the page of a single village lists. */
	static final int VILLAGE_FINDINGS = 200;

	private final Scopes scopes;

	private final Jurisdiction jurisdiction;

	private final RiskLibrary risk;

	private final PowerList powerList;

	private final Reports reports;

	private final Cases cases;

	VillageEcology(Scopes scopes, Jurisdiction jurisdiction, RiskLibrary risk, PowerList powerList, Reports reports,
			Cases cases) {
		this.scopes = scopes;
		this.jurisdiction = jurisdiction;
		this.risk = risk;
		this.powerList = powerList;
		this.reports = reports;
		this.cases = cases;
	}

	/** A village's line in the ranking. */
	public record VillageScore(RegionView village, RiskScores.Score score, long findings, BigDecimal amount) {
	}

	/**
	 * The ecology of a region.
	 *
	 * @param region the township, village or county
	 * @param ranking its villages, the highest score first
	 * @param trend findings and amounts by year and scheme
	 * @param findings the findings of the region when it is a village, else empty
	 */
	public record Ecology(RegionView region, List<VillageScore> ranking, List<TrendPoint> trend,
			List<FindingView> findings) {
	}

	/**
	 * The ecology of a region of the user's jurisdiction.
	 * @throws Scope.NotInScopeException outside it
	 */
	public Ecology of(String regionCode) {
		Scope scope = scopes.current();
		// the role first: a role that never sees supervision records learns nothing of
		// the region
		scope.require(Permission.READ_SUPERVISION);
		scope.requireCovers(regionCode);
		RegionView region = jurisdiction.region(regionCode).orElseThrow(Scope.NotInScopeException::new);
		List<VillageScore> ranking = ranking(region);
		return new Ecology(region, ranking, risk.trend(regionCode),
				region.isVillage() ? risk.findings(regionCode, "all", VILLAGE_FINDINGS) : List.of());
	}

	private List<VillageScore> ranking(RegionView region) {
		Map<String, OpenFindings> open = risk.openBySeverity();
		Map<String, Map<String, SchemeFigures>> byScheme = risk.figuresByVillage();
		Map<String, ExerciseFigures> exercises = powerList.figures();
		Map<String, Long> accusations = reports.accusationsByVillage();
		Map<String, Long> sanctioned = cases.sanctionedByVillage();
		String prefix = Scope.prefixOf(region.code());
		List<VillageScore> ranking = new ArrayList<>();
		for (RegionView v : jurisdiction.regionsInScope()) {
			if (v.isVillage() && v.code().startsWith(prefix)) {
				var schemes = byScheme.getOrDefault(v.code(), Map.of()).values();
				ranking.add(new VillageScore(v,
						score(open.getOrDefault(v.code(), OpenFindings.NONE),
								exercises.getOrDefault(v.code(), new ExerciseFigures(0, 0)),
								accusations.getOrDefault(v.code(), 0L), sanctioned.getOrDefault(v.code(), 0L)),
						schemes.stream().mapToLong(SchemeFigures::findings).sum(),
						schemes.stream().map(SchemeFigures::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
			}
		}
		ranking.sort(Comparator.comparingInt((VillageScore s) -> s.score().value()).reversed());
		return ranking;
	}

	/**
	 * What counts toward a village's score: its open findings by severity, its clues, its
	 * uses of power that deviate from their flow, the accusations about it and its cases
	 * that ended in a sanction.
	 */
	static RiskScores.Score score(OpenFindings open, ExerciseFigures exercises, long accusations, long sanctioned) {
		return RiskScores.village(new RiskScores.Inputs(open.high(), open.medium(), open.low(), open.clues(),
				exercises.deviating(), exercises.exercises(), accusations, sanctioned));
	}

}
