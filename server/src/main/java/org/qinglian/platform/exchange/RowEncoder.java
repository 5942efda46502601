package org.qinglian.platform.exchange;

/** Encodes checked rows for PostgreSQL's {@code COPY ... FROM STDIN}. */
interface RowEncoder {

	/** Writes what comes before the first row. */
	void start();

	/** Appends the next field of the current row; {@code null} for an empty cell. */
	void field(String v);

	/** Ends the current row. */
	void endRow();

	/** Writes what comes after the last row. */
	void finish();

	/** The bytes written and not yet taken. */
	int size();

	/** The bytes written since the last call, and a fresh start. */
	byte[] take();

}
