#!/usr/bin/env bash
# Validates everything under deploy/ that CI cannot build with Maven: renders every kustomize overlay,
# checks the rendered manifests, the Prometheus config and rules (promtool, with rule unit tests), the
# compose file, the Grafana dashboards, the compose/Strimzi topic tables and the generated files
# (referenced-metrics.txt, the production PrometheusRule). Installs missing tools with apt-get.
# Exits non-zero on the first failure.                         Usage: bash deploy/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "tools"
command -v promtool >/dev/null || apt_install prometheus
command -v docker-compose >/dev/null || apt_install docker-compose
command -v kubectl >/dev/null || apt_install kubectl || fail "kubectl is missing and apt-get cannot install it"
PYTHON=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then PYTHON="$candidate"; break; fi
done
if [ -z "$PYTHON" ]; then apt_install python3 python3-yaml; PYTHON=/usr/bin/python3; fi
{ promtool --version 2>&1 | sed -n 1p; docker-compose version 2>&1 | sed -n 1p; kubectl version --client 2>&1 | sed -n 1,2p; } || true
RENDERED="$(mktemp -d)"; trap 'rm -rf "$RENDERED"' EXIT

step "kustomize: render every overlay"
for overlay in deploy/k8s/overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" > "$RENDERED/$name.yaml" || fail "kubectl kustomize $overlay"
  echo "$overlay: $(grep -c '^kind:' "$RENDERED/$name.yaml") resources"
done

