package org.qinglian.platform.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qinglian.platform.BundleRejectedException;

/**
 * The problems found in a bundle, each {@code file:line: column: reason}; keeps the first
 * few thousand.
 */
final class Problems {

	private static final int KEPT = 10_000;

	private final List<Problem> kept = new ArrayList<>();

	private long total;

	void add(String file, long line, String column, String reason) {
		total++;
		if (kept.size() < KEPT) {
			kept.add(new Problem(file, line, column, reason));
		}
	}

	boolean any() {
		return total > 0;
	}

	long total() {
		return total;
	}

	BundleRejectedException rejection(List<String> fileOrder) {
		List<String> listed = kept.stream()
			.distinct()
			.sorted(Comparator.comparingInt((Problem p) -> rank(fileOrder, p.file()))
				.thenComparingLong(Problem::line)
				.thenComparing(Problem::column))
			.limit(BundleRejectedException.LISTED)
			.map(Problem::toString)
			.toList();
		return new BundleRejectedException(listed, total);
	}

	private static int rank(List<String> order, String file) {
		int i = order.indexOf(file);
		return i < 0 ? -1 : i;
	}

	record Problem(String file, long line, String column, String reason) {

		@Override
		public String toString() {
			return file + ":" + line + ": " + column + ": " + reason;
		}

	}

}
