package org.qinglian.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the tables that imports load changed since some work derived from them was
 * done: every transaction that changes one of them is counted by the database itself (a
 * trigger, {@code plt_table_change}), whoever ran it. Work that rebuilds what it derives
 * (the near kin, the ties of the registries) keeps the stamp it was done at and is not
 * done again while the stamp stays the same.
 */
public interface TableChanges {

	/**
	 * A stamp of the changes of the tables so far: two equal stamps, no change between.
	 * @param tables tables that imports load
	 */
	String stamp(String... tables);

	/** The stamp kept under the name, or {@code null}. */
	String kept(String name);

	/** Keeps the stamp under the name (in the current transaction). */
	void keep(String name, String stamp);

	/**
	 * The stamp of each table, each as {@link #stamp(String...)} of it alone, in one
	 * read.
	 */
	Map<String, String> stamps(Collection<String> tables);

	/** The stamps kept under names beginning with the prefix, by name. */
	Map<String, String> keptStartingWith(String prefix);

	/**
	 * The tables whose changes are counted (those imports load).
	 */
	Set<String> counted();

	/**
	 * A mark of the transactions whose changes are seen now (the database's snapshot), to
	 * ask {@link #changedSince} later.
	 */
	String snapshot();

	/**
	 * What changed in the tables since a {@link #snapshot()}: each table changed since,
	 * with the regions of the rows changed (old and new) when every change of it since
	 * was noted by region (an import's merge), else empty (a change of the whole table,
	 * for all that is known). Tables not changed since are not in the map.
	 * @param snapshot a snapshot taken before
	 * @param tables the tables asked about
	 */
	Map<String, Optional<Set<String>>> changedSince(String snapshot, Collection<String> tables);

}
