package br.com.techassist.shipments.tracking.source;

import java.util.List;

/**
 * Where tracking information comes from (SRO Rastro in production). The port keeps the polling
 * domain free of HTTP: an implementation answers one batch of codes at a time.
 */
public interface TrackingSource {

    /**
     * Reports on up to 50 codes. Codes the source did not answer for are simply absent.
     *
     * @throws TrackingUnavailableException when the source cannot answer now (outage, rate limit, circuit open)
     */
    List<TrackingReport> track(List<String> codes);
}
