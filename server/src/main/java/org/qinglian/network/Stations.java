package org.qinglian.network;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Liaison stations (村（社区）监察工作联络站, "a supervision post at the doorstep") and their orders
 * (接单). A user sees the orders from the villages of their jurisdiction; the villager's
 * name and contact are sealed and shown only to whom the order is assigned and to office
 * staff.
 */
public interface Stations {

	/** Opens a station of a township of the user's jurisdiction, serving its villages. */
	String open(NewStation station);

	/** The stations serving villages of the user's jurisdiction. */
	List<Station> stations();

	/**
	 * The orders of the stations in the user's jurisdiction, open first, with the time
	 * each took.
	 */
	List<Order> queue();

	Optional<Order> order(String orderId);

	/** Records a matter a villager brought; a retried submission is stored once. */
	String take(NewOrder order);

	/** Assigns an order to a user whose jurisdiction covers its village. */
	void assign(String orderId, String username);

	void answer(String orderId, String answer);

	/** Closes an answered order. */
	void close(String orderId);

	/**
	 * Sends an accusation to intake as a report received in person (channel visit) and
	 * closes the order; office staff only.
	 * @return the report's id
	 */
	String transfer(String orderId);

	/** Who an order of the village may be assigned to. */
	List<Assignee> assignees(String orderId);

	record NewStation(String townshipCode, String name, String place, LocalDate openedOn, List<String> villages) {
	}

	record Station(String stationId, String townshipCode, String townshipName, String name, String place,
			LocalDate openedOn, Map<String, String> villages, long open, long closed) {

		public String villageNames() {
			return String.join("、", villages.values());
		}

	}

	record NewOrder(String clientKey, String stationId, String villageCode, String kind, String summary,
			String villagerName, String villagerContact) {
	}

	/**
	 * @param villager the villager's name and contact, when the reader may see them
	 * @param took from taking to closing (or until now)
	 */
	record Order(String orderId, String stationId, String stationName, String villageCode, String villageName,
			String kind, String summary, String villager, String takenBy, Instant takenAt, String assignedTo,
			String answer, Instant answeredAt, Instant closedAt, String reportId, Duration took) {

		public String status() {
			return closedAt != null ? "closed"
					: answeredAt != null ? "answered" : assignedTo != null ? "assigned" : "taken";
		}

		public long hours() {
			return took.toHours();
		}

	}

	record Assignee(String username, String displayName) {
	}

}
