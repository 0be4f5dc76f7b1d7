package org.budgetledger.ledger.disclosure;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.VehicleUse;
import org.budgetledger.contracts.events.AssetHoldings;
import org.budgetledger.contracts.events.PerformanceResult;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.events.VehicleHoldings;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.Identifiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/v1/units/{code}/years/{year}/profile} (SPEC §15): every field optional, each checked
 * ({@link #checked}); what is wrong is answered 400 VALIDATION_FAILED naming every field, as a transaction's fields are.
 */
public record ProfileRequest(String functions, String organisation, Assets assets, List<Performance> performance,
                      Map<String, String> explanations) {

    public record Assets(Vehicles vehicles, Integer equipmentOver500k, Integer equipmentOver1m) {
    }

    public record Vehicles(Integer total, Map<String, Integer> byType) {
    }

    public record Performance(String project, BigDecimal score, String grade) {
    }

    static final int TEXT_LENGTH_MAX = 5000;
    static final int PERFORMANCE_MAX = 200;
    static final int EXPLANATIONS_MAX = 200;
    static final int EXPLANATION_LENGTH_MAX = 2000;
    static final Pattern BLANK_KEY = Pattern.compile("[a-z0-9_]{1,64}");
    private static final BigDecimal SCORE_MAX = BigDecimal.valueOf(100);

    /** The profile as its event holds it, or every fault of the body. */
    UnitYearProfileSet checked(String unit, int year, String principal) {
        List<FieldError> errors = new ArrayList<>();
        String checkedFunctions = text(errors, "functions", functions, TEXT_LENGTH_MAX);
        String checkedOrganisation = text(errors, "organisation", organisation, TEXT_LENGTH_MAX);
        AssetHoldings checkedAssets = assets == null ? null : assets(errors);
        List<PerformanceResult> checkedPerformance = performance == null ? null : performance(errors);
        Map<String, String> checkedExplanations = explanations == null ? null : explanations(errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " fields are not valid", errors);
        }
        return new UnitYearProfileSet(unit, year, checkedFunctions, checkedOrganisation, checkedAssets, checkedPerformance,
                checkedExplanations, principal);
    }

    private AssetHoldings assets(List<FieldError> errors) {
        VehicleHoldings vehicles = null;
        if (assets.vehicles() != null) {
            Integer total = count(errors, "assets.vehicles.total", assets.vehicles().total(), true);
            Map<VehicleUse, Integer> byType = null;
            if (assets.vehicles().byType() != null) {
                byType = new EnumMap<>(VehicleUse.class);
                for (Map.Entry<String, Integer> use : assets.vehicles().byType().entrySet()) {
                    String field = "assets.vehicles.byType." + use.getKey();
                    VehicleUse known = Arrays.stream(VehicleUse.values()).filter(value -> value.name().equals(use.getKey()))
                            .findFirst().orElse(null);
                    if (known == null) {
                        errors.add(new FieldError(field, "not a vehicle use; one of " + Arrays.toString(VehicleUse.values())));
                    }
                    Integer number = count(errors, field, use.getValue(), true);
                    if (known != null && number != null) {
                        byType.put(known, number);
                    }
                }
                int sum = byType.values().stream().mapToInt(Integer::intValue).sum();
                if (total != null && byType.size() == assets.vehicles().byType().size() && sum != total) {
                    errors.add(new FieldError("assets.vehicles.total", "must be the sum of byType, " + sum + ", not " + total));
                }
            }
            vehicles = total == null ? null : new VehicleHoldings(total, byType);
        }
        return new AssetHoldings(vehicles, count(errors, "assets.equipmentOver500k", assets.equipmentOver500k(), false),
                count(errors, "assets.equipmentOver1m", assets.equipmentOver1m(), false));
    }

    private List<PerformanceResult> performance(List<FieldError> errors) {
        if (performance.size() > PERFORMANCE_MAX) {
            errors.add(new FieldError("performance", "at most " + PERFORMANCE_MAX + " results"));
            return null;
        }
        List<PerformanceResult> results = new ArrayList<>();
        for (int index = 0; index < performance.size(); index++) {
            String at = "performance[" + index + "]";
            Performance result = performance.get(index);
            if (result == null) {
                errors.add(new FieldError(at, "required"));
                continue;
            }
            String project = text(errors, at + ".project", result.project(), 200);
            if (project == null && result.project() == null) {
                errors.add(new FieldError(at + ".project", "required"));
            }
            BigDecimal score = result.score();
            if (score != null && (score.signum() < 0 || score.compareTo(SCORE_MAX) > 0 || score.scale() > 2)) {
                errors.add(new FieldError(at + ".score", "a score from 0 to 100 with at most two decimals"));
                score = null;
            }
            String grade = text(errors, at + ".grade", result.grade(), 20);
            results.add(new PerformanceResult(project, score, grade));
        }
        return results;
    }

    private Map<String, String> explanations(List<FieldError> errors) {
        if (explanations.size() > EXPLANATIONS_MAX) {
            errors.add(new FieldError("explanations", "at most " + EXPLANATIONS_MAX + " blanks"));
            return null;
        }
        Map<String, String> checked = new LinkedHashMap<>();
        explanations.forEach((key, text) -> {
            String field = "explanations." + key;
            if (!BLANK_KEY.matcher(key).matches()) {
                errors.add(new FieldError(field, "a blank's key: 1–64 characters of a-z, 0-9 and _"));
            } else if (text == null || text.isBlank()) {
                errors.add(new FieldError(field, "required: the blank's text (leave the blank out to keep it open)"));
            } else {
                String checkedText = text(errors, field, text, EXPLANATION_LENGTH_MAX);
                if (checkedText != null) {
                    checked.put(key, checkedText);
                }
            }
        });
        return checked;
    }

    /** Text of at most {@code lengthMax} characters; line breaks are allowed (paragraphs), other control characters not. */
    private static String text(List<FieldError> errors, String field, String value, int lengthMax) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > lengthMax) {
            errors.add(new FieldError(field, "at most " + lengthMax + " characters"));
            return null;
        }
        if (value.codePoints().anyMatch(point -> point != '\n' && point != '\r' && Identifiers.isControl(point))) {
            errors.add(new FieldError(field, "must not contain control characters (but line breaks)"));
            return null;
        }
        if (Identifiers.hasUnpairedSurrogate(value)) {
            errors.add(new FieldError(field, Identifiers.UNPAIRED_SURROGATE));
            return null;
        }
        return value.replace("\r\n", "\n");
    }

    private static Integer count(List<FieldError> errors, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "required"));
            }
            return null;
        }
        if (value < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return null;
        }
        return value;
    }
}
