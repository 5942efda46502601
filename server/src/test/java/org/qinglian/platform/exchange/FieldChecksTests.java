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

}
