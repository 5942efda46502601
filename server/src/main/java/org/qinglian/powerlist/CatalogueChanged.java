package org.qinglian.powerlist;

/**
 * The county's catalogue (items, flows, red lines) was edited: what shows it (the public
 * village pages) is out of date.
 */
public record CatalogueChanged() {
}
