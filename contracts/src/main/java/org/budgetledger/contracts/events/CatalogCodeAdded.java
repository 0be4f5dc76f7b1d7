package org.budgetledger.contracts.events;

import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.CodeLevel;

/**
 * A code added to a catalog through the API (the built-in catalog of {@code contracts/catalog} holds from the
 * beginning of time and has no events). It holds from the beginning of time, once known.
 *
 * <p>Version 2 ({@link EventVersions}) carries the code's {@code level} (类/款/项), which version 1 left to the reader to
 * derive from the code's length; a stored version 1 is read through {@link CatalogCodeAddedLevel}, which derives it.
 */
public record CatalogCodeAdded(CatalogKind catalog, String code, String name, String principal, CodeLevel level)
        implements RegistryEvent {

    /** A code added now: its level is its length's. */
    public CatalogCodeAdded(CatalogKind catalog, String code, String name, String principal) {
        this(catalog, code, name, principal, CodeLevel.of(code));
    }

    @Override
    public String key() {
        return "catalog:" + catalog.name();
    }
}
