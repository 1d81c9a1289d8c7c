#!/usr/bin/env bash
# What TAP teams script today to do what `carvel-gitops render` does: copy the Package, template each
# stage's PackageInstall and values Secret with sed, then commit everything (and push, for a remote).
# Usage: render.sh REPO PACKAGE_FILE REFNAME VERSION WORKLOAD NAMESPACE SERVICE_ACCOUNT STAGE...
set -euo pipefail
repo=$1 package_file=$2 ref=$3 version=$4 workload=$5 ns=$6 sa=$7
shift 7
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mkdir -p "$repo/$ref/packages"
cp "$package_file" "$repo/$ref/packages/$version.yaml"
for stage in "$@"; do
  mkdir -p "$repo/$ref/$stage"
  sed -e "s|__NAME__|$workload|g" -e "s|__NAMESPACE__|$ns|g" -e "s|__SA__|$sa|g" \
      -e "s|__REFNAME__|$ref|g" -e "s|__VERSION__|$version|g" \
      "$here/packageinstall.tmpl" > "$repo/$ref/$stage/packageinstall.yaml"
  sed -e "s|__NAME__|$workload|g" -e "s|__NAMESPACE__|$ns|g" -e "s|__STAGE__|$stage|g" \
      "$here/params.tmpl" > "$repo/$ref/$stage/params.yaml"
done
cd "$repo"
git add -A
git commit -q -m "Deliver $ref $version"
if git remote get-url origin >/dev/null 2>&1; then
  git push -q origin HEAD
fi
