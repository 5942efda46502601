package org.qinglian.platform;

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

}
