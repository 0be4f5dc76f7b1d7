package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.CatalogKind;

/**
 * A code added to a catalog through the API (the built-in catalog of {@code contracts/catalog} holds from the
 * beginning of time and has no events). It holds from the beginning of time, once known.
 */
public record CatalogCodeAdded(CatalogKind catalog, String code, String name, String principal) implements RegistryEvent {

    @Override
    public String key() {
        return "catalog:" + catalog.name();
    }
}
