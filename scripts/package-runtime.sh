#!/usr/bin/env bash
# package-runtime.sh — WattIQ with its own small Java runtime (jlink), for machines without a JDK or Maven
# (e.g. a GPU machine that has only the NVIDIA driver and PyTorch).
#
#   scripts/package-runtime.sh [--no-build] [--lean] [--out DIR]
#
# Builds the jars (mvn package, tests skipped), asks jdeps which JDK modules they use, links a runtime with only
# those, and writes DIR/wattiq-<os>-<arch>/ (bin/wattiq, lib/*.jar, runtime/, gpu-check.sh, gpu_train.py) plus a
# .tar.gz of it. DIR defaults to dist/. Needs a JDK 25 (for jlink and jdeps) and, unless --no-build, Maven.
# --lean leaves out what only `wattiq lab serve` uses (ONNX Runtime, the MiniLM models, DJL's tokenizers: ~160 MB
# of the ~180 MB of jars), for a small bundle to carry to a GPU machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/dist"
build=1
lean=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift;;
    --lean) lean=1; shift;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2;;
    -h|--help) sed -n '2,13p' "$0"; exit 0;;
    *) echo "package-runtime.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done

jdk=""
for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
  if [ -n "$c" ] && [ -x "$c/bin/jlink" ] && "$c/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then jdk="$c"; break; fi
done
[ -n "$jdk" ] || { echo "package-runtime.sh: no JDK 25 with jlink found: set JAVA_HOME to a JDK 25" >&2; exit 2; }

if [ "$build" = 1 ]; then
  command -v mvn >/dev/null || { echo "package-runtime.sh: Maven is needed to build (or pass --no-build after a build)" >&2; exit 2; }
  (cd "$here" && JAVA_HOME="$jdk" mvn -q -B -ntp -DskipTests package)
fi
app="$here/app/target/wattiq-app.jar"
[ -f "$app" ] || { echo "package-runtime.sh: $app is missing: build first (drop --no-build)" >&2; exit 2; }

arch="$(uname -m)"; os="$(uname -s | tr 'A-Z' 'a-z')"
name="wattiq-$os-$arch"
dest="$out/$name"
rm -rf "$dest" "$out/$name.tar.gz"
mkdir -p "$dest/bin" "$dest/lib"

