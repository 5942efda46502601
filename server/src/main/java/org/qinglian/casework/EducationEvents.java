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
	 * How many events of each kind a township or the county held in each finished year,
	 * for the public: counts only, no attendance (an event's title, place and attendees
	 * are the office's records and may point at a person).
	 */
	List<EducationTally> tally(String regionCode);

	record EducationTally(int year, String kind, long events) {
	}

	record EducationEvent(String eventId, LocalDate heldOn, String kind, String title, String place, String regionName,
			int attendees) {
	}

}
