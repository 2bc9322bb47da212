#!/usr/bin/env bash
# Puts pg_dump and pg_restore of PostgreSQL 17, the version the application runs on, into a folder
# (default ~/.cache/csp-grants/postgresql-client/bin) on a Debian 12 machine, whose own packages stop at
# PostgreSQL 15 (pg_dump refuses a server newer than itself). It unpacks Debian 13's
# postgresql-client-17 with the libraries it needs, and its C library, into that folder and writes
# two small wrappers that start the tools with that C library: nothing is installed system-wide.
# .ci/run uses it so that BackupRestoreTest can run (PG_BIN=<folder>); where apt.postgresql.org is
# reachable, installing postgresql-client-17 from there is the cleaner way.
#   scripts/postgresql-client.sh [FOLDER]   # prints the folder of the wrappers
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/csp-grants/postgresql-client}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$out/debs" "$out/root" "$out/bin"
out=$(cd "$out" && pwd)

if [ ! -x "$out/root/usr/lib/postgresql/17/bin/pg_dump" ]; then
  curl -fsS "$mirror/dists/trixie/main/binary-amd64/Packages.xz" | xz -d > "$out/Packages"
  for package in postgresql-client-17 libpq5 libc6 libldap2 libsasl2-2 libzstd1 liblz4-1 libssl3t64 \
      libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1 libreadline8t64 \
      zlib1g libgnutls30t64 libsasl2-modules-db; do
    file=$(awk -v p="$package" '$1 == "Package:" { current = $2 } current == p && $1 == "Filename:" { print $2; exit }' \
      "$out/Packages")
    [ -n "$file" ] || { echo "Debian 13 has no package $package" >&2; exit 1; }
    curl -fsS -o "$out/debs/$(basename "$file")" "$mirror/$file"
    dpkg-deb -x "$out/debs/$(basename "$file")" "$out/root"
  done
fi

libraries="$out/root/usr/lib/x86_64-linux-gnu"
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
