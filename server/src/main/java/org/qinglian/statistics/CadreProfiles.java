package org.qinglian.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.assets.VillageAccounts.VoucherView;
import org.qinglian.casework.Cases;
import org.qinglian.casework.Cases.CaseView;
import org.qinglian.intake.Reports;
import org.qinglian.intake.Reports.ReportView;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.PersonFile;
import org.qinglian.powerlist.PowerList;
import org.qinglian.risk.FindingStatus;
import org.qinglian.powerlist.PowerList.ExerciseView;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.FindingView;
import org.qinglian.risk.RiskRule.Severity;

import org.springframework.stereotype.Service;

/**
 * A cadre's profile (干部画像): the person's file, what they did and what is said of them,
 * and a risk score of named components. Each part comes from its module's API, scoped to
 * the signed-in user's jurisdiction; the file's view is audited by the jurisdiction.
 */
@Service
public class CadreProfiles {

	/** The uses of power a profile lists. */
	static final int EXERCISES = 50;

	/** The vouchers a profile lists. */
	static final int VOUCHERS = 30;

	private final Jurisdiction jurisdiction;

	private final RiskLibrary risk;

	private final PowerList powerList;

	private final VillageAccounts accounts;

	private final Reports reports;

	private final Cases cases;

	CadreProfiles(Jurisdiction jurisdiction, RiskLibrary risk, PowerList powerList, VillageAccounts accounts,
			Reports reports, Cases cases) {
		this.jurisdiction = jurisdiction;
		this.risk = risk;
		this.powerList = powerList;
		this.accounts = accounts;
		this.reports = reports;
		this.cases = cases;
	}

	/**
	 * A cadre's profile.
	 *
	 * @param file positions, kin and organizations within the user's jurisdiction
	 * @param score the risk score and its components
	 * @param findings findings about the person (withdrawn ones left out)
	 * @param exercises uses of power the person initiated, newest first
	 * @param vouchers vouchers the person approved, newest first
	 * @param reports reports naming the person
	 * @param cases cases naming the person
	 * @param regionNames the county's region names by code, to name the regions the file
	 * mentions
	 */
	public record CadreProfile(PersonFile file, RiskScores.Score score, List<FindingView> findings,
			List<ExerciseView> exercises, List<VoucherView> vouchers, List<ReportView> reports, List<CaseView> cases,
			Map<String, String> regionNames) {
	}

	/**
	 * The profile of a person of the user's jurisdiction; empty when there is no such
	 * person there (or the user is recused from them).
	 */
	public Optional<CadreProfile> of(String personId) {
		return jurisdiction.person(personId).map(file -> {
			List<FindingView> findings = risk.findingsAbout(personId);
			List<ExerciseView> exercises = powerList.initiatedBy(personId, EXERCISES);
			List<ReportView> reportList = reports.naming(personId);
			List<CaseView> caseList = cases.naming(personId);
			Map<String, String> names = new LinkedHashMap<>();
			jurisdiction.regions().forEach(r -> names.put(r.code(), r.name()));
			return new CadreProfile(file, RiskScores.cadre(inputs(findings, exercises, reportList, caseList)), findings,
					exercises, accounts.approvedBy(personId, VOUCHERS), reportList, caseList, names);
		});
	}

	/**
	 * What counts toward a cadre's score: open findings by severity, findings turned into
	 * clues, uses of power that deviate from their flow, accusations, and cases that
	 * ended in a sanction.
	 */
	static RiskScores.Inputs inputs(List<FindingView> findings, List<ExerciseView> exercises, List<ReportView> reports,
			List<CaseView> cases) {
		return new RiskScores.Inputs(open(findings, Severity.HIGH), open(findings, Severity.MEDIUM),
				open(findings, Severity.LOW), findings.stream().filter(f -> f.status() == FindingStatus.CLUE).count(),
				exercises.stream().filter(e -> Boolean.FALSE.equals(e.conforms())).count(), exercises.size(),
				reports.stream().filter(r -> r.kind().equals("accusation")).count(),
				cases.stream().filter(c -> c.sanction() != null && !c.sanction().equals("none")).count());
	}

	private static long open(List<FindingView> findings, Severity severity) {
		return findings.stream().filter(f -> f.status().isOpen() && f.severity() == severity).count();
	}

}
