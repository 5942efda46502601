package org.qinglian.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * Warning-education events (警示教育) of the user's jurisdiction, counted per township and
 * year.
 */
public interface EducationEvents {

	/** Records a warning-education event (警示教育: court-hearing attendance…). */
	String recordEvent(LocalDate heldOn, String kind, String title, String place, String regionCode,
			List<String> attendees);

	List<EducationEvent> events(int year);

	/**
	 * How many events of each kind a township or the county held a year and how many
	 * attended, for the public: counts only (an event's title and place are the office's
	 * records and may name people).
	 */
	List<EducationTally> tally(String regionCode);

	record EducationTally(int year, String kind, long events, long attendees) {
	}

	record EducationEvent(String eventId, LocalDate heldOn, String kind, String title, String place, String regionName,
			int attendees) {
	}

}
