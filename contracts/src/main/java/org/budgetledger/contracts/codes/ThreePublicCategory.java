package org.budgetledger.contracts.codes;

import java.util.Optional;
import java.util.Set;

/** 三公经费 categories and the economic codes whose fiscal payments count against them. */
public enum ThreePublicCategory {
    /** 因公出国（境）费. */
    ABROAD("因公出国（境）费", Set.of("30212")),
    /** 公务用车购置费; 30913 when paid from 基本建设 money. */
    VEHICLE_PURCHASE("公务用车购置费", Set.of("31013", "30913")),
    /** 公务用车运行维护费 (not 30239 其他交通费用). */
    VEHICLE_OPERATION("公务用车运行维护费", Set.of("30231")),
    /** 公务接待费. */
    RECEPTION("公务接待费", Set.of("30217"));

    private final String label;
    private final Set<String> economicCodes;

    ThreePublicCategory(String label, Set<String> economicCodes) {
        this.label = label;
        this.economicCodes = economicCodes;
    }

    public String label() {
        return label;
    }

    /** The economic codes whose fiscal payments count against the category. */
    public Set<String> economicCodes() {
        return economicCodes;
    }

    public static Optional<ThreePublicCategory> ofEconomic(String economic) {
        for (ThreePublicCategory category : values()) {
            if (category.economicCodes.contains(economic)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
