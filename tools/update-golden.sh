#!/usr/bin/env bash
# Rewrites the golden files of the generator's tests (tests/UxRt.Camkes.Compiler.Tests/Golden/) from
# the current templates and view models. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
CAMKES_UPDATE_GOLDEN=1 dotnet test tests/UxRt.Camkes.Compiler.Tests --filter "FullyQualifiedName~GoldenFileTests"
git status --short tests/UxRt.Camkes.Compiler.Tests/Golden
