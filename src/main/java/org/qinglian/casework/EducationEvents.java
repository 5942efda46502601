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
	 * The events a township or the county held, newest first, for the public: what, when
	 * and where, and how many attended; nobody is named.
	 */
	List<EducationEvent> held(String regionCode, int limit);

	record EducationEvent(String eventId, LocalDate heldOn, String kind, String title, String place, String regionName,
			int attendees) {
	}

}
