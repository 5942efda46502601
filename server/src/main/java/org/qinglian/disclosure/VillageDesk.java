package org.qinglian.disclosure;

import java.time.LocalDate;
import java.util.List;

import org.qinglian.assets.VillageBooks.ContractEntry;
import org.qinglian.assets.VillageBooks.VoucherEntry;
import org.qinglian.powerlist.PowerList.ExerciseEntry;
import org.qinglian.powerlist.PowerList.StepEntry;

/**
 * A village's desk (村务公开): what a village cadre, or the custodian agency for the villages
 * it keeps, enters on the platform and then publishes. What is entered waits,
 * unpublished, until the village's explicit act of publication (audited), which discloses
 * it online and on the notice board at once; a correction of what was published is
 * published at once as a new version with its reason.
 */
public interface VillageDesk {

	/** The villages the user keeps, with what waits in each. */
	List<VillageState> villages();

	/** What a village has entered and not yet published, oldest first. */
	List<Held> unpublished(String villageCode);

	/**
	 * Books a voucher with its scan (a photo or PDF, optional), to be published; a photo
	 * is drawn again from its pixels, so that what the camera wrote besides it is not
	 * published.
	 * @throws org.qinglian.assets.VillageBooks.Flagged when a red line may catch it and
	 * it is not confirmed
	 */
	String bookVoucher(VoucherEntry entry, Upload scan, boolean confirmed);

	/**
	 * Corrects a voucher booked on the platform: published already, the correction is
	 * published at once as its next version with the reason (required); not yet
	 * published, it is simply changed.
	 * @param removeScan withdraw the scan (a wrong file, or one showing what must not be
	 * published): the next version shows none
	 */
	void correctVoucher(String voucherId, VoucherEntry entry, String reason, boolean removeScan, boolean confirmed);

	/** Books a contract or lease, to be published. */
	String bookContract(ContractEntry entry, boolean confirmed);

	/** Starts a use of power in a village (a cadre of the village), to be published. */
	String startExercise(ExerciseEntry entry);

	/**
	 * Records a step of a use of power (checked against its flow at once), to be
	 * published; returns the use of power's deviations afterwards.
	 */
	List<String> recordStep(StepEntry entry, boolean confirmed);

	/**
	 * Publishes everything the village has entered (an act of the publication log; the
	 * vouchers are disclosed today); returns how many records.
	 */
	int publish(String villageCode);

	/**
	 * What is late, village by village, under a region of the user's jurisdiction
	 * (supervision staff): vouchers not disclosed by the 10th of the next month, entries
	 * waiting, disclosure steps shorter than their least days.
	 */
	List<Lateness> late(String regionCode, LocalDate today);

	/** An uploaded file: its name as sent and its bytes. */
	record Upload(String filename, byte[] content) {
	}

	/** A village the user keeps and how many records wait in it. */
	record VillageState(String code, String name, int waiting) {
	}

	/** A record waiting for publication. */
	record Held(String kind, String recordId, String summary, String reason) {
	}

	/**
	 * What is late in a village.
	 *
	 * @param undisclosedVouchers vouchers past their deadline and still not disclosed
	 * @param oldestDue the earliest deadline missed, or {@code null}
	 * @param lateVouchers vouchers disclosed after their deadline
	 * @param waiting records entered and not yet published
	 * @param shortDisclosures disclosure steps shorter than their least days
	 */
	record Lateness(String villageCode, String villageName, long undisclosedVouchers, LocalDate oldestDue,
			long lateVouchers, long waiting, long shortDisclosures) {
	}

}
