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
# Asked jar by jar: jdeps refuses a whole set when one modular jar requires a module that is not shipped
# (commons-compress names commons-lang3 as a static dependency), and that must not drop every other jar's modules.
cp="$(IFS=:; echo "${jars[*]}")"
modules="$(for j in "${jars[@]}"; do "$jdk/bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps -cp "$cp" "$j" 2>/dev/null | grep -v '^Warning' || true; done | tr ',' '\n' | grep -E '^[a-z][a-z0-9.]*$' | sort -u | paste -sd, -)"
[ -n "$modules" ] || { echo "package-runtime.sh: jdeps listed no modules for the jars" >&2; exit 1; }
# java.desktop is reached only through java.beans, which Jackson and SnakeYAML use when present and do without
# otherwise (WattIQ maps no JavaBeans): leaving it out saves ~15 MB. NVML is reached over FFM (java.base).
modules="$(tr ',' '\n' <<<"$modules" | grep -vx 'java.desktop' | paste -sd, -)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$dest/runtime"
command -v strip >/dev/null && strip --strip-unneeded "$dest"/runtime/lib/server/libjvm.so 2>/dev/null || true
cp "${jars[@]}" "$dest/lib/"
# sqlite-jdbc carries native libraries for ~20 platforms; keep this machine's (glibc and musl).
if command -v zip >/dev/null; then
  for j in "$dest"/lib/sqlite-jdbc-*.jar; do
    others="$(unzip -Z1 "$j" 'org/sqlite/native/*' | grep -v -e "^org/sqlite/native/Linux/$arch/" -e "^org/sqlite/native/Linux-Musl/$arch/" | grep -v '/$' || true)"
    [ -z "$others" ] || zip -q -d "$j" $others
  done
fi
cp "$here/scripts/gpu-check.sh" "$here/scripts/gpu_train.py" "$dest/"

cat >"$dest/bin/wattiq" <<'LAUNCH'
#!/usr/bin/env bash
# wattiq — packaged: runs the CLI on the bundled Java runtime.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The lab's engine needs the incubating Vector API; every other command runs without it (and without the JVM's
# "Using incubator modules" warning, which a linked runtime otherwise prints at every start).
vector=(--limit-modules @MODULES_WITHOUT_VECTOR@)
for a in "$@"; do
  case "$a" in lab|demo|bench) vector=(--add-modules jdk.incubator.vector); break;; -*) ;; *) break;; esac
done
exec "$home/runtime/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m -Xlog:disable \
  --enable-native-access=ALL-UNNAMED "${vector[@]}" -cp "$home/lib/*" dev.wattiq.app.cli.Main "$@"
LAUNCH
sed -i "s/@MODULES_WITHOUT_VECTOR@/$(tr ',' '\n' <<<"$modules" | grep -vx jdk.incubator.vector | paste -sd, -)/" "$dest/bin/wattiq"
chmod +x "$dest/bin/wattiq" "$dest/gpu-check.sh"

# The package must start on its own runtime.
"$dest/bin/wattiq" --version >/dev/null || { echo "package-runtime.sh: the packaged wattiq does not start" >&2; exit 1; }
"$dest/bin/wattiq" devices --json >/dev/null || { echo "package-runtime.sh: the packaged 'wattiq devices --json' failed" >&2; exit 1; }

tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "modules: $modules"
echo "runtime: $(du -sh "$dest/runtime" | cut -f1), jars: $(du -sh "$dest/lib" | cut -f1), package: $(du -sh "$dest" | cut -f1), tar.gz: $(du -h "$out/$name.tar.gz" | cut -f1)"
echo "wrote $dest and $out/$name.tar.gz"
