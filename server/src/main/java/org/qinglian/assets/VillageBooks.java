package org.qinglian.assets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.qinglian.platform.Refused;

/**
 * A village's bookkeeping on the platform (记账): vouchers and contracts entered by the
 * village's cadre, or by the custodian agency (第三方托管) for the villages it keeps. A
 * booking is checked before it is saved: what breaks a red line outright (cash in a
 * cashless village, 无现金村) is refused; what a red line may catch (an expense without an
 * invoice, 白条) is flagged and saved only once the user confirms it, with the reason.
 */
public interface VillageBooks {

	/** Voucher categories (the vocabulary of {@code vouchers.csv}). */
	List<String> CATEGORIES = List.of("subsidy_payout", "construction", "procurement", "labor", "office", "hospitality",
			"travel", "lease_income", "allocation_income", "other");

	/** Payment methods. */
	List<String> METHODS = List.of("bank", "mobile", "cash", "other");

	/** Contract kinds. */
	List<String> CONTRACT_KINDS = List.of("lease", "construction", "procurement", "service");

	/** Award methods. */
	List<String> AWARD_METHODS = List.of("open_tender", "invited_tender", "negotiated", "direct");

	/**
	 * The villages the user keeps books for: a cadre's own village, a custodian's
	 * villages of townships under custody.
	 */
	List<String> villagesKept();

	/**
	 * Books a voucher; returns its id.
	 * @param confirmed the user has seen the flags and books it anyway
	 * @throws Refused what is wrong, naming the field
	 * @throws Flagged what a red line may catch, when not confirmed
	 */
	String bookVoucher(VoucherEntry entry, boolean confirmed);

	/**
	 * Corrects a voucher of a village the user keeps books for, with the same checks.
	 */
	void correctVoucher(String voucherId, VoucherEntry entry, boolean confirmed);

	/**
	 * A voucher as it can be corrected: one booked on the platform, if the user keeps the
	 * books of its village (an imported voucher is corrected at its source, and comes
	 * back with the next import).
	 */
	Optional<VoucherEntry> voucher(String voucherId);

	/** Books a contract or lease; returns its id. */
	String bookContract(ContractEntry entry, boolean confirmed);

	/** Marks vouchers of a village disclosed on a day (the village published them). */
	void markDisclosed(String villageCode, Collection<String> voucherIds, LocalDate on);

	/** The assets of a village (for a lease), name by id. */
	List<AssetOption> assets(String villageCode);

	/**
	 * Which villages are kept by a custodian agency and which are cashless, for the
	 * county.
	 */
	List<VillageKeeping> keeping();

	record VoucherEntry(String regionCode, LocalDate bookedOn, String direction, BigDecimal amount, String method,
			String counterpartyName, String category, String summary, String invoiceNo) {
	}

	record ContractEntry(String regionCode, String kind, String assetId, String counterpartyName, LocalDate signedOn,
			LocalDate startOn, LocalDate endOn, BigDecimal amount, BigDecimal annualRent, String awardMethod,
			Integer bidders) {
	}

	record AssetOption(String assetId, String name) {
	}

	record VillageKeeping(String villageCode, String villageName, String townshipName, LocalDate custodySince,
			LocalDate cashlessSince) {
	}

	/** What a red line may catch in a booking: a message key and its arguments. */
	record Flag(String messageKey, List<Object> args) {
	}

	/** A booking that needs the user's confirmation, with every flag. */
	class Flagged extends Refused {

		private final transient List<Flag> flags;

		public Flagged(List<Flag> flags) {
			super("assets.flagged", "the booking is flagged: " + flags.stream().map(Flag::messageKey).toList()
					+ "; confirm to book it anyway");
			this.flags = List.copyOf(flags);
		}

		public List<Flag> flags() {
			return flags;
		}

	}

}
