package org.qinglian.platform;

import java.util.List;

/**
 * A bundle was not imported because of the problems listed, each
 * {@code file:line: column: reason}. Nothing of it was written.
 */
public class BundleRejectedException extends RuntimeException {

	/** How many problems are listed at most; {@link #total()} counts them all. */
	public static final int LISTED = 100;

	private final List<String> problems;

	private final long total;

	public BundleRejectedException(List<String> problems, long total) {
		super(total + " problem(s) in the bundle; nothing was imported");
		this.problems = List.copyOf(problems);
		this.total = total;
	}

	public List<String> problems() {
		return problems;
	}

	public long total() {
		return total;
	}

}
