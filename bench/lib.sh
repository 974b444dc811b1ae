# Sourced by bench scripts (`. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"`): strict mode; $here, the repository root;
# $work, a scratch folder removed at exit, with WATTIQ_HOME inside it so that a benchmark never touches the user's
# runs. A script with more to undo at exit (processes it started) redefines bench_cleanup, which runs first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
bench_cleanup() { :; }
trap 'bench_cleanup; rm -rf "$work"' EXIT
export WATTIQ_HOME="$work/home"

# wattiq_jdk: builds ./wattiq once (outside anything timed) and prints the JDK the build used.
wattiq_jdk() {
  "$here/wattiq" --version >/dev/null || return
  head -n1 "$here/app/target/.wattiq-build.stamp"
}
