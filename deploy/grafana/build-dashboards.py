#!/usr/bin/env python3
"""Writes the Grafana dashboards (deploy/grafana/dashboards/*.json) from the definitions below.

    python3 deploy/grafana/build-dashboards.py           # rewrite the JSON files
    python3 deploy/grafana/build-dashboards.py --check   # exit 1 if a committed file is stale

Dashboards are code so that every panel follows the same conventions (datasource and application
variables, units, layout). Every metric a query names must be exposed by a service: after editing,
run deploy/monitoring/extract-metric-names.py and check the names against the module READMEs.
"""
import json
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent / "dashboards"
DS = {"type": "prometheus", "uid": "${datasource}"}
APP = 'application=~"$application"'


class Board:
    def __init__(self, uid, title, description, tags):
        self.uid, self.title, self.description, self.tags = uid, title, description, tags
        self.panels, self.x, self.y, self.row_height = [], 0, 0, 0

    def _place(self, width, height):
        if self.x + width > 24:
            self.x, self.y, self.row_height = 0, self.y + self.row_height, 0
        pos = {"x": self.x, "y": self.y, "w": width, "h": height}
        self.x += width
        self.row_height = max(self.row_height, height)
        return pos

    def row(self, title):
        self.x, self.y, self.row_height = 0, self.y + self.row_height, 0
        self.panels.append({"type": "row", "title": title, "collapsed": False, "panels": [],
                            "gridPos": {"x": 0, "y": self.y, "w": 24, "h": 1}, "id": len(self.panels) + 1})
        self.y += 1

    def panel(self, kind, title, targets, description="", unit="short", width=12, height=8, **options):
        targets = [t if isinstance(t, tuple) else (t, "") for t in targets]
        panel = {
            "id": len(self.panels) + 1, "type": kind, "title": title, "description": description,
            "datasource": DS, "gridPos": self._place(width, height),
            "targets": [{"refId": chr(65 + i), "datasource": DS, "expr": expr, "legendFormat": legend,
                         **({"instant": True, "range": False} if kind in ("stat", "bargauge", "table") else {})}
                        for i, (expr, legend) in enumerate(targets)],
            "fieldConfig": {"defaults": {"unit": unit, **options.pop("defaults", {})}, "overrides": []},
            "options": options or {},
        }
        if kind == "timeseries":
            panel["fieldConfig"]["defaults"].setdefault("custom", {"drawStyle": "line", "fillOpacity": 10,
                                                                  "showPoints": "never"})
            panel["options"] = {"legend": {"displayMode": "table", "placement": "bottom",
                                           "calcs": ["lastNotNull", "max"]},
                                "tooltip": {"mode": "multi", "sort": "desc"}, **panel["options"]}
        self.panels.append(panel)

    def timeseries(self, title, *targets, **kw):
        self.panel("timeseries", title, targets, **kw)

    def stat(self, title, *targets, thresholds=None, **kw):
        defaults = {"thresholds": {"mode": "absolute", "steps": thresholds or [{"color": "green", "value": None}]}}
        self.panel("stat", title, targets, width=kw.pop("width", 6), height=kw.pop("height", 4),
                   defaults=defaults, colorMode="background", graphMode="none",
                   reduceOptions={"calcs": ["lastNotNull"], "fields": "", "values": False}, **kw)

    def bars(self, title, *targets, **kw):
        self.panel("bargauge", title, targets, displayMode="basic", orientation="horizontal",
                   reduceOptions={"calcs": ["lastNotNull"], "fields": "", "values": False}, **kw)

    def json(self):
        return {
            "uid": self.uid, "title": self.title, "description": self.description, "tags": self.tags,
            "editable": False, "graphTooltip": 1, "schemaVersion": 39, "version": 1, "refresh": "1m",
            "time": {"from": "now-24h", "to": "now"}, "timezone": "browser",
            "links": [{"type": "dashboards", "tags": ["shipments"], "asDropdown": True, "title": "Shipments"}],
            "templating": {"list": [
                {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Data source",
                 "current": {}, "hide": 0},
                {"name": "application", "type": "query", "label": "Service", "datasource": DS,
                 "query": {"query": "label_values(process_uptime_seconds, application)", "refId": "apps"},
                 "definition": "label_values(process_uptime_seconds, application)",
                 "multi": True, "includeAll": True, "allValue": ".*", "refresh": 2, "sort": 1,
                 "current": {"text": "All", "value": "$__all"}},
            ]},
            "annotations": {"list": []},
            "panels": self.panels,
        }


