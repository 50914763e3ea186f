#!/usr/bin/env bash
# What the tests need besides Python: Debian's Chromium (the browser tests and Lighthouse drive it), Java
# (the W3C Nu HTML validator, vnu.jar) and Node with npm (installs vnu-jar and lighthouse, pinned in
# package-lock.json). Installs what is missing with apt-get when run as root (or with passwordless sudo);
# otherwise says what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
fi
if [ "$sudo" != "none" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing what the tests need (apt-get): ${missing[*]}..."
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need: ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
exit 1
