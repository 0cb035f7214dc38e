package br.com.techassist.shipments.support.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys of {@code API_KEYS}: comma-separated entries {@code name:role:hash}, e.g.
 * {@code crm:integration:{sha256}9f86…08,ops:operator:{bcrypt}$2a$10$…}. Read at start-up; a bad
 * entry stops the service with a message naming the entry (by position and name, never its hash).
 */
public final class ApiKeys {

    private final List<ApiKey> keys;

    private ApiKeys(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static ApiKeys parse(String value) {
        List<ApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] entries = value.isBlank() ? new String[0] : value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String[] parts = entry.split(":", 3);
            String where = "API_KEYS entry " + (i + 1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + " is not name:role:hash (e.g. crm:integration:{sha256}<64 hex>)");
            }
            String name = parts[0].strip();
            String role = parts[1].strip();
            String hash = parts[2].strip();
            if (!ApiKey.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": the name must be 1-64 letters, digits, '.', '_' or '-'");
            }
            where += " (" + name + ")";
            if (!ApiRoles.ALL.contains(role)) {
                throw new IllegalArgumentException(where + ": the role must be one of " + ApiRoles.ALL);
            }
            String problem = ApiKey.problemWith(hash);
            if (problem != null) {
                throw new IllegalArgumentException(where + ": " + problem);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": the name is used twice");
            }
            keys.add(new ApiKey(name, role, hash));
        }
        return new ApiKeys(keys);
    }

    /** The key {@code presented} is, if any. */
    Optional<ApiKey> find(String presented) {
        return keys.stream().filter(k -> k.matches(presented)).findFirst();
    }

    public List<ApiKey> all() {
        return keys;
    }
}
