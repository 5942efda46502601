package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Field checks written by hand agree with the patterns of the spec. */
class FieldChecksTests {

	@Test
	void anIdNumberAsReceivedIsFifteenDigitsOrSeventeenAndACheckCharacter() {
		Random random = new Random(11);
		String alphabet = "0123456789Xx-a 中";
		List<String> values = new ArrayList<>(List.of("110101199003070011", "11010119900307001X", "11010119900307001x",
				"110101900307001", "11010119900307001", "1101011990030700111", "11010119900307001Y",
				"X10101199003070011", "11010190030700X", "１１０１０１９００３０７００１"));
		for (int i = 0; i < 20_000; i++) {
			int length = 13 + random.nextInt(8);
			StringBuilder v = new StringBuilder();
			for (int j = 0; j < length; j++) {
				// mostly digits, so that both lengths and the last character are tried
				v.append(random.nextInt(10) < 8 ? (char) ('0' + random.nextInt(10))
						: alphabet.charAt(random.nextInt(alphabet.length())));
			}
			values.add(v.toString());
		}
		int good = 0;
		for (String v : values) {
			boolean expected = v.matches("[0-9]{15}|[0-9]{17}[0-9Xx]");
			assertThat(FieldChecks.idNumberAsReceived(v) == null).as(v).isEqualTo(expected);
			good += expected ? 1 : 0;
		}
		assertThat(good).as("values that pass").isGreaterThan(100);
		assertThat(FieldChecks.idNumberAsReceived("11010119900307001Y")).contains("neither an old 15-digit");
	}

	@Test
	void aListIsCheckedElementByElementAndRefusesEmptyOnes() {
		Random random = new Random(5);
		String alphabet = "ab;;1 ";
		int refused = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder v = new StringBuilder();
			for (int j = 1 + random.nextInt(8); j > 0; j--) {
				v.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String expected = null;
			for (String part : v.toString().split(";", -1)) {
				expected = part.isEmpty() ? "has an empty element" : FieldChecks.id(part);
				if (expected != null) {
					break;
				}
			}
			assertThat(FieldChecks.list(v.toString(), false)).as(v.toString()).isEqualTo(expected);
			refused += expected == null ? 0 : 1;
		}
		assertThat(refused).isBetween(1000, 19_000);
		assertThat(FieldChecks.list("330683001001;33068300100", true)).contains("not a 12-digit region code");
	}

	@Test
	void aDayIsOneOfTheCalendar() {
		int days = 0;
		for (int year : new int[] { 0, 1900, 1999, 2000, 2023, 2024, 9999 }) {
			for (int month = 0; month <= 13; month++) {
				for (int day = 0; day <= 32; day++) {
					String v = String.format("%04d-%02d-%02d", year, month, day);
					boolean expected;
					try {
						java.time.LocalDate.of(year, month, day);
						expected = true;
					}
					catch (java.time.DateTimeException ex) {
						expected = false;
					}
					assertThat(FieldChecks.date(v) == null).as(v).isEqualTo(expected);
					String id = "110101" + v.replace("-", "") + "001";
					assertThat(FieldChecks.idNumber(id + org.qinglian.platform.IdentityCodes.idNumberCheck(id))).as(id)
						.isEqualTo(expected ? null : "the birth date in the ID number is not a day of the calendar");
					days += expected ? 1 : 0;
				}
			}
		}
		// 0, 2000 and 2024 are leap years, 1900 is not
		assertThat(days).isEqualTo(7 * 365 + 3);
	}

}
