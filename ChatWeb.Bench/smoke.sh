#!/usr/bin/env bash
# Bench smoke test for CI: builds the bench and the server, then drives both the chat server and
# the bare relay with a few hundred messages and fails (non-zero exit) if any acknowledged message
# is lost or duplicated, or if the bench itself no longer runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build ChatWeb.Bench/ChatWeb.Bench.csproj -c Release --nologo -v quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet ChatWeb.Bench/bin/Release/net10.0/ChatWeb.Bench.dll smoke --work "$work"
