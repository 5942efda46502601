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

	record EducationEvent(String eventId, LocalDate heldOn, String kind, String title, String place, String regionName,
			int attendees) {
	}

}
