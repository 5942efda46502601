package org.qinglian.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The compact key table answers as a map of the same keys does. */
class KeyTableTests {

	@Test
	void itAgreesWithAMapThroughGrowthAndLookAlikeKeys() {
		Random random = new Random(7);
		KeyTable table = new KeyTable(4);
		Map<String, Long> map = new HashMap<>();
		for (int i = 0; i < 200_000; i++) {
			// short ids that share prefixes, Chinese text, composite keys, the empty key
			String key = switch (i % 4) {
				case 0 -> "P" + Integer.toString(random.nextInt(150_000), 36).toUpperCase();
				case 1 -> "张" + random.nextInt(50_000) + "村";
				case 2 -> "E" + random.nextInt(30_000) + RowIndex.SEPARATOR + "step" + random.nextInt(5);
				default -> random.nextInt(1000) == 0 ? "" : "V" + random.nextInt(100_000);
			};
			long line = i + 2;
			Long before = map.putIfAbsent(key, line);
			assertThat(table.putIfAbsent(key, line)).as(key).isEqualTo(before == null ? -1 : before);
		}
		assertThat(table.size()).isEqualTo(map.size());
		for (var e : map.entrySet()) {
			assertThat(table.line(e.getKey())).isEqualTo(e.getValue());
		}
		assertThat(table.contains("P" + "NOPE")).isFalse();
		assertThat(table.line("张-1村")).isEqualTo(-1);
	}

	@Test
	void aLineCanBeSetAndRoomMadeAhead() {
		KeyTable table = new KeyTable(1);
		table.expect(10_000);
		for (int i = 0; i < 10_000; i++) {
			assertThat(table.putIfAbsent("K" + i, 0)).isEqualTo(-1);
		}
		table.setLine("K42", 99);
		assertThat(table.line("K42")).isEqualTo(99);
		assertThat(table.line("K43")).isZero();
		assertThat(table.putIfAbsent("K42", 5)).isEqualTo(99);
	}

}