RED = [{"color": "green", "value": None}, {"color": "red", "value": 1}]


def mean(base, by="", matchers=APP):
    """Mean of a timer or summary over the rate window: rate(<base>_sum) / rate(<base>_count)."""
    group = f"sum by ({by}) " if by else "sum"
    return (f"{group}(rate({base}_sum{{{matchers}}}[$__rate_interval]))"
            f" / {group}(rate({base}_count{{{matchers}}}[$__rate_interval]))")


def quantiles(base, by="", matchers=APP, qs=(0.95, 0.99), legend=""):
    """p95/p99 (by default) of a timer published as a histogram (publishPercentileHistogram): targets."""
    group = f"le, {by}" if by else "le"
    return [(f"histogram_quantile({q}, sum by ({group}) (rate({base}_bucket{{{matchers}}}[$__rate_interval])))",
             f"{legend}p{round(q * 100)}") for q in qs]


def pipeline():
    b = Board("shipments-pipeline", "Shipments: pipeline overview",
              "Parcels registered, milestones, WhatsApp messages and the funnel between them; the services; "
              "the personal-data lifecycle (LGPD).", ["shipments"])
    b.row("Today")
    b.stat("Parcels registered (range)", f"sum(increase(ingest_prepostings_new_total{{{APP}}}[$__range]))")
    b.stat("Messages sent (range)",
           f'sum(increase(notifier_messages_total{{{APP},outcome="sent"}}[$__range]))')
    b.stat("Uncertain notifications", f"max(notifier_uncertain{{{APP}}})", thresholds=RED,
           description="Sends whose outcome is unknown: never resent automatically, each needs a look.")
    b.stat("Since last successful pre-posting poll",
           f"time() - max(ingest_poll_last_success_seconds{{{APP}}} > 0)", unit="s",
           thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 900},
                       {"color": "red", "value": 1800}])
    b.row("Flow")
    b.timeseries("Parcels registered per hour",
                 (f"sum(increase(ingest_prepostings_new_total{{{APP}}}[1h]))", "new pre-postings"),
                 (f"sum(increase(ingest_prepostings_seen_total{{{APP}}}[1h]))", "pre-postings listed"),
                 (f"sum(increase(tracking_registrations_total{{{APP}}}[1h]))", "taken into tracking"))
    b.timeseries("Milestones per hour",
                 (f"sum by (milestone) (increase(tracking_milestones_emitted_total{{{APP}}}[1h]))", "{{milestone}}"))
    b.timeseries("WhatsApp messages per hour",
                 (f"sum by (kind, outcome) (increase(notifier_messages_total{{{APP}}}[1h]))", "{{kind}} {{outcome}}"))
    b.bars("Funnel over the selected range",
           (f"sum(increase(ingest_prepostings_new_total{{{APP}}}[$__range]))", "1 registered"),
           (f"sum(increase(phone_validations_total{{{APP}}}[$__range]))", "2 contact validated"),
           (f'sum(increase(notifier_messages_total{{{APP},kind="SHIPPED",outcome="sent"}}[$__range]))', "3 SHIPPED sent"),
           (f'sum(increase(notifier_messages_total{{{APP},kind="ARRIVED",outcome="sent"}}[$__range]))', "4 ARRIVED sent"),
           description="Each step counts events in the range; parcels move through it over days.")
    b.row("Parcels")
    b.bars("Tracked objects by milestone",
           (f"sum by (milestone) (max by (milestone, polling) (tracking_objects{{{APP}}}))", "{{milestone}}"),
           description="Still polled and stopped (terminal) objects together. Every instance reports the same "
                       "totals: max across instances, then sum over `polling`.")
    b.stat("Objects still polled", f'sum(max by (milestone) (tracking_objects{{{APP},polling="true"}}))',
           description="Objects tracking-poller still asks Correios about (not yet terminal).")
    b.timeseries("Operator alerts per hour",
                 (f"sum by (type) (increase(tracking_alerts_total{{{APP}}}[1h]))", "{{type}}"))
    b.timeseries("Pre-postings rejected per hour",
                 (f"sum by (reason) (increase(ingest_prepostings_rejected_total{{{APP}}}[1h]))", "{{reason}}"))
    b.timeseries("Time from Correios event to milestone published",
                 (mean("tracking_detection_delay_seconds", "milestone"), "{{milestone}} mean"), unit="s")
    b.timeseries("Time from Correios event to milestone published: p95 / p99",
                 *quantiles("tracking_detection_delay_seconds", "milestone", legend="{{milestone}} "), unit="s",
                 description="From the histogram tracking_detection_delay_seconds_bucket (1 s to 2 days).")
    b.row("Services")
    b.timeseries("Heap used", (f'sum by (application) (jvm_memory_used_bytes{{{APP},area="heap"}})',
                               "{{application}}"), unit="bytes", width=8)
    b.timeseries("CPU", (f"max by (application) (process_cpu_usage{{{APP}}})", "{{application}}"),
                 unit="percentunit", width=8)
    b.timeseries("Database connections in use", (f"sum by (application) (hikaricp_connections_active{{{APP}}})",
                                                 "{{application}}"), width=8)
    b.row("Personal data (LGPD)")
    b.stat("Most overdue finished parcel", f"max(shipments_personal_data_overdue_seconds{{{APP}}})", unit="s",
           thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 7200},
                       {"color": "red", "value": 86400}],
           description="How long past PII_RETENTION the most overdue finished parcel still waits for its erasure "
                       "to be requested (tracking-poller, set by each hourly retention run; 0: none). "
                       "Alert ShipmentsPersonalDataOverdue above one day. deploy/README.md \"Personal data\".")
    b.stat("Retention task failures (range)", f"sum(increase(shipments_retention_failures_total{{{APP}}}[$__range]))",
           thresholds=RED)
    b.stat("Erasure requests filed (range)", f"sum(increase(ingest_erasures_requested_total{{{APP}}}[$__range]))",
           description="POST /api/privacy/erasures on prepost-ingest, including requests that found no parcel.")
    b.stat("Parcels asked to be erased after PII_RETENTION (range)",
           f'sum(increase(shipments_retention_purged_rows_total{{{APP},task="finished_parcels"}}[$__range]))',
           description="PersonalDataErasureRequested (RETENTION) published by tracking-poller for finished parcels.")
    b.timeseries("Age of the oldest personal data held, per service",
                 (f"max by (application) (shipments_personal_data_oldest_seconds{{{APP}}})", "{{application}}"),
                 unit="s",
                 description="Refreshed at start and at each retention run (hourly), not per scrape; 0: none held "
                             "(tracking-poller holds none). A parcel's data lives while it is in transit plus "
                             "PII_RETENTION after it finished.")
    b.timeseries("Most overdue finished parcel, past PII_RETENTION",
                 (f"max by (application) (shipments_personal_data_overdue_seconds{{{APP}}})", "{{application}}"),
                 unit="s")
    b.timeseries("Rows purged per hour, by task",
                 (f"sum by (application, task) (increase(shipments_retention_purged_rows_total{{{APP}}}[1h]))",
                  "{{application}} {{task}}"),
                 (f"sum by (application, task) (increase(shipments_retention_failures_total{{{APP}}}[1h]))",
                  "{{application}} {{task}} failed"),
                 description="finished_parcels counts erasure requests published (the erasure itself is counted per "
                             "service below); audit_record, rejected_pre_posting and whatsapp_lookup count rows deleted.")
    b.timeseries("Erasures carried out per hour, by reason",
                 (f"sum by (application, reason) (increase(shipments_personal_data_erasures_total{{{APP}}}[1h]))",
                  "{{application}} {{reason}}"),
                 description="PersonalDataErasureRequested consumed from shipments.privacy.v1 and confirmed: REQUEST "
                             "(a person asked), RETENTION (PII_RETENTION after the parcel finished). Each service counts "
                             "each parcel once.")
    b.timeseries("Erasure requests filed per hour, by outcome",
                 (f"sum by (outcome) (increase(ingest_erasures_requested_total{{{APP}}}[1h]))", "{{outcome}}"),
                 width=24,
                 description="found: the identifiers matched parcels, each gets a PersonalDataErasureRequested; "
                             "nothing_held: nothing is held of the person (recorded and audited all the same).")
    return b


