package org.budgetledger.ledger.units;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.web.ApiProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The bodies of {@code POST /api/v1/units} and {@code PATCH /api/v1/units/{code}}, and their field checks. */
final class UnitRequests {

    static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    static final int NAME_LENGTH_MAX = 200;
    private static final String TYPES = String.join(", ", Arrays.stream(UnitType.values()).map(Enum::name).toList());

    private UnitRequests() {
    }

    /** {@code {code, name, parent?, type?}}; {@code type} defaults to {@code OTHER}. */
    record Registration(String code, String name, String parent, String type) {

        /** The unit it asks for, or 400 {@code VALIDATION_FAILED} naming every field that is wrong. */
        Unit checked() {
            List<FieldError> errors = new ArrayList<>();
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new FieldError("code", "1–32 characters of 0-9, A-Z, a-z, _ and -"));
            }
            if (!validName(name)) {
                errors.add(new FieldError("name", "required, at most " + NAME_LENGTH_MAX + " characters"));
            }
            UnitType unitType = type == null ? UnitType.OTHER : unitType(type, errors);
            if (!errors.isEmpty()) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "the unit is not valid", errors);
            }
            return new Unit(code, name, parent, unitType);
        }
    }

    /** The earliest and latest date a change may hold from: the calendar of a ledger's history and plans. */
    static final LocalDate EFFECTIVE_MIN = LocalDate.of(1900, 1, 1);
    static final LocalDate EFFECTIVE_MAX = LocalDate.of(2100, 12, 31);

    /** {@code {name?, parent?, type?, effective}}: a null field keeps what held. */
    record Change(String name, String parent, String type, String effective) {

        /** The change it asks for (sequence and instant not yet known), or 400 {@code VALIDATION_FAILED}. */
        UnitRecords.Change checked(String unit) {
            List<FieldError> errors = new ArrayList<>();
            LocalDate effectiveDate = null;
            if (effective == null) {
                errors.add(new FieldError("effective", "required: the date (YYYY-MM-DD) the change holds from"));
            } else {
                try {
                    effectiveDate = LocalDate.parse(effective);
                } catch (DateTimeParseException notADate) {
                    errors.add(new FieldError("effective", "a date YYYY-MM-DD"));
                }
                if (effectiveDate != null && (effectiveDate.isBefore(EFFECTIVE_MIN) || effectiveDate.isAfter(EFFECTIVE_MAX))) {
                    // a year PostgreSQL cannot store (0000, +10000) would stop the projection's partition at this event
                    errors.add(new FieldError("effective", "a date from " + EFFECTIVE_MIN + " to " + EFFECTIVE_MAX));
                    effectiveDate = null;
                }
            }
            if (name != null && !validName(name)) {
                errors.add(new FieldError("name", "not blank, at most " + NAME_LENGTH_MAX + " characters"));
            }
            UnitType unitType = type == null ? null : unitType(type, errors);
            if (name == null && parent == null && type == null) {
                errors.add(new FieldError("name", "nothing to change: give name, parent or type"));
            }
            if (!errors.isEmpty()) {
                throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "the change is not valid", errors);
            }
            return new UnitRecords.Change(unit, effectiveDate, name, parent, unitType, Long.MAX_VALUE, null);
        }
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_LENGTH_MAX;
    }

    private static UnitType unitType(String type, List<FieldError> errors) {
        try {
            return UnitType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            errors.add(new FieldError("type", "one of " + TYPES));
            return null;
        }
    }
}
