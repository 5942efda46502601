package org.qinglian.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.qinglian.platform.IdentityCodes;

/**
 * The demo county's registries as other departments record them (QDX 1.1): a row written
 * for a person becomes a row of the source's own, with its record id, and the person told
 * as the source would: linked to the county's person, or by the ID number (now and then
 * an old 15-digit one, or one with a typing error), or only by name and birth date; a
 * name may carry a space. Its own random sequence, so that the rest of the county stays
 * as it was.
 */
final class AsReceived {

	static final Set<String> FILES = Set.of("deaths.csv", "vehicles.csv", "properties.csv", "public_employees.csv");

	private final Random rnd;

	private final Function<String, People.Identity> identities;

	private long seq;

	AsReceived(long seed, Function<String, People.Identity> identities) {
		this.rnd = new Random(seed ^ 0x5EC0DA7AL);
		this.identities = identities;
	}

	/** A version-1 row (person_id first) as the source records it. */
	Object[] row(String file, Object[] values) {
		String personId = (String) values[0];
		People.Identity i = identities.apply(personId);
		if (i == null) {
			throw new IllegalStateException("unknown person " + personId + " in " + file);
		}
		Object[] rest = Arrays.copyOfRange(values, 1, values.length);
		String record = recordId(file);
		double r = rnd.nextDouble();
		Object[] lead;
		if (r < 0.4) {
			lead = new Object[] { record, personId, i.idNumber(), i.name(), i.birth() };
		}
		else if (r < 0.6) {
			lead = new Object[] { record, null, i.idNumber(), spaced(i.name()), null };
		}
		else if (r < 0.75 && i.birth().getYear() < 2000) {
			lead = new Object[] { record, null, i.idNumber().substring(0, 6) + i.idNumber().substring(8, 17), i.name(),
					null };
		}
		else if (r < 0.9) {
			lead = new Object[] { record, null, typo(i.idNumber()), spaced(i.name()), null };
		}
		else {
			lead = new Object[] { record, null, null, i.name(), i.birth() };
		}
		Object[] row = Arrays.copyOf(lead, lead.length + rest.length);
		System.arraycopy(rest, 0, row, lead.length, rest.length);
		return row;
	}

	/**
	 * A death of someone of another county, which ties to nobody of this one (the list of
	 * rows for a person to check).
	 */
	Object[] outsider(String name, LocalDate born, LocalDate died) {
		String first17 = "330681" + born.toString().replace("-", "") + String.format("%03d", rnd.nextInt(999));
		return new Object[] { recordId("deaths.csv"), null, first17 + IdentityCodes.idNumberCheck(first17), name, born,
				died };
	}

	private String recordId(String file) {
		seq++;
		return Character.toUpperCase(file.charAt(0)) + "R" + String.format("%07d", seq);
	}

	private String spaced(String name) {
		if (name.length() < 2 || rnd.nextDouble() >= 0.3) {
			return name;
		}
		return name.charAt(0) + (rnd.nextBoolean() ? " " : "\u3000") + name.substring(1);
	}

	/**
	 * One digit of the sequence part changed, so that the check character no longer fits.
	 */
	private String typo(String id) {
		for (int tries = 0; tries < 20; tries++) {
			int at = 14 + rnd.nextInt(3);
			char c = (char) ('0' + rnd.nextInt(10));
			if (c == id.charAt(at)) {
				continue;
			}
			String t = id.substring(0, at) + c + id.substring(at + 1);
			if (IdentityCodes.idNumberCheck(t.substring(0, 17)) != t.charAt(17)) {
				return t;
			}
		}
		return id;
	}

}
