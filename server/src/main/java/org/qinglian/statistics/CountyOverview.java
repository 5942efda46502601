package org.qinglian.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.assets.VillageAccounts.ContractView;
import org.qinglian.assets.VillageAccounts.ProjectView;
import org.qinglian.assets.VillageAccounts.SubsidyView;
import org.qinglian.assets.VillageAccounts.VillageFigures;
import org.qinglian.assets.VillageAccounts.VoucherView;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.jurisdiction.Jurisdiction.PositionView;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.jurisdiction.RegionLevel;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseFigures;
import org.qinglian.powerlist.PowerList.ExerciseView;
import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.OpenFindings;

import org.springframework.stereotype.Service;

/**
 * The staff's view of their jurisdiction: the tree of regions with the figures of the
 * villages below each, and a village's cadres, uses of power and books on one page.
 */
@Service
public class CountyOverview {

	/** How many records of each kind a village's page lists. */
	public static final int VILLAGE_LIMIT = 50;

	private final Scopes scopes;

	private final Jurisdiction jurisdiction;

	private final PowerList powerList;

	private final VillageAccounts accounts;

	private final RiskLibrary risk;

	private final AuditLog audit;

	private final Clock clock;

	CountyOverview(Scopes scopes, Jurisdiction jurisdiction, PowerList powerList, VillageAccounts accounts,
			RiskLibrary risk, AuditLog audit, Clock clock) {
		this.scopes = scopes;
		this.jurisdiction = jurisdiction;
		this.powerList = powerList;
		this.accounts = accounts;
		this.risk = risk;
		this.audit = audit;
		this.clock = clock;
	}

	/** A line of the tree: a region and the sums of the villages below it. */
	public record TreeRow(String code, String name, RegionLevel level, int depth, long exercises, long deviating,
			long vouchers, BigDecimal expense, long contracts, long projects, long subsidies, long openFindings) {
	}

	/**
	 * The user's jurisdiction as a tree.
	 *
	 * @param scope the user's scope
	 * @param scopeName the name of the region at its top
	 * @param rows the regions, each with the sums of the villages below it
	 */
	public record Tree(Scope scope, String scopeName, List<TreeRow> rows) {
	}

	/**
	 * The tree of the user's jurisdiction. Open findings are counted for supervision
	 * staff only: other roles never learn of them.
	 */
	public Tree tree() {
		Scope scope = scopes.current();
		Map<String, ExerciseFigures> exercises = powerList.figures();
		Map<String, VillageFigures> books = accounts.figures();
		Map<String, OpenFindings> open = scope.can(Permission.READ_SUPERVISION) ? risk.openBySeverity() : Map.of();
		List<TreeRow> rows = jurisdiction.regionsInScope().stream().map(r -> {
			String prefix = Scope.prefixOf(r.code());
			BigDecimal expense = books.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith(prefix))
				.map(e -> e.getValue().expense())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return new TreeRow(r.code(), r.name(), r.level(), depth(r),
					sum(exercises, prefix, ExerciseFigures::exercises),
					sum(exercises, prefix, ExerciseFigures::deviating), sum(books, prefix, VillageFigures::vouchers),
					expense, sum(books, prefix, VillageFigures::contracts),
					sum(books, prefix, VillageFigures::projects), sum(books, prefix, VillageFigures::subsidies),
					sum(open, prefix, OpenFindings::open));
		}).toList();
		String name = jurisdiction.region(scope.regionCode()).map(RegionView::name).orElse("");
		return new Tree(scope, name, rows);
	}

	private static int depth(RegionView region) {
		return switch (region.level()) {
			case COUNTY -> 0;
			case TOWNSHIP -> 1;
			case VILLAGE -> 2;
		};
	}

	/** The sum of a figure over the villages whose code starts with the prefix. */
	private static <T> long sum(Map<String, T> byVillage, String prefix, ToLongFunction<T> figure) {
		return byVillage.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(prefix))
			.mapToLong(e -> figure.applyAsLong(e.getValue()))
			.sum();
	}

	/**
	 * A village's page.
	 *
	 * @param village the village
	 * @param positions the cadres in office today
	 * @param exercises its latest uses of power with their conformance
	 * @param vouchers its latest vouchers
	 * @param contracts its latest contracts
	 * @param projects its latest projects
	 * @param subsidies its latest subsidy payments
	 * @param names the names of recipients and counterparties the user may see, by id
	 */
	public record VillagePage(RegionView village, List<PositionView> positions, List<ExerciseView> exercises,
			List<VoucherView> vouchers, List<ContractView> contracts, List<ProjectView> projects,
			List<SubsidyView> subsidies, Map<String, String> names) {
	}

	/**
	 * A village of the user's jurisdiction. The page names cadres, recipients and
	 * counterparties: a read of personal data, audited.
	 * @throws Scope.NotInScopeException outside it, or when the code is not a village's
	 */
	public VillagePage village(String code) {
		Scope scope = scopes.current();
		scope.requireCovers(code);
		RegionView village = jurisdiction.region(code)
			.filter(RegionView::isVillage)
			.orElseThrow(Scope.NotInScopeException::new);
		List<ContractView> contracts = accounts.contracts(code, VILLAGE_LIMIT);
		List<SubsidyView> subsidies = accounts.subsidies(code, VILLAGE_LIMIT);
		Set<String> people = new HashSet<>();
		contracts.forEach(c -> people.add(c.counterpartyId()));
		subsidies.forEach(s -> people.add(s.recipientId()));
		people.remove(null);
		VillagePage page = new VillagePage(village, jurisdiction.positions(code, LocalDate.now(clock)),
				powerList.exercises(code, VILLAGE_LIMIT), accounts.vouchers(code, VILLAGE_LIMIT), contracts,
				accounts.projects(code, VILLAGE_LIMIT), subsidies, jurisdiction.names(people));
		audit.record("view_village", "region", code, code, null);
		return page;
	}

}
