package org.qinglian.platform.exchange;

import java.util.Arrays;

/**
 * A set of keys, each with the line it was first seen on, held compactly: the keys'
 * characters one after another in one array, and an open-addressing table of ints. About
 * 40 bytes a key of ten characters, where a {@code HashMap<String, Long>} takes three
 * times that; so an import holds the keys of millions of rows in little memory. Lookups
 * compare the characters, so the set is exact.
 */
final class KeyTable {

	private static final int MAX_LOAD_PERCENT = 60;

	/** Entry number + 1 per slot; 0 is an empty slot. */
	private int[] slots;

	private int[] hashes;

	private int[] offsets;

	private int[] lengths;

	private int[] lines;

	private char[] chars;

	private int used;

	private int size;

	KeyTable(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 100 / MAX_LOAD_PERCENT) * 2 - 1);
		slots = new int[capacity];
		int entries = Math.max(16, expected);
		hashes = new int[entries];
		offsets = new int[entries];
		lengths = new int[entries];
		lines = new int[entries];
		chars = new char[entries * 12];
	}

	int size() {
		return size;
	}

	/** Makes room for this many more keys at once, instead of growing step by step. */
	void expect(int more) {
		long needed = (long) (size + more) * 100 / MAX_LOAD_PERCENT + 1;
		if (needed > slots.length && needed < (1 << 30)) {
			slots = new int[Integer.highestOneBit((int) needed * 2 - 1)];
			for (int e = 0; e < size; e++) {
				place(e);
			}
		}
	}

	/** The line the key was added with, or -1 if it is not in the set. */
	long line(String key) {
		int e = find(key, key.hashCode());
		return e < 0 ? -1 : lines[e];
	}

	boolean contains(String key) {
		return find(key, key.hashCode()) >= 0;
	}

	/**
	 * Adds the key with its line, unless it is there; returns the line it had, or -1 when
	 * it was added.
	 */
	long putIfAbsent(String key, long line) {
		int h = key.hashCode();
		int e = find(key, h);
		if (e >= 0) {
			return lines[e];
		}
		insert(key, h, line);
		return -1;
	}

	/** Sets the line of a key that is in the set. */
	void setLine(String key, long line) {
		int e = find(key, key.hashCode());
		if (e < 0) {
			throw new IllegalArgumentException("not in the set: " + key);
		}
		lines[e] = toInt(line);
	}

	private int find(String key, int h) {
		int mask = slots.length - 1;
		for (int i = mix(h) & mask;; i = (i + 1) & mask) {
			int slot = slots[i];
			if (slot == 0) {
				return -1;
			}
			int e = slot - 1;
			if (hashes[e] == h && equal(e, key)) {
				return e;
			}
		}
	}

	private boolean equal(int e, String key) {
		int n = lengths[e];
		if (n != key.length()) {
			return false;
		}
		int at = offsets[e];
		for (int i = 0; i < n; i++) {
			if (chars[at + i] != key.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private void insert(String key, int h, long line) {
		if ((size + 1) * 100L > (long) slots.length * MAX_LOAD_PERCENT) {
			grow();
		}
		if (size == hashes.length) {
			int n = hashes.length * 2;
			hashes = Arrays.copyOf(hashes, n);
			offsets = Arrays.copyOf(offsets, n);
			lengths = Arrays.copyOf(lengths, n);
			lines = Arrays.copyOf(lines, n);
		}
		int n = key.length();
		if (used + n > chars.length) {
			chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + n));
		}
		key.getChars(0, n, chars, used);
		int e = size++;
		hashes[e] = h;
		offsets[e] = used;
		lengths[e] = n;
		lines[e] = toInt(line);
		used += n;
		place(e);
	}

	private void place(int e) {
		int mask = slots.length - 1;
		int i = mix(hashes[e]) & mask;
		while (slots[i] != 0) {
			i = (i + 1) & mask;
		}
		slots[i] = e + 1;
	}

	private void grow() {
		slots = new int[slots.length * 2];
		for (int e = 0; e < size; e++) {
			place(e);
		}
	}

	private static int mix(int h) {
		// spread the bits of String's hash, whose low bits cluster for similar ids
		h *= 0x9E3779B9;
		return h ^ (h >>> 16);
	}

	private static int toInt(long line) {
		if (line > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("a file of more than " + Integer.MAX_VALUE + " lines");
		}
		return (int) line;
	}

}
