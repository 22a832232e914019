#!/usr/bin/env bash
# Upload the tree `llmcfg publish` wrote to GitHub releases:
#   <feature>@<version>   one immutable release per version: bundle.json, .sha256, .sig
#   channels              one release whose assets are the mutable channel pointers
# Idempotent: a version release that exists is left alone (never re-uploaded); pointers are
# replaced. Needs `gh` with GH_TOKEN; the site directory is the only argument.
set -euo pipefail
site="${1:?usage: github-releases.sh <site-dir>}"
cd "$site"

for dir in */*/; do
  dir="${dir%/}"
  feature="${dir%%/*}"
  version="${dir#*/}"
  [ "$version" = "channels" ] && continue
  tag="${feature}@${version}"
  if gh release view "$tag" >/dev/null 2>&1; then
    echo "exists: $tag"
    continue
  fi
  files=("$dir/bundle.json" "$dir/bundle.json.sha256")
  [ -f "$dir/bundle.json.sig" ] && files+=("$dir/bundle.json.sig")
  gh release create "$tag" "${files[@]}" --title "$tag" --notes "Bundle ${tag}. See releases/${feature}/CHANGELOG.md."
  echo "created: $tag"
done

if ! gh release view channels >/dev/null 2>&1; then
  gh release create channels --title "Channel pointers" --notes "Mutable pointers: <feature>-<channel>.json names the version each channel serves."
fi
pointers=()
for pointer in */channels/*.json; do
  [ -e "$pointer" ] || continue
  feature="${pointer%%/*}"
  name="$(basename "$pointer")"
  cp "$pointer" "${feature}-${name}"
  pointers+=("${feature}-${name}")
done
cp index.json channels-index.json
pointers+=("channels-index.json")
gh release upload channels "${pointers[@]}" --clobber
echo "channels: ${#pointers[@]} pointer file(s) uploaded"
