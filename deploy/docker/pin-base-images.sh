#!/usr/bin/env bash
# Pins the Dockerfile's base images by digest: resolves each ARG BUILD_IMAGE / RUNTIME_IMAGE tag to the
# digest of its multi-platform index and rewrites the default to tag@sha256:…, so every build uses the
# same bytes until someone runs this again (e.g. monthly, or for a JRE security update).
# Needs registry access and one of: docker (buildx), crane, skopeo.      Usage: deploy/docker/pin-base-images.sh
set -euo pipefail
cd "$(dirname "$0")"
digest() {
  local ref="$1"
  if command -v crane >/dev/null; then crane digest "$ref"
  elif command -v docker >/dev/null; then docker buildx imagetools inspect "$ref" --format '{{json .Manifest}}' | sed -n 's/.*"digest":"\(sha256:[0-9a-f]*\)".*/\1/p'
  elif command -v skopeo >/dev/null; then skopeo inspect --raw "docker://$ref" | sha256sum | sed 's/^\([0-9a-f]*\).*/sha256:\1/'
  else echo "need crane, docker buildx or skopeo" >&2; exit 1
  fi
}
for arg in BUILD_IMAGE RUNTIME_IMAGE; do
  current="$(sed -n "s/^ARG $arg=//p" Dockerfile)"
  tag="${current%@*}"
  pinned="$tag@$(digest "$tag")"
  [[ "$pinned" =~ @sha256:[0-9a-f]{64}$ ]] || { echo "could not resolve $tag" >&2; exit 1; }
  sed -i "s|^ARG $arg=.*|ARG $arg=$pinned|" Dockerfile
  echo "$arg=$pinned"
done
