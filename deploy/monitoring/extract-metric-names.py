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


def referenced() -> list[str]:
    names = set()
    for _, expr in list(rule_expressions()) + list(dashboard_expressions()):
        names |= metric_names(expr)
    return sorted(names - recorded_names() - SYNTHETIC)


def main(argv):
    text = "".join(f"{name}\n" for name in referenced())
    if "--stdout" in argv:
        sys.stdout.write(text)
    elif "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            sys.stderr.write(f"{OUTPUT.relative_to(DEPLOY.parent)} is stale: run "
                             "python3 deploy/monitoring/extract-metric-names.py and commit it\n")
            return 1
        print(f"{OUTPUT.relative_to(DEPLOY.parent)} is up to date ({text.count(chr(10))} names)")
    else:
        OUTPUT.write_text(text)
        print(f"wrote {OUTPUT.relative_to(DEPLOY.parent)} ({text.count(chr(10))} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
