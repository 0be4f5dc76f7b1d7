package org.budgetledger.ledger.catalog;

/** A code of the catalog and its name. */
public record CatalogEntry(String code, String name) {
}
