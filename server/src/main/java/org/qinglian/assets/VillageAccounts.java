package org.qinglian.assets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A village's books (三资): vouchers, contracts, projects and subsidy payments, scoped to
 * the signed-in user's jurisdiction.
 */
public interface VillageAccounts {

	List<VoucherView> vouchers(String regionCode, int limit);

	List<ContractView> contracts(String regionCode, int limit);

	List<ProjectView> projects(String regionCode, int limit);

	List<SubsidyView> subsidies(String regionCode, int limit);

	/** Vouchers a person approved, within the user's jurisdiction, newest first. */
	List<VoucherView> approvedBy(String personId, int limit);

	/** Counts and sums per village of the user's jurisdiction, by village code. */
	Map<String, VillageFigures> figures();

	record VoucherView(String voucherId, String regionCode, LocalDate bookedOn, String direction, BigDecimal amount,
			String method, String counterpartyName, String category, String summary, String invoiceNo,
			LocalDate disclosedOn) {
	}

	record ContractView(String contractId, String regionCode, String kind, String counterpartyId, LocalDate signedOn,
			LocalDate startOn, LocalDate endOn, BigDecimal amount, BigDecimal annualRent, String awardMethod) {
	}

	record ProjectView(String projectId, String regionCode, String name, String kind, BigDecimal budget,
			String contractorId, LocalDate startedOn, LocalDate finishedOn, Integer progressPct) {
	}

	record SubsidyView(String paymentId, String program, String recipientId, String regionCode, String period,
			BigDecimal amount, LocalDate paidOn) {
	}

	record VillageFigures(long vouchers, BigDecimal expense, long contracts, long projects, long subsidies) {
	}

}