def correios():
    b = Board("shipments-correios", "Shipments: Correios API health",
              "Calls to the Correios CWS gateway (token, Pré-Postagem, SRO Rastro): rate, errors, 429s, "
              "latency, token and circuit breakers.", ["shipments", "correios"])
    b.row("Calls")
    b.timeseries("Calls per second by API and outcome",
                 (f"sum by (api, outcome) (rate(correios_requests_seconds_count{{{APP}}}[$__rate_interval]))",
                  "{{api}} {{outcome}}"), unit="reqps")
    b.timeseries("Error ratio by API",
                 (f'sum by (api) (rate(correios_requests_seconds_count{{{APP},outcome!="SUCCESS"}}[$__rate_interval]))'
                  f" / sum by (api) (rate(correios_requests_seconds_count{{{APP}}}[$__rate_interval]))", "{{api}}"),
                 unit="percentunit")
    b.timeseries("Responses by HTTP status (per hour)",
                 (f"sum by (api, status) (increase(correios_requests_seconds_count{{{APP}}}[1h]))",
                  "{{api}} {{status}}"))
    b.timeseries("429 Too Many Requests (per hour)",
                 (f'sum by (api) (increase(correios_requests_seconds_count{{{APP},outcome="RATE_LIMITED"}}[1h]))',
                  "{{api}}"))
    b.row("Latency")
    b.timeseries("Mean latency by API",
                 (mean("correios_requests_seconds", "api"), "{{api}}"),
                 unit="s")
    b.timeseries("Slowest call by API (recent max)",
                 (f"max by (api) (correios_requests_seconds_max{{{APP}}})", "{{api}}"), unit="s")
    b.timeseries("SRO Rastro batch latency: p95 / p99",
                 *quantiles("tracking_rastro_requests_seconds", "outcome", legend="{{outcome}} "), unit="s", width=24,
                 description="Whole batch request after the client's retries, from tracking_rastro_requests_seconds_bucket.")
    b.row("Token and circuit breakers")
    b.timeseries("Token refreshes and failures (per hour)",
                 (f"sum by (application) (increase(correios_token_refreshes_total{{{APP}}}[1h]))",
                  "{{application}} refreshed"),
                 (f"sum by (application, reason) (increase(correios_token_failures_total{{{APP}}}[1h]))",
                  "{{application}} failed: {{reason}}"), width=8)
    b.bars("Circuit breakers open (1 = open)",
           (f'max by (application, api) (correios_circuit_state{{{APP},state="open"}})', "{{application}} {{api}}"),
           width=8, defaults={"min": 0, "max": 1})
    b.timeseries("Circuit breaker state",
                 (f"max by (api, state) (correios_circuit_state{{{APP}}})", "{{api}} {{state}}"), width=8)
    b.row("Polling")
    b.timeseries("Pre-posting polls by outcome (per hour)",
                 (f"sum by (outcome) (increase(ingest_poll_seconds_count{{{APP}}}[1h]))", "{{outcome}}"))
    b.timeseries("SRO Rastro batches by outcome (per hour)",
                 (f"sum by (outcome) (increase(tracking_rastro_requests_seconds_count{{{APP}}}[1h]))", "{{outcome}}"),
                 (mean("tracking_rastro_codes_per_request"), "codes per batch"))
    b.panel("table", "Unknown Correios event codes (since service start)",
            [(f"sum by (code, type) (tracking_unknown_events_total{{{APP}}})", "")], width=24, height=6)
    return b


