package org.qinglian.assets;

import java.time.LocalDate;
import java.util.List;

/**
 * Registry rows received from other departments (QDX 1.1) that tie to nobody of the
 * county, for supervision staff to check by hand: the county sees all of them; a township
 * sees those that may concern its people (a person of the township holds the row's
 * number, or bears its name).
 */
public interface ReceivedRegistries {

	/**
	 * The rows that tie to nobody, by registry and reason (tied again first if the
	 * persons or a registry changed); every list is audited.
	 */
	List<Untied> untied(int limit);

	/**
	 * Ties every received row to a person again (the spec's readings), and keeps the
	 * result with the row, if the persons or a registry changed since the last time (done
	 * after every import too); what reads the ties (the risk library's scan, the list of
	 * rows that tie to nobody) asks first, outside any transaction of its own. One at a
	 * time.
	 * @return whether the rows were tied again
	 */
	boolean tie();

	/**
	 * A registry row that ties to nobody.
	 *
	 * @param file the registry: deaths.csv, vehicles.csv, properties.csv,
	 * public_employees.csv
	 * @param recordId the row's id in its source
	 * @param tie why: not_of_county, conflict (a valid number under another name),
	 * ambiguous, too_little
	 * @param detail the reason in Chinese
	 */
	record Untied(String file, String recordId, String idNumber, String name, LocalDate birthDate, String tie,
			String detail) {
	}

}
