package br.com.techassist.shipments.support.deadletter;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which dead-letter records to replay: those of {@code topic} with one of {@code keys}, or those of
 * {@code partition} from {@code fromOffset} to {@code toOffset} inclusive; {@code force} replays
 * records replayed before. The count is bounded by {@code shipments.dead-letters.max-replay}.
 */
public record ReplayRequest(
        @NotBlank String topic,
        @Nullable @Size(min = 1, max = 10_000) List<@NotBlank String> keys,
        @Nullable @Min(0) Integer partition,
        @Nullable @Min(0) Long fromOffset,
        @Nullable @Min(0) Long toOffset,
        @Nullable Boolean force) {

    @AssertTrue(message = "give either keys, or partition with fromOffset and toOffset (fromOffset <= toOffset)")
    public boolean isKeysOrRange() {
        boolean range = partition != null && fromOffset != null && toOffset != null && fromOffset <= toOffset;
        boolean noRange = partition == null && fromOffset == null && toOffset == null;
        return keys != null ? noRange : range;
    }

    boolean forced() {
        return Boolean.TRUE.equals(force);
    }

    /** How many records a range names (0 for keys). */
    long rangeSize() {
        return keys == null && fromOffset != null && toOffset != null ? toOffset - fromOffset + 1 : 0;
    }
}