def whatsapp():
    b = Board("shipments-whatsapp", "Shipments: WhatsApp delivery",
              "Messages sent, delivered, read and failed; suppressed messages; time from the Correios event "
              "to the message; phone validation.", ["shipments", "whatsapp"])
    b.row("Now")
    b.stat("Uncertain notifications", f"max(notifier_uncertain{{{APP}}})", thresholds=RED)
    b.stat("Provider halted (credentials)", f"max(notifier_provider_halted{{{APP}}})", thresholds=RED)
    b.stat("Sends in flight", f"sum(notifier_inflight{{{APP}}})")
    b.stat("Contacts waiting for validation", f"sum(phone_contacts_pending{{{APP}}})")
    b.row("Messages")
    b.timeseries("Send attempts by outcome (per hour)",
                 (f"sum by (kind, outcome) (increase(notifier_messages_total{{{APP}}}[1h]))", "{{kind}} {{outcome}}"))
    b.timeseries("Provider statuses: sent, delivered, read, failed (per hour)",
                 (f"sum by (status) (increase(notifier_webhook_statuses_total{{{APP}}}[1h]))", "{{status}}"))
    b.timeseries("Suppressed by reason (per hour)",
                 (f"sum by (reason) (increase(notifier_suppressed_total{{{APP}}}[1h]))", "{{reason}}"))
    b.timeseries("Opt-outs (per hour)", (f"sum(increase(notifier_opt_outs_total{{{APP}}}[1h]))", "opt-outs"))
    b.row("Timing")
    b.timeseries("Time from Correios event to message accepted (mean)",
                 (mean("notifier_event_to_message_seconds", "kind"), "{{kind}}"), unit="s",
                 description="Includes waiting for the quiet-hours window and for the contact to be validated.")
    b.timeseries("Provider call latency",
                 (mean("notifier_provider_requests_seconds", "provider, outcome"), "{{provider}} {{outcome}} mean"),
                 (f"max by (provider) (notifier_provider_requests_seconds_max{{{APP}}})", "{{provider}} max"), unit="s")
    b.row("Provider pauses, reconciliation and webhooks")
    b.timeseries("Provider pauses by cause (per hour)",
                 (f"sum by (provider, cause) (increase(notifier_provider_pauses_total{{{APP}}}[1h]))",
                  "{{provider}} {{cause}}"), width=8,
                 description="Every send through the provider stopped (disconnected, credentials, configuration, quality); "
                             "resumes by itself when the health check passes.")
    b.timeseries("Reconciliation of uncertain sends by result (per hour)",
                 (f"sum by (provider, result) (increase(notifier_reconciliations_total{{{APP}}}[1h]))",
                  "{{provider}} {{result}}"),
                 (f"sum by (provider, from) (increase(notifier_settled_by_webhook_total{{{APP}}}[1h]))",
                  "{{provider}} settled by webhook (was {{from}})"), width=8)
    b.timeseries("Webhook calls by answer (per hour)",
                 (f'sum by (uri, status) (increase(http_server_requests_seconds_count{{{APP},uri=~"/webhooks/.+"}}[1h]))',
                  "{{uri}} {{status}}"),
                 (f"sum by (source, reason) (increase(notifier_webhook_refused_total{{{APP}}}[1h]))",
                  "refused {{source}}: {{reason}}"), width=8)
    b.row("Phone validation")
    b.timeseries("Validations by status (per hour)",
                 (f"sum by (status) (increase(phone_validations_total{{{APP}}}[1h]))", "{{status}}"), width=6)
    b.timeseries("Provider lookups (mean latency)",
                 (mean("phone_provider_checks_seconds", "outcome"), "{{outcome}}"), unit="s", width=6)
    b.timeseries("Provider lookups: p95 / p99",
                 *quantiles("phone_provider_checks_seconds", legend=""), unit="s", width=6)
    b.timeseries("Lookup cache hit ratio",
                 (f'sum(rate(phone_cache_lookups_total{{{APP},result="hit"}}[$__rate_interval]))'
                  f" / sum(rate(phone_cache_lookups_total{{{APP}}}[$__rate_interval]))", "hit ratio"),
                 unit="percentunit", width=6)
    return b


