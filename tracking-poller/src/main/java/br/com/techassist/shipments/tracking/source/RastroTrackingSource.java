package br.com.techassist.shipments.tracking.source;

import br.com.techassist.shipments.correios.CorreiosAuthenticationException;
import br.com.techassist.shipments.correios.CorreiosException;
import br.com.techassist.shipments.correios.CorreiosUnavailableException;
import br.com.techassist.shipments.correios.rastro.RastroAddress;
import br.com.techassist.shipments.correios.rastro.RastroClient;
import br.com.techassist.shipments.correios.rastro.RastroEvent;
import br.com.techassist.shipments.correios.rastro.RastroObject;
import br.com.techassist.shipments.correios.rastro.RastroUnit;
import br.com.techassist.shipments.model.Address;
import br.com.techassist.shipments.model.CorreiosEvent;
import br.com.techassist.shipments.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link TrackingSource} over the SRO Rastro client of {@code libs/correios-client}: maps the wire
 * records to the shared model and the client's failures to {@link TrackingUnavailableException}.
 * {@code SRO-019} means invalid; {@code SRO-020} and any other message without events mean "not
 * found yet".
 */
@Component
class RastroTrackingSource implements TrackingSource {

    private static final Logger log = LoggerFactory.getLogger(RastroTrackingSource.class);

    private final RastroClient client;

    RastroTrackingSource(RastroClient client) {
        this.client = client;
    }

    @Override
    public List<TrackingReport> track(List<String> codes) {
        List<RastroObject> objects;
        try {
            objects = client.track(codes).objetos();
        } catch (CorreiosUnavailableException e) {
            throw new TrackingUnavailableException("unavailable", e.getMessage(), e);
        } catch (CorreiosAuthenticationException e) {
            throw new TrackingUnavailableException("auth_failed", e.getMessage(), e);
        } catch (CorreiosException e) {
            throw new TrackingUnavailableException("error", e.getMessage(), e);
        }
        List<TrackingReport> reports = new ArrayList<>(objects.size());
        for (RastroObject object : objects) {
            if (object.codObjeto() == null) {
                log.warn("SRO Rastro answered an object without codObjeto; ignored");
                continue;
            }
            reports.add(report(object));
        }
        return reports;
    }

    static TrackingReport report(RastroObject object) {
        String code = object.codObjeto().strip().toUpperCase(Locale.ROOT);
        String message = object.mensagem();
        if (message != null && object.eventos().isEmpty()) {
            return message.startsWith("SRO-019") ? TrackingReport.invalid(code, message)
                    : TrackingReport.notFound(code, message);
        }
        return TrackingReport.found(code, object.dtPrevista(),
                object.eventos().stream().map(RastroTrackingSource::event).toList());
    }

    private static CorreiosEvent event(RastroEvent e) {
        return new CorreiosEvent(e.codigo(), e.tipo(), e.descricao(), e.detalhe(), e.dtHrCriado(), unit(e.unidade()),
                unit(e.unidadeDestino()));
    }

    private static @Nullable Unit unit(@Nullable RastroUnit unit) {
        if (unit == null) {
            return null;
        }
        RastroAddress a = unit.endereco();
        Address address = a == null || a.logradouro() == null ? null
                : new Address(a.logradouro(), a.numero(), a.complemento(), a.bairro(), a.cidade(), a.uf(), a.cep());
        return new Unit(unit.tipo(), unit.nome(), a == null ? null : a.cidade(), a == null ? null : a.uf(), address);
    }
}
