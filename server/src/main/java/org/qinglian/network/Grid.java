package org.qinglian.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The grid (一村一格、一镇一网): its cells with their members, its coverage, and what a member
 * does from their phone. Members are the people holding {@code supervision_director},
 * {@code supervision_member} or {@code info_officer} positions on the day.
 */
public interface Grid {

	/** Positions that make a grid cell's members. */
	List<String> MEMBER_ROLES = List.of("supervision_director", "supervision_member", "info_officer");

	/**
	 * The cells of the user's jurisdiction on a day, for supervision staff (names
	 * members: audited). An officer is inactive when neither they (through their account)
	 * raised a report in the quarter before the day; a cell is quiet when no report of
	 * the channel {@code info_officer} came from it in that quarter.
	 */
	Coverage coverage(LocalDate on);

	/** The signed-in member's village: its open uses of power and what they recorded. */
	MemberHome home();

	/**
	 * Records an on-site verification of a recorded step of a use of power of the
	 * member's village; a retried submission (same client key) is stored once.
	 * @return the verification's id
	 */
	String verify(Verification verification);

	record Verification(String clientKey, String exerciseId, String stepCode, LocalDate verifiedOn, String outcome,
			String note) {
	}

	record Member(String personId, String name, String role, boolean inactive) {
	}

	/**
	 * @param committee whether a supervision director or member holds office
	 * @param officer whether an information officer holds office
	 * @param officerReports reports of the channel info_officer from the village in the
	 * quarter
	 */
	record Cell(String villageCode, String villageName, String townshipCode, String townshipName, List<Member> members,
			boolean committee, boolean officer, long officerReports, String stationName) {
	}

	record Coverage(LocalDate on, LocalDate quarterFrom, List<Cell> cells, long villages, long withCommittee,
			long withOfficer, long inactiveOfficers, long withStation) {
	}

	record Step(String stepCode, String stepName, LocalDate occurredOn) {
	}

	record OpenUse(String exerciseId, String title, String itemName, LocalDate startedOn, List<Step> steps) {
	}

	record Recorded(String verificationId, String exerciseId, String title, String stepName, LocalDate verifiedOn,
			String outcome, String note) {
	}

	record Task(String taskId, String projectId, String projectName, String kind, String title, LocalDate dueOn,
			LocalDate doneOn) {
	}

	record MemberHome(String villageCode, String villageName, List<OpenUse> uses, List<Recorded> recorded,
			List<Task> tasks) {
	}

}