def kafka():
    b = Board("shipments-kafka", "Shipments: Kafka",
              "Consumer lag per consumer group (= service), listener throughput and errors, dead letters, "
              "outbox relay.", ["shipments", "kafka"])
    b.row("Lag")
    b.timeseries("Lag per consumer group and topic",
                 (f'sum by (application, topic) (kafka_consumer_fetch_manager_records_lag{{{APP},topic=~"shipments\\\\..+"}})',
                  "{{application}} ← {{topic}}"),
                 description="Consumer group = service name. Reported by each consumer for the partitions it owns.")
    b.timeseries("Max partition lag per consumer group",
                 (f"max by (application) (kafka_consumer_fetch_manager_records_lag_max{{{APP}}})", "{{application}}"))
    b.timeseries("Lag seen by the broker (Kubernetes: Kafka Exporter)",
                 ('sum by (consumergroup, topic) (kafka_consumergroup_lag{topic=~"shipments\\\\.[a-z]+\\\\.v1"})',
                  "{{consumergroup}} ← {{topic}}"), width=24,
                 description="From the broker's committed offsets: also when a group has no running consumer. "
                             "Empty in compose (no Kafka Exporter there).")
    b.row("Listeners")
    b.timeseries("Records processed per second",
                 (f"sum by (application, messaging_source_name) (rate(spring_kafka_listener_seconds_count{{{APP}}}"
                  "[$__rate_interval]))", "{{application}} ← {{messaging_source_name}}"), unit="ops")
    b.timeseries("Listener failures per second (before retry / dead-lettering)",
                 (f'sum by (application, messaging_source_name, error) (rate(spring_kafka_listener_seconds_count{{{APP},error!="none"}}'
                  "[$__rate_interval]))", "{{application}} {{messaging_source_name}} {{error}}"), unit="ops")
    b.timeseries("Mean processing time per record",
                 (mean("spring_kafka_listener_seconds", "application, messaging_source_name"),
                  "{{application}} ← {{messaging_source_name}}"), unit="s")
    b.timeseries("Records published per second",
                 (f"sum by (application, messaging_destination_name) (rate(spring_kafka_template_seconds_count{{{APP}}}"
                  "[$__rate_interval]))", "{{application}} → {{messaging_destination_name}}"), unit="ops")
    b.row("Dead letters and outbox")
    b.stat("Dead-lettered records (range)",
           f"sum(increase(shipments_dead_letters_total{{{APP}}}[$__range]))", thresholds=RED)
    b.stat("Outbox failures (range)", f"sum(increase(shipments_outbox_failures_total{{{APP}}}[$__range]))",
           thresholds=RED)
    b.stat("Outbox events parked (range)", f"sum(increase(shipments_outbox_parked_total{{{APP}}}[$__range]))",
           thresholds=RED)
    b.timeseries("Dead-lettered per hour, by source topic",
                 (f"sum by (application, topic) (increase(shipments_dead_letters_total{{{APP}}}[1h]))",
                  "{{application}}: {{topic}} → {{topic}}.dlt"))
    b.bars("Records waiting in dead-letter topics (Kubernetes: Kafka Exporter)",
           ('sum by (topic) (kafka_topic_partition_current_offset{topic=~"shipments\\\\..+\\\\.dlt"}) - on (topic) '
            'max by (topic) (label_replace(sum by (topic) (kafka_consumergroup_current_offset{consumergroup="shipments-dlt-acknowledged"}), "from", "ack", "", "") '
            'or label_replace(sum by (topic) (kafka_topic_partition_oldest_offset{topic=~"shipments\\\\..+\\\\.dlt"}), "from", "oldest", "", ""))',
            "{{topic}}"), width=24, height=6,
           description="End offset minus what operators acknowledged (group shipments-dlt-acknowledged), or minus the oldest "
                       "retained offset: the same count as the KafkaDeadLetterTopicNotEmpty alert. deploy/README.md \"Dead letters\".")
    b.timeseries("Records waiting in dead-letter topics (services)",
                 (f"max by (topic) (shipments_dead_letters_waiting{{{APP}}})", "{{topic}}"), width=24,
                 description="Counted by the services from the broker's offsets minus what was replayed through "
                             "POST /api/dead-letters/replay or acknowledged (group shipments-dlt-acknowledged); "
                             "works without Kafka Exporter. deploy/README.md \"Dead letters\".")
    b.timeseries("Outbox relay per second",
                 (f"sum by (application) (rate(shipments_outbox_published_total{{{APP}}}[$__rate_interval]))",
                  "{{application}} published"),
                 (f"sum by (application) (rate(shipments_outbox_failures_total{{{APP}}}[$__rate_interval]))",
                  "{{application}} failed"),
                 (f"sum by (application) (rate(shipments_outbox_parked_total{{{APP}}}[$__rate_interval]))",
                  "{{application}} parked"), unit="ops", width=24)
    return b


BOARDS = [pipeline, correios, whatsapp, kafka]


def main(argv):
    stale = []
    for make in BOARDS:
        board = make()
        path = OUT / f"{board.uid}.json"
        text = json.dumps(board.json(), indent=2, ensure_ascii=False) + "\n"
        if "--check" in argv:
            if not path.exists() or path.read_text() != text:
                stale.append(str(path))
        else:
            path.write_text(text)
            print(f"wrote {path.name}: {len(board.panels)} panels")
    if stale:
        sys.stderr.write("stale dashboards (run python3 deploy/grafana/build-dashboards.py): " + ", ".join(stale) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
