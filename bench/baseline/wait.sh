#!/usr/bin/env bash
# What TAP teams script today to wait for a PackageInstall: poll its status every few seconds.
# Usage: wait.sh API_URL NAMESPACE NAME VERSION [INTERVAL_SECONDS]
set -euo pipefail
api=$1 ns=$2 name=$3 version=$4 interval=${5:-5}
while true; do
  body=$(curl -s "$api/apis/packaging.carvel.dev/v1alpha1/namespaces/$ns/packageinstalls/$name" || true)
  if grep -q '"type":"ReconcileSucceeded"' <<<"$body" && grep -q "\"version\":\"$version\"" <<<"$body"; then
    exit 0
  fi
  sleep "$interval"
done
