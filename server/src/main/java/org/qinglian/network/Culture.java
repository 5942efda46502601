package org.qinglian.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Each township's integrity-culture programme (一镇一品: its brand, places such as an
 * integrity hall) and its activities (五廉: 梳廉脉、编廉文、演廉戏、铺廉路、建廉馆). Public: no person is
 * named.
 */
public interface Culture {

	List<String> KINDS = List.of("lineage", "writing", "drama", "path", "hall", "other");

	/** Sets the programme of a township of the user's jurisdiction. */
	void setProgramme(String townshipCode, String brand, String description, String places);

	String recordActivity(String townshipCode, LocalDate heldOn, String kind, String title, String place,
			int participants);

	/** A township's programme (public). */
	Optional<Programme> programme(String townshipCode);

	/** A township's activities, newest first (public). */
	List<Activity> activities(String townshipCode, int limit);

	record Programme(String townshipCode, String brand, String description, String places) {
	}

	record Activity(String activityId, LocalDate heldOn, String kind, String title, String place, int participants) {
	}

}
