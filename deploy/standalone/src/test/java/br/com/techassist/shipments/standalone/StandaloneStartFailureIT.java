package br.com.techassist.shipments.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A service that cannot start stops the whole standalone system: the launcher names it and the
 * reason, stops what it had started (the broker, prepost-ingest) and exits with status 1, instead
 * of leaving the other services running with nothing tracked. The exit is recorded, not executed.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneStartFailureIT {

    @TempDir
    Path dataDir;

    @Test
    void anImpossibleSettingStopsEverythingAndExitsWithStatusOneNamingTheService(CapturedOutput output)
            throws IOException {
        int portBase = TestPorts.freePortBlock(18_280);
        int noSandbox = TestPorts.freePort(); // nothing listens there: prepost-ingest starts all the same
        var settings = new StandaloneSettings(true, null, null, dataDir, "http://localhost:" + noSandbox, noSandbox,
                0, 1440, portBase, "PT1M");
        List<Integer> exits = new ArrayList<>();
        StandaloneApplication app = new StandaloneApplication(settings);

        app.startOrExit(new String[] {"--TRACKING_MIN_INTERVAL=PT0S"}, exits::add);

        assertThat(exits).containsExactly(1);
        assertThat(output).contains("standalone: tracking-poller failed to start: "
                + "tracking.min-interval (TRACKING_MIN_INTERVAL) must be positive; stopping everything");
        assertThatThrownBy(() -> new Socket("localhost", portBase + 1).close())
                .as("prepost-ingest, started before, is stopped again").isInstanceOf(IOException.class);
    }
}
