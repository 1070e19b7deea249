#!/bin/sh
# Rewrites the usage blocks of docs/cli.md from the command line's picocli model (dev.ioscope.cli.CliDocs).
# CliDocsTest fails while docs/cli.md differs from what this writes.
set -e
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -pl app -am
./mvnw -q -B -pl app exec:java -Dexec.mainClass=dev.ioscope.cli.CliDocs -Dexec.args="$(pwd)/docs/cli.md"
