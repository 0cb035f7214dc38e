package br.com.techassist.shipments.standalone;

import java.io.IOException;
import java.net.ServerSocket;

/** Free local ports for the system-level tests. */
final class TestPorts {

    private TestPorts() {}

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A base port from {@code from} on whose next four ports (the four services) are free. */
    static int freePortBlock(int from) {
        for (int base = from; base < from + 1_000; base += 10) {
            if (free(base + 1) && free(base + 2) && free(base + 3) && free(base + 4)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of four ports between " + from + " and " + (from + 1_000));
    }

    private static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