# Only the modules the jars use; jdk.incubator.vector is listed when the lab's engine is in.
jars=("$app")
for j in "$here"/app/target/lib/*.jar; do
  if [ "$lean" = 1 ]; then
    case "$(basename "$j")" in langchain4j-*|onnxruntime-*|tokenizers-*|api-0.*|commons-compress-*|commons-io-*|gson-*|jna-*) continue;; esac
  fi
  jars+=("$j")
done
# One jdeps call for the whole set (one JVM start, ~15 s on a loaded 2-core machine); asked jar by jar only when that
# call fails: jdeps refuses a whole set when one modular jar requires a module that is not shipped (commons-compress
# names commons-lang3 as a static dependency), and that must not drop every other jar's modules.
cp="$(IFS=:; echo "${jars[*]}")"
deps() { "$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps "$@" 2>/dev/null; }
if ! listed="$(deps -cp "$cp" "${jars[@]}")" || ! grep -qE '^[a-z][a-z0-9.]*(,[a-z][a-z0-9.]*)*$' <<<"$listed"; then
  listed="$(for j in "${jars[@]}"; do deps -cp "$cp" "$j" | grep -v '^Warning' || true; done)"
fi
modules="$(tr ',' '\n' <<<"$listed" | grep -E '^[a-z][a-z0-9.]*$' | sort -u | paste -sd, -)"
[ -n "$modules" ] || { echo "package-runtime.sh: jdeps listed no modules for the jars" >&2; exit 1; }
# java.desktop is reached only through java.beans, which Jackson and SnakeYAML use when present and do without
# otherwise (WattIQ maps no JavaBeans): leaving it out saves ~15 MB. NVML is reached over FFM (java.base).
modules="$(tr ',' '\n' <<<"$modules" | grep -vx 'java.desktop' | paste -sd, -)"
# --generate-cds-archive: the JDK classes' class-data archive (the base the launcher's archive of WattIQ's classes needs).
# (jlink warns that it uses an incubator module when it links jdk.incubator.vector, and reports the archive: both dropped.)
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
  --output "$dest/runtime" 2>&1 | { grep -v -e 'Using incubator modules' -e 'Created CDS archive successfully' || true; } >&2
command -v strip >/dev/null && strip --strip-unneeded "$dest"/runtime/lib/server/libjvm.so 2>/dev/null || true
cp "${jars[@]}" "$dest/lib/"
# sqlite-jdbc carries native libraries for ~20 platforms; keep this machine's (glibc and musl).
if command -v zip >/dev/null; then
  for j in "$dest"/lib/sqlite-jdbc-*.jar; do
    others="$(unzip -Z1 "$j" 'org/sqlite/native/*' | grep -v -e "^org/sqlite/native/Linux/$arch/" -e "^org/sqlite/native/Linux-Musl/$arch/" | grep -v '/$' || true)"
    [ -z "$others" ] || zip -q -d "$j" $others
  done
fi
# sqlite-jdbc unpacks its native library into /tmp at every start (~60-90 ms): ship it unpacked (glibc only; the
# launcher leaves musl systems to the driver's own unpacking).
sqlite_jar="$(ls "$dest"/lib/sqlite-jdbc-*.jar | head -n1)"
(mkdir -p "$dest/lib/native" && cd "$dest/lib/native" && "$jdk/bin/jar" xf "$sqlite_jar" "org/sqlite/native/Linux/$arch/libsqlitejdbc.so" \
  && mv "org/sqlite/native/Linux/$arch/libsqlitejdbc.so" . && rm -rf org) || rm -rf "$dest/lib/native"
cp "$here/scripts/gpu-check.sh" "$here/scripts/gpu_train.py" "$dest/"
# What a user needs beside the CLI: the examples the README uses, and the Python client (standard library only) for
# windows and work counts from inside a job.
tar -C "$here" --exclude=__pycache__ --exclude='*.egg-info' --exclude=build -cf - examples | tar -C "$dest" -xf -
if [ -d "$here/clients/python" ]; then
  tar -C "$here" --exclude=__pycache__ --exclude='*.egg-info' --exclude=build --exclude=tests -cf - clients/python | tar -C "$dest" -xf -
fi
cat >"$dest/README.txt" <<'README'
WattIQ, packaged with its own Java runtime: no JDK, no Maven, no network needed.

  bin/wattiq --help                        every command
  bin/wattiq run -- python3 train.py       measure a command (energy by component, cost, CO2e); stored under ~/.wattiq
  bin/wattiq demo --quick                  the article's experiments, measured and on the frontier
  bin/wattiq plan train --params 7B --tokens 1T --hardware H100-SXM
  bin/wattiq serve                         dashboard, JSON API and /metrics at http://127.0.0.1:9464/

Put bin/ on your PATH (or link bin/wattiq into it): the launcher finds its runtime wherever the folder lies.
examples/ holds the inputs the README's examples use (tune-points.csv, schedule-series.csv, seed/).
clients/python/ is the Python client (energy per step, sample and token from inside a job):
  pip install ./clients/python      (or PYTHONPATH=clients/python)
gpu-check.sh compares WattIQ's NVML counter with nvidia-smi on a GPU machine (see docs/gpu.md in the repository).
README

cat >"$dest/bin/wattiq" <<'LAUNCH'
#!/usr/bin/env bash
# wattiq — packaged: runs the CLI on the bundled Java runtime (no JDK or Maven needed; the folder may lie anywhere).
set -euo pipefail
self="${BASH_SOURCE[0]}"
while [ -L "$self" ]; do # a link to bin/wattiq (e.g. from ~/.local/bin) still finds the bundle
  target="$(readlink "$self")"; case "$target" in /*) self="$target";; *) self="$(dirname "$self")/$target";; esac
done
home="$(cd "$(dirname "$self")/.." && pwd)"
# The lab's engine needs the incubating Vector API and the C2 compiler (the only one that intrinsifies it); every
# other command runs without the module (so without the JVM's "Using incubator modules" warning: a class-path
# application resolves no incubator module unless asked) and starts faster on C1 alone. (--limit-modules would also
# keep it out, but it turns class-data sharing off: measured 2x slower starts.)
kind=cli
for a in "$@"; do
  case "$a" in lab|demo|bench) kind=vector; break;; -*) ;; *) break;; esac
done
for a in "$@"; do # help and version never train: no incubating module, so no JVM warning under them
  case "$a" in --) break;; -h|--help|-V|--version) kind=cli; break;; esac
done
if [ "$kind" = vector ]; then
  flags=(--add-modules jdk.incubator.vector)
else
  flags=(-XX:TieredStopAtLevel=1)
fi
# Start-up: a class-data archive of WattIQ's own classes, written by the first start (JDK 19+ auto-archive) beside the
# runtime when the folder is writable, else under the user's cache; one per kind of start (their JVM flags differ).
cds="$home/runtime/cds"
if ! { [ -d "$cds" ] || mkdir -p "$cds" 2>/dev/null; } || [ ! -w "$cds" ]; then
  cds="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/wattiq/cds-$(printf '%s' "$home" | cksum | cut -d' ' -f1)"
  mkdir -p "$cds" 2>/dev/null || cds=""
fi
[ -z "$cds" ] || flags+=(-XX:SharedArchiveFile="$cds/wattiq-$kind.jsa" -XX:+AutoCreateSharedArchive -Xshare:auto)
if [ -f "$home/lib/native/libsqlitejdbc.so" ] && ! compgen -G '/lib/ld-musl-*' >/dev/null; then
  flags+=(-Dorg.sqlite.lib.path="$home/lib/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
fi
exec "$home/runtime/bin/java" -XX:+UseSerialGC -Xss4m -Xlog:disable --enable-native-access=ALL-UNNAMED "${flags[@]}" \
  -cp "$home/lib/*" dev.wattiq.app.cli.Main "$@"
LAUNCH
chmod +x "$dest/bin/wattiq" "$dest/gpu-check.sh"

# The package must start on its own runtime.
"$dest/bin/wattiq" --version >/dev/null || { echo "package-runtime.sh: the packaged wattiq does not start" >&2; exit 1; }
"$dest/bin/wattiq" devices --json >/dev/null || { echo "package-runtime.sh: the packaged 'wattiq devices --json' failed" >&2; exit 1; }

rm -rf "$dest/runtime/cds" # the checks' class-data archives name this folder: each install writes its own
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "modules: $modules"
echo "runtime: $(du -sh "$dest/runtime" | cut -f1), jars: $(du -sh "$dest/lib" | cut -f1), package: $(du -sh "$dest" | cut -f1), tar.gz: $(du -h "$out/$name.tar.gz" | cut -f1)"
echo "wrote $dest and $out/$name.tar.gz"
