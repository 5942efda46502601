package org.qinglian.assets.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.platform.Role.Permission;
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

	/** The user's scope, for a role that reads village records. */
	private Scope reader() {
		Scope scope = scopes.current();
		scope.require(Permission.READ_VILLAGE_DATA);
		return scope;
	}

	/**
	 * The newest records of a table under a region of the user's jurisdiction, as records
	 * whose components are the columns' names.
	 */
	private <T> List<T> newest(Class<T> view, String columns, String table, String order, String regionCode,
			int limit) {
		Map<String, Object> params = reader().parametersUnder(regionCode);
		params.put("limit", limit);
		return jdbc.sql("select " + columns + " from " + table
				+ " where region_code like :subtree and region_code like :scope order by " + order + " limit :limit")
			.params(params)
			.query(view)
			.list();
	}

	private static final String VOUCHER = """
			voucher_id, region_code, booked_on, direction, amount, method, counterparty_name, category, summary,
			invoice_no, disclosed_on""";

	@Override
	public List<VoucherView> vouchers(String regionCode, int limit) {
		return newest(VoucherView.class, VOUCHER, "ast_voucher", "booked_on desc, voucher_id", regionCode, limit);
	}

	@Override
	public List<VoucherView> approvedBy(String personId, int limit) {
		Map<String, Object> params = reader().parameters();
		params.put("person", personId);
		params.put("limit", limit);
		return jdbc.sql("select " + VOUCHER + """
				 from ast_voucher
				where :person = any(string_to_array(approver_ids, ';')) and region_code like :scope
				order by booked_on desc, voucher_id limit :limit""").params(params).query(VoucherView.class).list();
	}

	@Override
	public List<ContractView> contracts(String regionCode, int limit) {
		return newest(ContractView.class, """
				contract_id, region_code, kind, counterparty_id, signed_on, start_on, end_on, amount, annual_rent,
				award_method""", "ast_contract", "signed_on desc, contract_id", regionCode, limit);
	}

	@Override
	public List<ProjectView> projects(String regionCode, int limit) {
		return newest(ProjectView.class, """
				project_id, region_code, name, kind, budget, contractor_id, started_on, finished_on, progress_pct""",
				"ast_project", "started_on desc nulls last, project_id", regionCode, limit);
	}

	@Override
	public List<SubsidyView> subsidies(String regionCode, int limit) {
		return newest(SubsidyView.class, "payment_id, program, recipient_id, region_code, period, amount, paid_on",
				"ast_subsidy", "paid_on desc, payment_id", regionCode, limit);
	}

	@Override
	public Map<String, VillageFigures> figures() {
		String pattern = reader().pattern();
		Map<String, long[]> counts = new HashMap<>();
		Map<String, BigDecimal> expense = new HashMap<>();
		String[] tables = { "ast_voucher", "ast_contract", "ast_project", "ast_subsidy" };
		for (int t = 0; t < tables.length; t++) {
			int slot = t;
			jdbc.sql(
					"select region_code, count(*) from " + tables[t] + " where region_code like ? group by region_code")
				.param(pattern)
				.query((ResultSet rs) -> {
					counts.computeIfAbsent(rs.getString(1), k -> new long[4])[slot] = rs.getLong(2);
				});
		}
		jdbc.sql("""
				select region_code, sum(amount) from ast_voucher
				where region_code like ? and direction = 'expense' group by region_code""")
			.param(pattern)
			.query((ResultSet rs) -> {
				expense.put(rs.getString(1), rs.getBigDecimal(2));
			});
		Map<String, VillageFigures> out = new HashMap<>();
		counts.forEach((region, c) -> out.put(region,
				new VillageFigures(c[0], expense.getOrDefault(region, BigDecimal.ZERO), c[1], c[2], c[3])));
		return out;
	}

}
