#!/usr/bin/env bash
# Puts pg_dump and pg_restore of PostgreSQL 17, the version the application runs on, into a folder
# (default ~/.cache/csp-grants/postgresql-client/bin) on a Debian 12 machine, whose own packages stop
# at PostgreSQL 15 (pg_dump refuses a server newer than itself). It unpacks Debian 13's
# postgresql-client-17 with the libraries it needs, and its C library, into that folder and writes
# two small wrappers that start the tools with that C library: nothing is installed system-wide.
# Every file is checked: the release file's signature against Debian's archive keyring (gpgv), the
# package list's SHA-256 against the release file, each package's SHA-256 against the package list.
# .ci/run uses it so that BackupRestoreTest can run (PG_BIN=<folder>); where apt.postgresql.org is
# reachable, installing postgresql-client-17 from there is the cleaner way.
#   scripts/postgresql-client.sh [FOLDER]   # prints the folder of the wrappers
set -euo pipefail
out=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/csp-grants/postgresql-client}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
fetch() { curl -fsS --connect-timeout 20 --max-time 300 --retry 3 -o "$2" "$1"; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ ! -f "$out/complete" ]; then
  work=$(mktemp -d "$out/.unpacking.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  fetch "$mirror/dists/trixie/InRelease" "$work/InRelease"
  gpgv --quiet --keyring "$keyring" --output "$work/Release" "$work/InRelease" 2> /dev/null \
    || { echo "The signature of Debian 13's release file does not verify" >&2; exit 1; }
  fetch "$mirror/dists/trixie/main/binary-amd64/Packages.xz" "$work/Packages.xz"
  expected=$(awk '/^SHA256:/ { s = 1; next } /^[^ ]/ { s = 0 } s && $3 == "main/binary-amd64/Packages.xz" { print $1 }' \
    "$work/Release")
  echo "$expected  $work/Packages.xz" | sha256sum --check --quiet - \
    || { echo "Debian 13's package list does not match its release file" >&2; exit 1; }
  xz -d < "$work/Packages.xz" > "$work/Packages"
  for package in postgresql-client-17 libpq5 libc6 libldap2 libsasl2-2 libzstd1 liblz4-1 libssl3t64 \
      libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1 libreadline8t64 \
      zlib1g libgnutls30t64 libsasl2-modules-db libxxhash0; do
    read -r file sum < <(awk -v p="$package" '
      $1 == "Package:" { current = $2; file = ""; sum = "" }
      current == p && $1 == "Filename:" { file = $2 }
      current == p && $1 == "SHA256:" { sum = $2 }
      current == p && file != "" && sum != "" { print file, sum; exit }' "$work/Packages")
    [ -n "${file:-}" ] || { echo "Debian 13 has no package $package" >&2; exit 1; }
    deb="$work/$(basename "$file")"
    fetch "$mirror/$file" "$deb"
    echo "$sum  $deb" | sha256sum --check --quiet - || { echo "$package does not match its checksum" >&2; exit 1; }
    dpkg-deb -x "$deb" "$work/root"
  done
  rm -rf "$out/root"
  mv "$work/root" "$out/root"
  touch "$out/complete"
fi

libraries="$out/root/usr/lib/x86_64-linux-gnu"
mkdir -p "$out/bin"
for tool in pg_dump pg_restore; do
  cat > "$out/bin/$tool" <<WRAPPER
#!/bin/sh
exec "$libraries/ld-linux-x86-64.so.2" --library-path "$libraries:/usr/lib/x86_64-linux-gnu:/lib/x86_64-linux-gnu" \
  "$out/root/usr/lib/postgresql/17/bin/$tool" "\$@"
WRAPPER
  chmod +x "$out/bin/$tool"
done
"$out/bin/pg_dump" --version > /dev/null
echo "$out/bin"
