#!/usr/bin/env bash
# Builds and runs every test in the solution, then prints one closing line:
#   N passed, N failed[, N skipped]
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Lockout".
# With CI=true it also publishes the app the way the Dockerfile does, so a broken publish fails CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results_dir="TestResults"

# Debian packages the tests need, as "command:package" pairs; installed only when the command is missing.
# nginx runs deploy/nginx.conf in front of two app nodes in the production-shape browser tests.
required_apt_packages=("redis-server:redis-server" "chromium:chromium" "nginx:nginx")

apt_updated=""
ensure_apt_package() {
    local command_name=$1 package=${2:-$1}
    command -v "$command_name" >/dev/null 2>&1 && return 0
    # nginx lives in /usr/sbin, which a non-root PATH may leave out.
    [ -x "/usr/sbin/$command_name" ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    if [ -z "$apt_updated" ]; then
        $sudo apt-get update -qq
        apt_updated=1
    fi
    echo "Installing $package (for $command_name)..."
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package" </dev/null
}

ensure_prerequisites() {
    if ! command -v dotnet >/dev/null 2>&1; then
        echo "The .NET 10 SDK is required: install it, then run ./test.sh again." >&2
        exit 1
    fi
    local pair
    for pair in "${required_apt_packages[@]}"; do
        ensure_apt_package "${pair%%:*}" "${pair#*:}"
    done
    dotnet tool restore >/dev/null
    ensure_oidc_test_provider
}

# The sign-in tests run a real OpenID Provider (oidc-provider, tools/oidc-test-provider) on Node.js.
# Debian's nodejs is installed only when there is no node at all; oidc-provider 9 needs Node.js 20
# or later, which Debian 12 does not ship (its nodejs is 18), so an older node stops the run here
# with a clear message instead of failing the sign-in tests one by one.
oidc_provider_dir="tools/oidc-test-provider"
ensure_oidc_test_provider() {
    ensure_apt_package node nodejs
    command -v npm >/dev/null 2>&1 || ensure_apt_package npm npm
    local major
    major=$(node -p 'process.versions.node.split(".")[0]')
    if [ "$major" -lt 20 ]; then
        echo "Node.js $(node --version) is too old for the OpenID Provider the sign-in tests use (oidc-provider 9 needs Node.js 20 or later; Debian 12's nodejs is 18). Install Node.js 20 or later, then run ./test.sh again." >&2
        exit 1
    fi
    if [ ! -d "$oidc_provider_dir/node_modules/oidc-provider" ]; then
        echo "Installing the OpenID Provider for the sign-in tests (npm ci)..."
        npm ci --prefix "$oidc_provider_dir" --no-audit --no-fund --loglevel=error </dev/null
    fi
}

publish_like_the_dockerfile() {
    local out
    out=$(mktemp -d)
    echo "Publishing ChatWeb (Release) to check the container build..."
    if ! dotnet publish ChatWeb/ChatWeb.csproj -c Release -o "$out" --nologo -v quiet; then
        rm -rf "$out"
        echo "dotnet publish failed." >&2
        exit 1
    fi
    rm -rf "$out"
}

# Sums one attribute of the <Counters .../> element over every TRX file (no python on a fresh machine).
sum_counter() {
    local name=$1
    { find "$results_dir" -name '*.trx' -exec cat {} + 2>/dev/null || true; } \
        | { grep -o '<Counters [^>]*>' || true; } \
        | sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" \
        | awk '{ sum += $1 } END { print sum + 0 }'
}

ensure_prerequisites
if [ "${CI:-}" = "true" ]; then
    publish_like_the_dockerfile
fi

rm -rf "$results_dir"
test_status=0
if [ "${CI:-}" = "true" ]; then
    # Seconds of real load on the real server and the bare relay; fails on any lost or duplicated message.
    echo "Bench smoke run..."
    bash ChatWeb.Bench/smoke.sh </dev/null || { echo "The bench smoke run failed." >&2; exit 1; }
fi
dotnet test ChatWeb.sln --logger "trx;LogFilePrefix=chatweb" --results-directory "$results_dir" "$@" </dev/null || test_status=$?

total=$(sum_counter total)
executed=$(sum_counter executed)
passed=$(sum_counter passed)
failed=$(( $(sum_counter failed) + $(sum_counter error) + $(sum_counter timeout) + $(sum_counter aborted) ))
# xunit's skipped tests are counted in total but not in executed.
skipped=$(( total - executed ))

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test exited with $test_status before reporting a failed test (build error or crashed test host)." >&2
fi
if [ "$executed" -eq 0 ]; then
    echo "No test ran." >&2
fi

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
    summary="$summary, $skipped skipped"
fi
echo "$summary"

if [ "$test_status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$executed" -eq 0 ]; then
    exit 1
fi
