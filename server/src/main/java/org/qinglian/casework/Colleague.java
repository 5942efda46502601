package org.qinglian.casework;

/** A staff member who may approve a clue's step or join a joint work group. */
public record Colleague(String username, String displayName) {
}
