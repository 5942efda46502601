package org.qinglian;

import java.nio.file.Files;
import java.nio.file.Path;

/** The labelled sample county of ../shared/data/dev-sample. */
public final class SampleData {

	private SampleData() {
	}

	public static Path devSample() {
		for (Path p : new Path[] { Path.of("../shared/data/dev-sample"), Path.of("../../shared/data/dev-sample") }) {
			if (Files.isDirectory(p)) {
				return p.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("../shared/data/dev-sample is not beside the project");
	}

}
