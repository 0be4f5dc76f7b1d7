package org.budgetledger.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The users every test context is configured with; each one's password is its name. {@code *-a} users
 * are scoped to the units {@link #UNIT_A} and {@link #UNIT_A2}, {@code *-all} users to every unit; {@code *-top} users
 * to {@link #UNIT_TOP} and {@code *-middle} users to {@link #UNIT_MIDDLE}, the upper two of a three-level department
 * (SPEC §13: 厅 → 中心 → 站) that the tests register.
 */
public final class TestUsers {

    public static final String ADMIN = "test-admin";
    /** A user only the lock-out test uses (and locks out). */
    public static final String LOCKOUT_PROBE = "lockout-probe";
    public static final String UNIT_A = "UA";
    public static final String UNIT_A2 = "UA2";
    public static final String UNIT_B = "UB";
    /** A department of three levels: the top (厅), its unit (中心) and that unit's own (站). */
    public static final String UNIT_TOP = "UT";
    public static final String UNIT_MIDDLE = "UTM";
    public static final String UNIT_BOTTOM = "UTB";

    private TestUsers() {
    }

    /** The ledger's sealing key in tests (base64 of 32 bytes); production keys live outside the repository. */
    public static final String INTEGRITY_KEY = "dGVzdC1pbnRlZ3JpdHkta2V5LTMyLWJ5dGVzLWxvbmc=";

    /** The digests' signing key and the list of its public keys in tests, relative to the module's directory. */
    public static final String SIGNING_KEY_FILE = "target/test-keys/signing-key.pem";
    public static final String PUBLIC_KEYS_FILE = "target/test-keys/signing-keys.pub";

    /**
     * The ledger's keys in tests: the sealing key, and the digests' signing key (SPEC §16) with the list of its public
     * keys, created on first use in the build directory, never among the sources.
     */
    public static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("budgetledger.integrity.key", INTEGRITY_KEY);
        keys.put("budgetledger.integrity.signing-key-file", SIGNING_KEY_FILE);
        keys.put("budgetledger.integrity.public-keys-file", PUBLIC_KEYS_FILE);
        return keys;
    }

    public static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>(keys());
        user(properties, ADMIN, "ADMIN", "*");
        user(properties, LOCKOUT_PROBE, "CLERK", UNIT_A);
        for (String role : new String[]{"CLERK", "VIEWER", "AUDITOR", "ADMIN"}) {
            user(properties, role.toLowerCase() + "-a", role, UNIT_A + "," + UNIT_A2);
            user(properties, role.toLowerCase() + "-all", role, "*");
            user(properties, role.toLowerCase() + "-top", role, UNIT_TOP);
            user(properties, role.toLowerCase() + "-middle", role, UNIT_MIDDLE);
        }
        return properties;
    }

    /** The same users as command-line arguments. */
    public static String[] arguments() {
        return properties().entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
    }

    private static void user(Map<String, String> properties, String name, String roles, String units) {
        String prefix = "budgetledger.security.users." + name + ".";
        properties.put(prefix + "password", "{noop}" + name);
        properties.put(prefix + "roles", roles);
        properties.put(prefix + "units", units);
    }
}
