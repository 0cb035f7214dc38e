#!/usr/bin/env python3
"""Lists every metric name that the Prometheus rules and the Grafana dashboards query.

    python3 deploy/monitoring/extract-metric-names.py            # rewrite referenced-metrics.txt
    python3 deploy/monitoring/extract-metric-names.py --check    # exit 1 if the committed list is stale
    python3 deploy/monitoring/extract-metric-names.py --stdout   # print the list

The list (one sample name per line, e.g. correios_requests_seconds_count) lets an end-to-end test
scrape each running service's /actuator/prometheus and assert that every name a rule or a dashboard
uses is really exposed. Names are taken from PromQL: label matchers, ranges, strings, grouping
clauses, function names, keywords and Grafana variables are removed; what is left are metric names.
"""
import json
import pathlib
import re
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
RULES = sorted((DEPLOY / "prometheus" / "rules").glob("*.yml"))
DASHBOARDS = sorted((DEPLOY / "grafana" / "dashboards").glob("*.json"))
OUTPUT = DEPLOY / "monitoring" / "referenced-metrics.txt"
PLATFORM_OUTPUT = DEPLOY / "monitoring" / "platform-metrics.txt"
# Made by the platform, not by a service: the Kafka nodes' JMX exporter (Strimzi metricsConfig),
# Strimzi's Kafka Exporter and the kubelet. They go to platform-metrics.txt, so that
# check-exposed.py, which scrapes the services, does not look for them.
PLATFORM = re.compile(r"^(kafka_server_|kafka_controller_|kafka_consumergroup_|kafka_topic_|kubelet_)")

KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "inf", "nan", "atan2", "start", "end"}
GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
STRINGS = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`[^`]*`')
IDENT = re.compile(r"(?<![\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(\s*\()?")
# Made by Prometheus itself (scrape health, alert state), not by a service.
SYNTHETIC = {"up", "ALERTS", "ALERTS_FOR_STATE", "scrape_duration_seconds", "scrape_samples_scraped",
             "scrape_samples_post_metric_relabeling", "scrape_series_added"}
LABEL_VALUES = re.compile(r"^\s*label_values\((.*),\s*[a-zA-Z_]\w*\s*\)\s*$", re.S)


def metric_names(expr: str) -> set[str]:
    """The metric names in one PromQL expression (Grafana variables allowed)."""
    match = LABEL_VALUES.match(expr)
    if match:
        expr = match.group(1)
    expr = re.sub(r"\$\{[^}]*\}|\$\w+", " 1 ", expr)   # Grafana variables: $__rate_interval, ${app}
    expr = STRINGS.sub(" ", expr)
    while True:                                        # label matchers, possibly nested in strings
        stripped = re.sub(r"\{[^{}]*\}", " ", expr)
        if stripped == expr:
            break
        expr = stripped
    expr = re.sub(r"\[[^\]]*\]", " ", expr)            # ranges and subqueries
    expr = GROUPING.sub(" ", expr)
    names = set()
    for name, call in IDENT.findall(expr):
        if call or name.lower() in KEYWORDS or re.fullmatch(r"\d\w*", name):
            continue
        names.add(name)
    return names


def rule_expressions():
    for path in RULES:
        doc = yaml.safe_load(path.read_text()) or {}
        for group in doc.get("groups", []):
            for rule in group.get("rules", []):
                yield f"{path.name}:{rule.get('alert') or rule.get('record')}", rule["expr"]


def recorded_names() -> set[str]:
    """Recording-rule outputs are made by Prometheus, not exposed by the services (none yet)."""
    names = set()
    for path in RULES:
        doc = yaml.safe_load(path.read_text()) or {}
        for group in doc.get("groups", []):
            names.update(r["record"] for r in group.get("rules", []) if "record" in r)
    return names


def dashboard_expressions():
    for path in DASHBOARDS:
        board = json.loads(path.read_text())
        panels = list(board.get("panels", []))
        while panels:
            panel = panels.pop()
            panels.extend(panel.get("panels", []))
            for target in panel.get("targets", []):
                if target.get("expr"):
                    yield f"{path.name}:{panel.get('title')}", target["expr"]
        for variable in board.get("templating", {}).get("list", []):
            query = variable.get("query")
            if isinstance(query, dict):
                query = query.get("query")
            if variable.get("type") == "query" and query:
                yield f"{path.name}:${variable.get('name')}", query


def all_referenced() -> set[str]:
    names = set()
    for _, expr in list(rule_expressions()) + list(dashboard_expressions()):
        names |= metric_names(expr)
    return names - recorded_names() - SYNTHETIC


def referenced() -> list[str]:
    """Names the services must expose."""
    return sorted(n for n in all_referenced() if not PLATFORM.match(n))


def platform() -> list[str]:
    """Names the Kafka exporters and the kubelet expose."""
    return sorted(n for n in all_referenced() if PLATFORM.match(n))


def main(argv):
    outputs = ((OUTPUT, referenced()), (PLATFORM_OUTPUT, platform()))
    if "--stdout" in argv:
        sys.stdout.write("".join(f"{name}\n" for name in referenced()))
        return 0
    stale = False
    for path, names in outputs:
        text = "".join(f"{name}\n" for name in names)
        where = path.relative_to(DEPLOY.parent)
        if "--check" in argv:
            if not path.exists() or path.read_text() != text:
                sys.stderr.write(f"{where} is stale: run python3 deploy/monitoring/extract-metric-names.py and commit it\n")
                stale = True
            else:
                print(f"{where} is up to date ({len(names)} names)")
        else:
            path.write_text(text)
            print(f"wrote {where} ({len(names)} names)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