step "manifests: probes, resources, non-root, selectors, secrets"
"$PYTHON" - "$RENDERED"/*.yaml <<'PY'
import sys, yaml
problems = []
for path in sys.argv[1:]:
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    overlay = path.rsplit("/", 1)[1]
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    names = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for dep in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", []):
        where = f"{overlay} {dep['kind']}/{dep['metadata']['name']}"
        pod = dep["spec"]["template"]["spec"]
        labels = dep["spec"]["template"]["metadata"]["labels"]
        if not all(labels.get(k) == v for k, v in dep["spec"]["selector"]["matchLabels"].items()):
            problems.append(f"{where}: selector does not match the pod labels")
        if not pod.get("securityContext", {}).get("runAsNonRoot"):
            problems.append(f"{where}: pod securityContext.runAsNonRoot is not true")
        for c in pod["containers"]:
            for probe in ("livenessProbe", "readinessProbe"):
                if probe not in c:
                    problems.append(f"{where}: container {c['name']} has no {probe}")
            res = c.get("resources", {})
            if not res.get("requests") or not res.get("limits", {}).get("memory"):
                problems.append(f"{where}: container {c['name']} lacks resource requests or a memory limit")
            if c.get("securityContext", {}).get("allowPrivilegeEscalation") is not False:
                problems.append(f"{where}: container {c['name']} allows privilege escalation")
            for src in c.get("envFrom", []):
                ref = src.get("configMapRef") or src.get("secretRef")
                kind = "ConfigMap" if "configMapRef" in src else "Secret"
                if kind == "ConfigMap" and (kind, ref["name"]) not in names:
                    problems.append(f"{where}: ConfigMap {ref['name']} is not in the overlay")
                if kind == "Secret" and overlay == "sandbox.yaml" and not ref.get("optional") and (kind, ref["name"]) not in names:
                    problems.append(f"{where}: Secret {ref['name']} is not in the sandbox overlay")
        for v in pod.get("volumes", []):
            if "configMap" in v and ("ConfigMap", v["configMap"]["name"]) not in names:
                problems.append(f"{where}: volume ConfigMap {v['configMap']['name']} is not in the overlay")
    for svc in by_kind.get("Service", []):
        sel = svc["spec"].get("selector", {})
        if not any(all(d["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in sel.items())
                   for d in by_kind.get("Deployment", []) + by_kind.get("StatefulSet", [])):
            problems.append(f"{overlay} Service/{svc['metadata']['name']}: selects no pod")
    for kind, target in (("HorizontalPodAutoscaler", "scaleTargetRef"),):
        for hpa in by_kind.get(kind, []):
            if ("Deployment", hpa["spec"][target]["name"]) not in names:
                problems.append(f"{overlay} {kind}/{hpa['metadata']['name']}: no such Deployment")
    for topic in by_kind.get("KafkaTopic", []):
        if topic["spec"]["replicas"] < int(topic["spec"]["config"]["min.insync.replicas"]):
            problems.append(f"{overlay} KafkaTopic/{topic['metadata']['name']}: replicas < min.insync.replicas")
    print(f"{overlay}: {len(by_kind.get('Deployment', []))} Deployments, {len(by_kind.get('KafkaTopic', []))} KafkaTopics checked")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY

step "topics: compose script and Strimzi KafkaTopics agree"
"$PYTHON" - <<'PY'
import sys, yaml
text = open("deploy/docker/kafka-topics.sh").read().split('TOPICS="', 1)[1].split('"', 1)[0]
compose = {}
for line in text.strip().splitlines():
    topic, partitions, *configs = line.split()
    compose[topic] = (int(partitions), dict(c.split("=", 1) for c in configs))
strimzi = {}
for d in yaml.safe_load_all(open("deploy/k8s/base/kafka/topics.yaml")):
    if d:
        config = {k: str(v) for k, v in d["spec"]["config"].items() if k != "min.insync.replicas"}
        strimzi[d["spec"]["topicName"]] = (d["spec"]["partitions"], config)
contract = {f"shipments.{t}.v1{s}" for t in ("registered", "contacts", "status", "notifications", "alerts") for s in ("", ".dlt")}
problems = [f"topic {t}: compose {compose.get(t)} != strimzi {strimzi.get(t)}" for t in sorted(contract | set(compose) | set(strimzi)) if compose.get(t) != strimzi.get(t) or t not in contract]
print("\n".join(problems) or f"{len(compose)} topics agree")
sys.exit(1 if problems else 0)
PY

step "prometheus: config, rules, rule unit tests"
sed "s#/etc/prometheus/rules/#$PWD/deploy/prometheus/rules/#" deploy/prometheus/prometheus.yml > "$RENDERED/prometheus.yml"
promtool check config "$RENDERED/prometheus.yml"
promtool check rules deploy/prometheus/rules/*.yml
(cd deploy/prometheus && promtool test rules tests/*.yml)

step "compose: docker-compose.yml with and without .env.example"
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml --env-file .env.example config -q
"$PYTHON" - <<'PY'
import os, sys, yaml
doc = yaml.safe_load(open("docker-compose.yml"))
problems = []
for name, svc in doc["services"].items():
    for volume in svc.get("volumes", []):
        source = volume.split(":", 1)[0]
        if source.startswith(".") and not os.path.exists(source):
            problems.append(f"service {name}: bind mount {source} does not exist")
    build = svc.get("build")
    if build:
        module = build["args"]["MODULE"]
        if not os.path.exists(os.path.join(module, "pom.xml")):
            problems.append(f"service {name}: MODULE {module} has no pom.xml")
        if not os.path.exists(build["dockerfile"]):
            problems.append(f"service {name}: {build['dockerfile']} does not exist")
print("\n".join(problems) or f"{len(doc['services'])} services: mounts and build modules exist")
sys.exit(1 if problems else 0)
PY

step "grafana: dashboards are valid JSON with unique uids"
"$PYTHON" - <<'PY'
import glob, json, sys
uids = {}
for path in sorted(glob.glob("deploy/grafana/dashboards/*.json")):
    board = json.load(open(path))
    assert board.get("uid") and board.get("title") and board.get("panels"), f"{path}: uid, title and panels are required"
    assert board["uid"] not in uids, f"{path}: uid {board['uid']} also in {uids.get(board['uid'])}"
    uids[board["uid"]] = path
    print(f"{path}: {board['title']} ({len(board['panels'])} panels)")
assert uids, "no dashboards"
PY

step "generated files are up to date"
"$PYTHON" deploy/grafana/build-dashboards.py --check
"$PYTHON" deploy/monitoring/extract-metric-names.py --check
"$PYTHON" deploy/monitoring/render-prometheus-rule.py --check
"$PYTHON" - <<'PY'
import sys
referenced = set(open("deploy/monitoring/referenced-metrics.txt").read().split())
extra = set(open("deploy/monitoring/event-driven-metrics.txt").read().split()) - referenced
print("event-driven-metrics.txt: " + (f"not referenced any more: {sorted(extra)}" if extra else "all referenced"))
sys.exit(1 if extra else 0)
PY

printf '\ndeploy/check.sh: all checks passed\n'
