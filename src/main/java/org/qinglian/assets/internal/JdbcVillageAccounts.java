package org.qinglian.assets.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcVillageAccounts implements VillageAccounts {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	JdbcVillageAccounts(JdbcClient jdbc, Scopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	/** The patterns a query must match: the requested subtree, and the user's own. */
	private Object[] scoped(String regionCode, int limit) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		scope.requireCovers(regionCode);
		return new Object[] { Scope.patternOf(regionCode), scope.pattern(), limit };
	}

	@Override
	public List<VoucherView> vouchers(String regionCode, int limit) {
		return jdbc.sql("""
				select voucher_id, region_code, booked_on, direction, amount, method, counterparty_name, category,
				       summary, invoice_no, disclosed_on
				from ast_voucher where region_code like ? and region_code like ?
				order by booked_on desc, voucher_id limit ?""")
			.params(scoped(regionCode, limit))
			.query((rs, i) -> new VoucherView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class)))
			.list();
	}

	@Override
	public List<VoucherView> approvedBy(String personId, int limit) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		return jdbc.sql("""
				select voucher_id, region_code, booked_on, direction, amount, method, counterparty_name, category,
				       summary, invoice_no, disclosed_on
				from ast_voucher where ? = any(string_to_array(approver_ids, ';')) and region_code like ?
				order by booked_on desc, voucher_id limit ?""")
			.params(personId, scope.pattern(), limit)
			.query((rs, i) -> new VoucherView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class)))
			.list();
	}

	@Override
	public List<ContractView> contracts(String regionCode, int limit) {
		return jdbc.sql("""
				select contract_id, region_code, kind, counterparty_id, signed_on, start_on, end_on, amount,
				       annual_rent, award_method
				from ast_contract where region_code like ? and region_code like ?
				order by signed_on desc, contract_id limit ?""")
			.params(scoped(regionCode, limit))
			.query((rs, i) -> new ContractView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
					rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10)))
			.list();
	}

	@Override
	public List<ProjectView> projects(String regionCode, int limit) {
		return jdbc.sql("""
				select project_id, region_code, name, kind, budget, contractor_id, started_on, finished_on, progress_pct
				from ast_project where region_code like ? and region_code like ?
				order by started_on desc nulls last, project_id limit ?""")
			.params(scoped(regionCode, limit))
			.query((rs, i) -> new ProjectView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getString(6), rs.getObject(7, LocalDate.class),
					rs.getObject(8, LocalDate.class), (Integer) rs.getObject(9)))
			.list();
	}

	@Override
	public List<SubsidyView> subsidies(String regionCode, int limit) {
		return jdbc.sql("""
				select payment_id, program, recipient_id, region_code, period, amount, paid_on
				from ast_subsidy where region_code like ? and region_code like ?
				order by paid_on desc, payment_id limit ?""")
			.params(scoped(regionCode, limit))
			.query((rs, i) -> new SubsidyView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class)))
			.list();
	}

	@Override
	public Map<String, VillageFigures> figures() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		String pattern = scope.pattern();
		Map<String, long[]> counts = new HashMap<>();
		Map<String, java.math.BigDecimal> expense = new HashMap<>();
		String[] tables = { "ast_voucher", "ast_contract", "ast_project", "ast_subsidy" };
		for (int t = 0; t < tables.length; t++) {
			int slot = t;
			jdbc.sql(
					"select region_code, count(*) from " + tables[t] + " where region_code like ? group by region_code")
				.param(pattern)
				.query((java.sql.ResultSet rs) -> {
					counts.computeIfAbsent(rs.getString(1), k -> new long[4])[slot] = rs.getLong(2);
				});
		}
		jdbc.sql("""
				select region_code, sum(amount) from ast_voucher
				where region_code like ? and direction = 'expense' group by region_code""")
			.param(pattern)
			.query((java.sql.ResultSet rs) -> {
				expense.put(rs.getString(1), rs.getBigDecimal(2));
			});
		Map<String, VillageFigures> out = new HashMap<>();
		counts.forEach((region, c) -> out.put(region,
				new VillageFigures(c[0], expense.getOrDefault(region, java.math.BigDecimal.ZERO), c[1], c[2], c[3])));
		return out;
	}

}
