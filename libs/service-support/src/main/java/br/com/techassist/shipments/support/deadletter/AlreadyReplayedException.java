package br.com.techassist.shipments.support.deadletter;

import java.util.List;

/** A replay that would republish records replayed before, without {@code force}. */
public class AlreadyReplayedException extends RuntimeException {

    private final List<String> positions;

    AlreadyReplayedException(List<String> positions) {
        super(positions.size() + " of the records were replayed before: " + positions
                + "; send \"force\": true to replay them again");
        this.positions = positions;
    }

    /** The records replayed before, as {@code topic/partition/offset}. */
    public List<String> positions() {
        return positions;
    }
}
